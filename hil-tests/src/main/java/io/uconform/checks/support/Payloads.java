package io.uconform.checks.support;

import java.util.Random;

/** Seeded, reproducible payloads: corruption or truncation of a large body is then detectable. */
public final class Payloads {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private Payloads() {
    }

    /** {@code length} pseudo-random alphanumeric characters from {@code seed}. */
    public static String text(long seed, int length) {
        Random random = new Random(seed);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** A JSON object {@code {"blob":"..."}} whose total size is exactly {@code totalBytes} (>= 12). */
    public static String jsonBlob(long seed, int totalBytes) {
        String frame = "{\"blob\":\"\"}";
        return "{\"blob\":\"" + text(seed, totalBytes - frame.length()) + "\"}";
    }
}
