package io.uconform.server.sse;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One server-sent event (SSE-02). Immutable.
 *
 * @param name the {@code event:} field, e.g. {@code pin}
 * @param id   the {@code id:} field, increasing per stream
 * @param data the data; each of its lines becomes one {@code data:} line
 */
public record SseEvent(String name, long id, String data) {

    public SseEvent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
        if (name.contains("\n") || name.contains("\r")) {
            throw new IllegalArgumentException("an event name is one line: " + name);
        }
    }

    /**
     * The wire form: {@code event:}, {@code id:}, one {@code data:} line per line of data (CR, LF
     * and CRLF all end a line), and a blank line.
     *
     * @param splitLines false only for the SSE-02 fault: the data goes out as one line, breaks inside
     */
    public byte[] encode(boolean splitLines) {
        StringBuilder text = new StringBuilder(data.length() + 48);
        text.append("event: ").append(name).append('\n');
        text.append("id: ").append(id).append('\n');
        if (splitLines) {
            for (String line : data.split("\r\n|\r|\n", -1)) {
                text.append("data: ").append(line).append('\n');
            }
        } else {
            text.append("data: ").append(data).append('\n');
        }
        text.append('\n');
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
