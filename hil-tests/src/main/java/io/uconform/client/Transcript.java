package io.uconform.client;

import io.uconform.console.SecretMask;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The evidence of one check: requests sent, responses received and notes, in order, with their
 * time offset from the start of the check. Secrets are masked before an entry is stored.
 * Thread-safe (a check may use several connections).
 */
public final class Transcript {

    /** Bytes kept per entry; longer payloads are cut with a marker (evidence, not an archive). */
    static final int MAX_ENTRY_BYTES = 8 * 1024;

    private final Instant start = Instant.now();
    private final SecretMask mask;
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

    public List<String> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    /** The transcript as one text block, entries separated by blank lines. */
    public String text() {
        return String.join("\n", entries());
    }

    /** The last entry (for timeout messages: what the check was doing). */
    public String last() {
        synchronized (entries) {
            return entries.isEmpty() ? "(nothing sent yet)" : entries.get(entries.size() - 1);
        }
    }

    private void add(String direction, String body) {
        long ms = Duration.between(start, Instant.now()).toMillis();
        String entry = "[+" + ms + " ms] " + direction + "\n" + mask.apply(body);
        synchronized (entries) {
            entries.add(entry);
        }
    }

    static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
