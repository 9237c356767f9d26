package io.uconform.server;

import java.time.Duration;

/**
 * Resource limits of the server (CONFORMANCE section 4). {@link #reference()} gives the
 * device-sized reference values; {@code withX} returns a copy.
 *
 * @param writeTimeout bound on any single blocking write to a client (a client that stops reading)
 */
public record ServerLimits(int maxClients, int maxHeaderBytes, int maxTargetBytes, int maxBodyBytes,
                           int maxUploadBytes, Duration headerTimeout, Duration keepAliveIdle,
                           int maxRequestsPerConnection, int maxSseSubscribers, int maxWsMessageBytes,
                           Duration writeTimeout) {

    public ServerLimits {
        positive(maxClients, "maxClients");
        positive(maxHeaderBytes, "maxHeaderBytes");
        positive(maxTargetBytes, "maxTargetBytes");
        positive(maxBodyBytes, "maxBodyBytes");
        positive(maxUploadBytes, "maxUploadBytes");
        positive(maxRequestsPerConnection, "maxRequestsPerConnection");
        positive(maxSseSubscribers, "maxSseSubscribers");
        positive(maxWsMessageBytes, "maxWsMessageBytes");
        positive(headerTimeout, "headerTimeout");
        positive(keepAliveIdle, "keepAliveIdle");
        positive(writeTimeout, "writeTimeout");
    }

    public static ServerLimits reference() {
        return new ServerLimits(4, 4096, 1024, 64 * 1024, 1024 * 1024, Duration.ofSeconds(5),
                Duration.ofSeconds(15), 100, 3, 128 * 1024, Duration.ofSeconds(30));
    }

    public ServerLimits withMaxClients(int v) {
        return new ServerLimits(v, maxHeaderBytes, maxTargetBytes, maxBodyBytes, maxUploadBytes, headerTimeout,
                keepAliveIdle, maxRequestsPerConnection, maxSseSubscribers, maxWsMessageBytes, writeTimeout);
    }

    public ServerLimits withMaxHeaderBytes(int v) {
        return new ServerLimits(maxClients, v, maxTargetBytes, maxBodyBytes, maxUploadBytes, headerTimeout,
                keepAliveIdle, maxRequestsPerConnection, maxSseSubscribers, maxWsMessageBytes, writeTimeout);
    }

    public ServerLimits withMaxTargetBytes(int v) {
        return new ServerLimits(maxClients, maxHeaderBytes, v, maxBodyBytes, maxUploadBytes, headerTimeout,
                keepAliveIdle, maxRequestsPerConnection, maxSseSubscribers, maxWsMessageBytes, writeTimeout);
    }

    public ServerLimits withMaxBodyBytes(int v) {
        return new ServerLimits(maxClients, maxHeaderBytes, maxTargetBytes, v, maxUploadBytes, headerTimeout,
                keepAliveIdle, maxRequestsPerConnection, maxSseSubscribers, maxWsMessageBytes, writeTimeout);
    }

    public ServerLimits withMaxUploadBytes(int v) {
        return new ServerLimits(maxClients, maxHeaderBytes, maxTargetBytes, maxBodyBytes, v, headerTimeout,
                keepAliveIdle, maxRequestsPerConnection, maxSseSubscribers, maxWsMessageBytes, writeTimeout);
    }

    public ServerLimits withHeaderTimeout(Duration v) {
        return new ServerLimits(maxClients, maxHeaderBytes, maxTargetBytes, maxBodyBytes, maxUploadBytes, v,
                keepAliveIdle, maxRequestsPerConnection, maxSseSubscribers, maxWsMessageBytes, writeTimeout);
    }

    public ServerLimits withKeepAliveIdle(Duration v) {
        return new ServerLimits(maxClients, maxHeaderBytes, maxTargetBytes, maxBodyBytes, maxUploadBytes,
                headerTimeout, v, maxRequestsPerConnection, maxSseSubscribers, maxWsMessageBytes, writeTimeout);
    }

    public ServerLimits withMaxRequestsPerConnection(int v) {
        return new ServerLimits(maxClients, maxHeaderBytes, maxTargetBytes, maxBodyBytes, maxUploadBytes,
                headerTimeout, keepAliveIdle, v, maxSseSubscribers, maxWsMessageBytes, writeTimeout);
    }

    public ServerLimits withMaxSseSubscribers(int v) {
        return new ServerLimits(maxClients, maxHeaderBytes, maxTargetBytes, maxBodyBytes, maxUploadBytes,
                headerTimeout, keepAliveIdle, maxRequestsPerConnection, v, maxWsMessageBytes, writeTimeout);
    }

    public ServerLimits withMaxWsMessageBytes(int v) {
        return new ServerLimits(maxClients, maxHeaderBytes, maxTargetBytes, maxBodyBytes, maxUploadBytes,
                headerTimeout, keepAliveIdle, maxRequestsPerConnection, maxSseSubscribers, v, writeTimeout);
    }

    public ServerLimits withWriteTimeout(Duration v) {
        return new ServerLimits(maxClients, maxHeaderBytes, maxTargetBytes, maxBodyBytes, maxUploadBytes,
                headerTimeout, keepAliveIdle, maxRequestsPerConnection, maxSseSubscribers, maxWsMessageBytes, v);
    }

    private static void positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    private static void positive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
        }
    }
}
