package io.uconform.server;

import java.time.Duration;

/**
 * Resource limits of the server (CONFORMANCE section 4). {@link #reference()} gives the
 * device-sized reference values; {@code withX} returns a copy.
 *
 * @param headerTimeout  a request head must be complete within this of its first byte (the first
 *                       request of a connection: of connecting); also the wait for that first byte
 * @param writeTimeout   bound on any single blocking write to a client (a client that stops reading)
 * @param bodyTimeout    a declared request body must be complete within this of the end of its head
 * @param wsFrameTimeout a WebSocket frame must be complete within this of its first byte
 */
public record ServerLimits(int maxClients, int maxHeaderBytes, int maxTargetBytes, int maxBodyBytes,
                           int maxUploadBytes, Duration headerTimeout, Duration keepAliveIdle,
                           int maxRequestsPerConnection, int maxSseSubscribers, int maxWsMessageBytes,
                           Duration writeTimeout, Duration bodyTimeout, Duration wsFrameTimeout) {

    public static final Duration REFERENCE_BODY_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration REFERENCE_WS_FRAME_TIMEOUT = Duration.ofSeconds(5);

    public ServerLimits {
        positive(maxClients, "maxClients");
        positive(maxHeaderBytes, "maxHeaderBytes");
        positive(maxTargetBytes, "maxTargetBytes");
        positive(maxBodyBytes, "maxBodyBytes");
        positive(maxUploadBytes, "maxUploadBytes");
        positive(headerTimeout, "headerTimeout");
        positive(keepAliveIdle, "keepAliveIdle");
        positive(maxRequestsPerConnection, "maxRequestsPerConnection");
        positive(maxSseSubscribers, "maxSseSubscribers");
        positive(maxWsMessageBytes, "maxWsMessageBytes");
        positive(writeTimeout, "writeTimeout");
        positive(bodyTimeout, "bodyTimeout");
        positive(wsFrameTimeout, "wsFrameTimeout");
    }

    /** The limits without the body and frame deadlines, which take their reference values. */
    public ServerLimits(int maxClients, int maxHeaderBytes, int maxTargetBytes, int maxBodyBytes, int maxUploadBytes,
                        Duration headerTimeout, Duration keepAliveIdle, int maxRequestsPerConnection,
                        int maxSseSubscribers, int maxWsMessageBytes, Duration writeTimeout) {
        this(maxClients, maxHeaderBytes, maxTargetBytes, maxBodyBytes, maxUploadBytes, headerTimeout, keepAliveIdle,
                maxRequestsPerConnection, maxSseSubscribers, maxWsMessageBytes, writeTimeout, REFERENCE_BODY_TIMEOUT,
                REFERENCE_WS_FRAME_TIMEOUT);
    }

    public static ServerLimits reference() {
        return new ServerLimits(4, 4096, 1024, 64 * 1024, 1024 * 1024, Duration.ofSeconds(5),
                Duration.ofSeconds(15), 100, 3, 128 * 1024, Duration.ofSeconds(30), REFERENCE_BODY_TIMEOUT,
                REFERENCE_WS_FRAME_TIMEOUT);
    }

    public ServerLimits withMaxClients(int v) {
        return new ServerLimits(v, maxHeaderBytes, maxTargetBytes, maxBodyBytes, maxUploadBytes, headerTimeout, keepAliveIdle,
                maxRequestsPerConnection, maxSseSubscribers, maxWsMessageBytes, writeTimeout, bodyTimeout,
                wsFrameTimeout);
    }

    public ServerLimits withMaxHeaderBytes(int v) {
        return new ServerLimits(maxClients, v, maxTargetBytes, maxBodyBytes, maxUploadBytes, headerTimeout, keepAliveIdle,
                maxRequestsPerConnection, maxSseSubscribers, maxWsMessageBytes, writeTimeout, bodyTimeout,
                wsFrameTimeout);
    }

    public ServerLimits withMaxTargetBytes(int v) {
        return new ServerLimits(maxClients, maxHeaderBytes, v, maxBodyBytes, maxUploadBytes, headerTimeout, keepAliveIdle,
                maxRequestsPerConnection, maxSseSubscribers, maxWsMessageBytes, writeTimeout, bodyTimeout,
                wsFrameTimeout);
    }

    public ServerLimits withMaxBodyBytes(int v) {
        return new ServerLimits(maxClients, maxHeaderBytes, maxTargetBytes, v, maxUploadBytes, headerTimeout, keepAliveIdle,
                maxRequestsPerConnection, maxSseSubscribers, maxWsMessageBytes, writeTimeout, bodyTimeout,
                wsFrameTimeout);
    }

    public ServerLimits withMaxUploadBytes(int v) {
        return new ServerLimits(maxClients, maxHeaderBytes, maxTargetBytes, maxBodyBytes, v, headerTimeout, keepAliveIdle,
                maxRequestsPerConnection, maxSseSubscribers, maxWsMessageBytes, writeTimeout, bodyTimeout,
                wsFrameTimeout);
    }

    public ServerLimits withHeaderTimeout(Duration v) {
        return new ServerLimits(maxClients, maxHeaderBytes, maxTargetBytes, maxBodyBytes, maxUploadBytes, v, keepAliveIdle,
                maxRequestsPerConnection, maxSseSubscribers, maxWsMessageBytes, writeTimeout, bodyTimeout,
                wsFrameTimeout);
    }

    public ServerLimits withKeepAliveIdle(Duration v) {
        return new ServerLimits(maxClients, maxHeaderBytes, maxTargetBytes, maxBodyBytes, maxUploadBytes, headerTimeout, v,
                maxRequestsPerConnection, maxSseSubscribers, maxWsMessageBytes, writeTimeout, bodyTimeout,
                wsFrameTimeout);
    }

    public ServerLimits withMaxRequestsPerConnection(int v) {
        return new ServerLimits(maxClients, maxHeaderBytes, maxTargetBytes, maxBodyBytes, maxUploadBytes, headerTimeout,
                keepAliveIdle, v, maxSseSubscribers, maxWsMessageBytes, writeTimeout, bodyTimeout,
                wsFrameTimeout);
    }

    public ServerLimits withMaxSseSubscribers(int v) {
        return new ServerLimits(maxClients, maxHeaderBytes, maxTargetBytes, maxBodyBytes, maxUploadBytes, headerTimeout,
                keepAliveIdle, maxRequestsPerConnection, v, maxWsMessageBytes, writeTimeout, bodyTimeout,
                wsFrameTimeout);
    }

    public ServerLimits withMaxWsMessageBytes(int v) {
        return new ServerLimits(maxClients, maxHeaderBytes, maxTargetBytes, maxBodyBytes, maxUploadBytes, headerTimeout,
                keepAliveIdle, maxRequestsPerConnection, maxSseSubscribers, v, writeTimeout, bodyTimeout,
                wsFrameTimeout);
    }

    public ServerLimits withWriteTimeout(Duration v) {
        return new ServerLimits(maxClients, maxHeaderBytes, maxTargetBytes, maxBodyBytes, maxUploadBytes, headerTimeout,
                keepAliveIdle, maxRequestsPerConnection, maxSseSubscribers, maxWsMessageBytes, v, bodyTimeout,
                wsFrameTimeout);
    }

    public ServerLimits withBodyTimeout(Duration v) {
        return new ServerLimits(maxClients, maxHeaderBytes, maxTargetBytes, maxBodyBytes, maxUploadBytes, headerTimeout,
                keepAliveIdle, maxRequestsPerConnection, maxSseSubscribers, maxWsMessageBytes, writeTimeout, v,
                wsFrameTimeout);
    }

    public ServerLimits withWsFrameTimeout(Duration v) {
        return new ServerLimits(maxClients, maxHeaderBytes, maxTargetBytes, maxBodyBytes, maxUploadBytes, headerTimeout,
                keepAliveIdle, maxRequestsPerConnection, maxSseSubscribers, maxWsMessageBytes, writeTimeout,
                bodyTimeout, v);
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
