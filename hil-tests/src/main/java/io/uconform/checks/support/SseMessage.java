package io.uconform.checks.support;

import java.util.List;

/**
 * One server-sent event as read off the wire.
 *
 * @param event     the {@code event:} field (empty when absent)
 * @param id        the {@code id:} field (empty when absent)
 * @param dataLines the values of the {@code data:} lines, in order
 * @param raw       the event's lines as received, for evidence
 */
public record SseMessage(String event, String id, List<String> dataLines, List<String> raw) {

    /** The data as an SSE client assembles it: data lines joined by LF. */
    public String data() {
        return String.join("\n", dataLines);
    }
}
