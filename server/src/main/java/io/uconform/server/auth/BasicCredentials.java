package io.uconform.server.auth;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses {@code Authorization: Basic <base64(user:password)>} strictly: the scheme token in any
 * case (AUTH-03), exactly one base64 token of canonical padding, valid UTF-8, a colon, and a
 * bounded length. Anything else is "no credentials".
 */
public final class BasicCredentials {
    /** Longer values are refused rather than truncated (AUTH-02). */
    public static final int MAX_HEADER_CHARS = 1024;

    private BasicCredentials() {
    }

    public static Optional<Credentials> parse(String headerValue, boolean schemeCaseSensitive) {
        if (headerValue == null || headerValue.length() > MAX_HEADER_CHARS) {
            return Optional.empty();
        }
        String value = headerValue.trim();
        int space = value.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String scheme = value.substring(0, space);
        boolean basic = schemeCaseSensitive ? "Basic".equals(scheme) : "basic".equals(scheme.toLowerCase(Locale.ROOT));
        String token = value.substring(space + 1).trim();
        if (!basic || token.isEmpty() || token.length() % 4 != 0 || !token.matches("[A-Za-z0-9+/]+={0,2}")) {
            return Optional.empty();
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!Base64.getEncoder().encodeToString(decoded).equals(token)) {
            return Optional.empty(); // non-canonical trailing bits: a different token for the same bytes
        }
        return utf8(decoded).flatMap(BasicCredentials::split);
    }

    private static Optional<Credentials> split(String text) {
        int colon = text.indexOf(':');
        if (colon < 0 || text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.empty();
        }
        return Optional.of(new Credentials(text.substring(0, colon), text.substring(colon + 1)));
    }

    private static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
