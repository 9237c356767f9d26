package io.uconform.client;

import io.uconform.console.SecretMask;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The evidence of one check: requests sent, responses received and notes, in order, with their
 * time offset from the start of the check. Secrets are masked before an entry is stored: the known
 * ones (profile, options, {@link #addSecret}), JSON values of password-like keys, and the
 * credentials of {@code Authorization} headers.
 * Thread-safe (a check may use several connections).
 */
public final class Transcript {

    /** Bytes kept per entry; longer payloads are cut with a marker (evidence, not an archive). */
    static final int MAX_ENTRY_BYTES = 8 * 1024;

    /** JSON string values of secret-looking keys ({@code "password": "..."}, {@code "psk"}, {@code "token"}). */
    private static final Pattern SECRET_JSON = Pattern.compile(
            "(\"[^\"]*(?i:pass|secret|token|psk|credential)[^\"]*\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)(\")");
    /** Credentials after the scheme of an Authorization header. */
    private static final Pattern AUTHORIZATION = Pattern.compile("(?im)^((?:proxy-)?authorization:\\s*\\S+\\s+)([^\\s\\\\]+)");

    private final Instant start = Instant.now();
    private volatile SecretMask mask;
    private final List<String> entries = new ArrayList<>();

    public Transcript(SecretMask mask) {
        this.mask = mask;
    }

    /** Bytes sent to the target ({@code >}). */
    public void sent(String channel, byte[] bytes) {
        add("> " + channel, Escapes.printable(bytes, MAX_ENTRY_BYTES));
    }

    /** Bytes received from the target ({@code <}). */
    public void received(String channel, byte[] bytes) {
        add("< " + channel, Escapes.printable(bytes, MAX_ENTRY_BYTES));
    }

    /** Text sent, already formatted (the Micronaut client's request). */
    public void sentText(String channel, String text) {
        add("> " + channel, text);
    }

    public void receivedText(String channel, String text) {
        add("< " + channel, text);
    }

    /** A free-form note (what was awaited, a timeout, a decision). */
    public void note(String text) {
        add("# note", text);
    }

    /** Masks {@code secret} wherever it appears, in entries recorded before and after this call. */
    public void addSecret(String secret) {
        mask = mask.with(secret);
    }

    public List<String> entries() {
        SecretMask current = mask;
        synchronized (entries) {
            return entries.stream().map(current::apply).toList();
        }
    }

    /** The transcript as one text block, entries separated by blank lines. */
    public String text() {
        return String.join("\n", entries());
    }

    /** The last entry (for timeout messages: what the check was doing). */
    public String last() {
        synchronized (entries) {
            return entries.isEmpty() ? "(nothing sent yet)" : mask.apply(entries.get(entries.size() - 1));
        }
    }

    /** Applies this transcript's masking to other evidence (a failure message quoting a body). */
    public String mask(String text) {
        String masked = SECRET_JSON.matcher(mask.apply(text)).replaceAll("$1" + SecretMask.MASK + "$3");
        return AUTHORIZATION.matcher(masked).replaceAll("$1" + SecretMask.MASK);
    }

    private void add(String direction, String body) {
        long ms = Duration.between(start, Instant.now()).toMillis();
        String entry = "[+" + ms + " ms] " + direction + "\n" + mask(body);
        synchronized (entries) {
            entries.add(entry);
        }
    }

    static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
