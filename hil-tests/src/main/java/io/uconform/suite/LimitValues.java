package io.uconform.suite;

import io.uconform.profile.Limits;

/** A limit of {@link Limits} by its profile-file name; timeouts in milliseconds. */
final class LimitValues {

    private LimitValues() {
    }

    static long of(Limits limits, String name) {
        switch (name) {
            case "maxClients":
                return limits.maxClients();
            case "maxHeaderBytes":
                return limits.maxHeaderBytes();
            case "maxTargetBytes":
                return limits.maxTargetBytes();
            case "maxBodyBytes":
                return limits.maxBodyBytes();
            case "maxUploadBytes":
                return limits.maxUploadBytes();
            case "headerTimeoutMs":
                return limits.headerTimeout().toMillis();
            case "keepAliveIdleMs":
                return limits.keepAliveIdle().toMillis();
            case "maxRequestsPerConnection":
                return limits.maxRequestsPerConnection();
            case "maxSseSubscribers":
                return limits.maxSseSubscribers();
            case "maxWsMessageBytes":
                return limits.maxWsMessageBytes();
            case "bodyTimeoutMs":
                return limits.bodyTimeout().toMillis();
            case "wsFrameTimeoutMs":
                return limits.wsFrameTimeout().toMillis();
            default:
                throw new IllegalArgumentException("no limit named '" + name + "'");
        }
    }
}
