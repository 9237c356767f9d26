package io.uconform.profile;

import java.time.Duration;

/**
 * Resource limits a server claims (CONFORMANCE section 4). Immutable; {@link #reference()} gives
 * the device-sized reference defaults.
 */
public record Limits(int maxClients, int maxHeaderBytes, int maxTargetBytes, int maxBodyBytes,
                     long maxUploadBytes, Duration headerTimeout, Duration keepAliveIdle,
                     int maxRequestsPerConnection, int maxSseSubscribers, int maxWsMessageBytes) {

    public static Limits reference() {
        return new Limits(4, 4096, 1024, 64 * 1024, 1024 * 1024, Duration.ofSeconds(5),
                Duration.ofSeconds(15), 100, 3, 128 * 1024);
    }

    public Limits withHeaderTimeout(Duration d) {
        return new Limits(maxClients, maxHeaderBytes, maxTargetBytes, maxBodyBytes, maxUploadBytes, d,
                keepAliveIdle, maxRequestsPerConnection, maxSseSubscribers, maxWsMessageBytes);
    }

    public Limits withKeepAliveIdle(Duration d) {
        return new Limits(maxClients, maxHeaderBytes, maxTargetBytes, maxBodyBytes, maxUploadBytes,
                headerTimeout, d, maxRequestsPerConnection, maxSseSubscribers, maxWsMessageBytes);
    }
}
