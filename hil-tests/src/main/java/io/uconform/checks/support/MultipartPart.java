package io.uconform.checks.support;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One part of a {@code multipart/x-mixed-replace} stream.
 *
 * @param headers lower-case header names of the part
 */
public record MultipartPart(Map<String, String> headers, byte[] body) {

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
