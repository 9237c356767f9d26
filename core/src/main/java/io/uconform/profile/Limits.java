package io.uconform.profile;

import java.time.Duration;

/**
 * Resource limits a server claims (CONFORMANCE section 4). Immutable; {@link #reference()} gives
 * the device-sized reference defaults.
 *
 * @param headerTimeout  a request head must be complete within this of its first byte
 * @param bodyTimeout    a declared request body must be complete within this of the end of its head
 *                       (profile {@code bodyTimeoutMs}, LIM-07)
 * @param wsFrameTimeout a WebSocket frame must be complete within this of its first byte (profile
 *                       {@code wsFrameTimeoutMs}, LIM-08)
 */
public record Limits(int maxClients, int maxHeaderBytes, int maxTargetBytes, int maxBodyBytes,
                     long maxUploadBytes, Duration headerTimeout, Duration keepAliveIdle,
                     int maxRequestsPerConnection, int maxSseSubscribers, int maxWsMessageBytes,
                     Duration bodyTimeout, Duration wsFrameTimeout) {

    public static final Duration REFERENCE_BODY_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration REFERENCE_WS_FRAME_TIMEOUT = Duration.ofSeconds(5);

    /** The limits without the body and frame deadlines, which take their reference values. */
    public Limits(int maxClients, int maxHeaderBytes, int maxTargetBytes, int maxBodyBytes, long maxUploadBytes,
                  Duration headerTimeout, Duration keepAliveIdle, int maxRequestsPerConnection, int maxSseSubscribers,
                  int maxWsMessageBytes) {
        this(maxClients, maxHeaderBytes, maxTargetBytes, maxBodyBytes, maxUploadBytes, headerTimeout, keepAliveIdle,
                maxRequestsPerConnection, maxSseSubscribers, maxWsMessageBytes, REFERENCE_BODY_TIMEOUT,
                REFERENCE_WS_FRAME_TIMEOUT);
    }

    public static Limits reference() {
        return new Limits(4, 4096, 1024, 64 * 1024, 1024 * 1024, Duration.ofSeconds(5),
                Duration.ofSeconds(15), 100, 3, 128 * 1024, REFERENCE_BODY_TIMEOUT, REFERENCE_WS_FRAME_TIMEOUT);
    }

    public Limits withHeaderTimeout(Duration d) {
        return new Limits(maxClients, maxHeaderBytes, maxTargetBytes, maxBodyBytes, maxUploadBytes, d,
                keepAliveIdle, maxRequestsPerConnection, maxSseSubscribers, maxWsMessageBytes, bodyTimeout,
                wsFrameTimeout);
    }

    public Limits withKeepAliveIdle(Duration d) {
        return new Limits(maxClients, maxHeaderBytes, maxTargetBytes, maxBodyBytes, maxUploadBytes,
                headerTimeout, d, maxRequestsPerConnection, maxSseSubscribers, maxWsMessageBytes, bodyTimeout,
                wsFrameTimeout);
    }

    public Limits withBodyTimeout(Duration d) {
        return new Limits(maxClients, maxHeaderBytes, maxTargetBytes, maxBodyBytes, maxUploadBytes,
                headerTimeout, keepAliveIdle, maxRequestsPerConnection, maxSseSubscribers, maxWsMessageBytes, d,
                wsFrameTimeout);
    }

    public Limits withWsFrameTimeout(Duration d) {
        return new Limits(maxClients, maxHeaderBytes, maxTargetBytes, maxBodyBytes, maxUploadBytes,
                headerTimeout, keepAliveIdle, maxRequestsPerConnection, maxSseSubscribers, maxWsMessageBytes,
                bodyTimeout, d);
    }
}
