package io.uconform.kind.sim;

import io.uconform.profile.Limits;
import io.uconform.server.ServerLimits;

/** Core {@link Limits} (what a profile claims) to the server's {@link ServerLimits}. */
final class LimitsMapping {

    private LimitsMapping() {
    }

    static ServerLimits toServer(Limits l) {
        return ServerLimits.reference()
                .withMaxClients(l.maxClients())
                .withMaxHeaderBytes(l.maxHeaderBytes())
                .withMaxTargetBytes(l.maxTargetBytes())
                .withMaxBodyBytes(l.maxBodyBytes())
                .withMaxUploadBytes((int) Math.min(Integer.MAX_VALUE, l.maxUploadBytes()))
                .withHeaderTimeout(l.headerTimeout())
                .withKeepAliveIdle(l.keepAliveIdle())
                .withMaxRequestsPerConnection(l.maxRequestsPerConnection())
                .withMaxSseSubscribers(l.maxSseSubscribers())
                .withMaxWsMessageBytes(l.maxWsMessageBytes())
                .withBodyTimeout(l.bodyTimeout())
                .withWsFrameTimeout(l.wsFrameTimeout());
    }
}
