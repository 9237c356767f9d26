package io.uconform.server.ws;

import io.uconform.server.Request;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/** The opening handshake (RFC 6455 section 4.2): validation and {@code Sec-WebSocket-Accept}. */
final class Handshake {

    static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private Handshake() {
    }

    /** Why the request is not a valid upgrade; empty when it is one. Header names are case-insensitive. */
    static Optional<String> problem(Request request) {
        if (!"GET".equals(request.method())) {
            return Optional.of("a WebSocket upgrade must be a GET");
        }
        if (!hasToken(request, "Upgrade", "websocket")) {
            return Optional.of("missing 'Upgrade: websocket'");
        }
        if (!hasToken(request, "Connection", "upgrade")) {
            return Optional.of("missing 'Connection: Upgrade'");
        }
        String version = request.header("Sec-WebSocket-Version").map(String::trim).orElse("");
        if (!"13".equals(version)) {
            return Optional.of("unsupported Sec-WebSocket-Version '" + version + "' (13 is supported)");
        }
        String key = request.header("Sec-WebSocket-Key").map(String::trim).orElse("");
        if (key.isEmpty()) {
            return Optional.of("missing Sec-WebSocket-Key");
        }
        try {
            if (Base64.getDecoder().decode(key).length != 16) {
                return Optional.of("Sec-WebSocket-Key does not decode to 16 bytes");
            }
        } catch (IllegalArgumentException e) {
            return Optional.of("Sec-WebSocket-Key is not base64");
        }
        return Optional.empty();
    }

    /** base64(SHA-1(key + GUID)); {@code withGuid = false} is the WS-01 fault. */
    static String accept(String key, boolean withGuid) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] digest = sha1.digest((key.trim() + (withGuid ? GUID : "")).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JDK", e);
        }
    }

    private static boolean hasToken(Request request, String header, String token) {
        return request.headers().getOrDefault(header, java.util.List.of()).stream()
                .flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .anyMatch(t -> t.trim().toLowerCase(Locale.ROOT).equals(token));
    }
}
