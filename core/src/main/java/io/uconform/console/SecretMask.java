package io.uconform.console;

import java.util.List;
import java.util.Objects;

/**
 * Replaces every occurrence of known secrets (Wi-Fi and auth passwords) with {@code ****}.
 * Immutable. Secrets shorter than 3 characters are still masked (better a false mask than a leak).
 */
public final class SecretMask {

    public static final String MASK = "****";

    private final List<String> secrets;

    private SecretMask(List<String> secrets) {
        this.secrets = secrets;
    }

    public static SecretMask none() {
        return new SecretMask(List.of());
    }

    public static SecretMask of(String... secrets) {
        return new SecretMask(List.of(secrets).stream().filter(Objects::nonNull)
                .filter(s -> !s.isEmpty()).distinct().toList());
    }

    public SecretMask with(String secret) {
        if (secret == null || secret.isEmpty() || secrets.contains(secret)) {
            return this;
        }
        List<String> more = new java.util.ArrayList<>(secrets);
        more.add(secret);
        return new SecretMask(List.copyOf(more));
    }

    public String apply(String text) {
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, MASK);
        }
        return out;
    }
}
