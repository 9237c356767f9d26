package io.uconform.server.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Percent-decoding of paths (strict) and query strings (lenient, {@code +} is space). */
public final class Percent {
    private Percent() {
    }

    /** Decodes a path; {@code +} stays {@code +}; empty on a bad escape or invalid UTF-8. */
    public static Optional<String> decodePath(String raw) {
        return decode(raw, false, true);
    }

    /** Parses {@code a=1&b=x+y&a=2}; repeated keys keep every value in order; bad escapes stay literal. */
    public static Map<String, List<String>> parseQuery(String raw) {
        return parseQuery(raw, true);
    }

    public static Map<String, List<String>> parseQuery(String raw, boolean plusIsSpace) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (raw.isEmpty()) {
            return Collections.unmodifiableMap(result);
        }
        for (String pair : raw.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            String decodedKey = decode(key, plusIsSpace, false).orElse(key);
            String decodedValue = decode(value, plusIsSpace, false).orElse(value);
            result.computeIfAbsent(decodedKey, k -> new ArrayList<>()).add(decodedValue);
        }
        result.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(result);
    }

    private static Optional<String> decode(String raw, boolean plusIsSpace, boolean strict) {
        if (raw.indexOf('%') < 0 && !(plusIsSpace && raw.indexOf('+') >= 0)) {
            return Optional.of(raw);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int lo = hi >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    if (strict) {
                        return Optional.empty();
                    }
                    bytes.write('%');
                    continue;
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return strict ? Optional.empty() : Optional.of(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
        }
    }
}
