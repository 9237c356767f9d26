package io.uconform.checks.support;

import io.uconform.client.HttpReply;
import io.uconform.client.PeerEnd;
import io.uconform.client.RawConnection;
import io.uconform.suite.CheckContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A raw SSE subscriber: sends {@code GET path} with {@code Accept: text/event-stream}, keeps the
 * head, and parses events (field lines up to a blank line; comments skipped) per the WHATWG
 * event-stream format, so a check sees the exact lines the server sent.
 */
public final class SseReader {

    private final CheckContext ctx;
    private final String path;
    private final RawConnection connection;
    private final HttpReply head;
    private final ChunkedReader body;

    private SseReader(CheckContext ctx, String path, RawConnection connection, HttpReply head) {
        this.ctx = ctx;
        this.path = path;
        this.connection = connection;
        this.head = head;
        this.body = new ChunkedReader(connection, head);
    }

    /**
     * Subscribes on a new connection (closed when the check ends, or by {@link #leave}); when no
     * response head comes, fails in one line saying what happened instead.
     */
    public static SseReader subscribe(CheckContext ctx, String path) {
        RawConnection c = ctx.raw().open();
        HttpReply head = Answers.read(ctx, c.send(Requests.get(ctx, path, "Accept: text/event-stream")),
                "GET " + path + " (Accept: text/event-stream)", "200 and an event stream", true);
        return new SseReader(ctx, path, c, head);
    }

    public HttpReply head() {
        return head;
    }

    /** The next event within {@code timeout}. */
    public SseMessage next(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String event = "";
        String id = "";
        List<String> data = new ArrayList<>();
        List<String> raw = new ArrayList<>();
        while (true) {
            String line = body.readLine(left(deadline, timeout));
            if (line.isEmpty()) {
                if (!raw.isEmpty() && (!data.isEmpty() || !event.isEmpty())) {
                    return new SseMessage(event, id, List.copyOf(data), List.copyOf(raw));
                }
                raw.clear();
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            raw.add(line);
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            if (field.equals("event")) {
                event = value;
            } else if (field.equals("id")) {
                id = value;
            } else if (field.equals("data")) {
                data.add(value);
            }
        }
    }

    /** The first event matching {@code wanted} within {@code timeout}; others are skipped. */
    public SseMessage next(Predicate<SseMessage> wanted, String what, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> skipped = new ArrayList<>();
        while (true) {
            SseMessage m;
            try {
                m = next(left(deadline, timeout));
            } catch (AssertionError e) {
                AssertionError failure = new AssertionError("GET " + path + " (an event stream), waiting for " + what
                        + ": none within " + timeout.toMillis() + " ms (" + end(e) + (skipped.isEmpty() ? ""
                        : "; events seen: " + String.join(" / ", skipped)) + "); expected it on the stream ("
                        + ctx.requirement() + ")");
                failure.initCause(e);
                throw failure;
            }
            if (wanted.test(m)) {
                return m;
            }
            skipped.add(String.join("|", m.raw()));
        }
    }

    /** How the stream stopped: its framing broken, closed or reset by the server, or silent. */
    private String end(AssertionError e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ChunkedReader.BadFraming) {
                return "the stream's chunked framing broke: " + t.getMessage();
            }
        }
        PeerEnd end = connection.awaitPeerEnd(java.time.Duration.ofMillis(100));
        return end.reset() ? "the server reset the stream (RST)" : end.closed() ? "the server closed the stream"
                : "the stream stayed open, nothing more came";
    }

    /** Leaves abruptly (TCP reset), as a client that vanished. */
    public void leave() {
        connection.close(true);
    }

    private static Duration left(long deadline, Duration total) {
        long nanos = deadline - System.nanoTime();
        if (nanos <= 0) {
            throw new AssertionError("no complete event within " + total.toMillis() + " ms");
        }
        return Duration.ofNanos(nanos);
    }
}
