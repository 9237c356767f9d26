package io.uconform.checks.support;

import io.uconform.client.HttpReply;
import io.uconform.client.NoResponse;
import io.uconform.client.RawConnection;
import io.uconform.suite.CheckContext;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * One-line verdicts in protocol terms for checks that read a raw response: what was sent (short),
 * what the requirement expects, and what came back (status, framing, close or reset), e.g.
 * "GET / with a 4160-byte header: the server reset the connection (RST) after sending nothing;
 * expected 431 then a close (LIM-01)".
 */
public final class Answers {

    private Answers() {
    }

    /** The first line of a raw request, for messages: {@code GET /led HTTP/1.1}. */
    public static String line(String request) {
        int end = request.indexOf('\r');
        String first = end < 0 ? request : request.substring(0, end);
        return first.length() <= 80 ? first : first.substring(0, 77) + "...";
    }

    /** Reads one response; when none comes, fails saying what happened instead and what was expected. */
    public static HttpReply read(CheckContext ctx, RawConnection c, String what, String expected) {
        return read(ctx, c, what, expected, false);
    }

    /** As {@link #read(CheckContext, RawConnection, String, String)}; {@code head} for the answer to a HEAD (no body). */
    public static HttpReply read(CheckContext ctx, RawConnection c, String what, String expected, boolean head) {
        try {
            return c.readResponse(Waits.reply(ctx), head);
        } catch (NoResponse e) {
            throw new AssertionError(what + ": " + e.happened() + "; expected " + expected + " ("
                    + ctx.requirement() + ")", e);
        }
    }

    /** Sends {@code request} on a fresh connection and reads the answer as {@link #read} does. */
    public static HttpReply once(CheckContext ctx, String request, String what, String expected) {
        try (RawConnection c = ctx.raw().open()) {
            return read(ctx, c.send(request), what, expected);
        }
    }

    /**
     * Fails unless the reply's status is one of {@code statuses}, in one line: what was sent, what
     * came back (status line, body length, framing) and what the requirement expects.
     */
    public static void expectStatus(CheckContext ctx, HttpReply reply, String what, int... statuses) {
        if (Arrays.stream(statuses).noneMatch(s -> s == reply.status())) {
            throw new AssertionError(oneLine(what) + ": answered " + describe(reply) + "; expected "
                    + Arrays.stream(statuses).mapToObj(String::valueOf).collect(Collectors.joining(" or "))
                    + " (" + ctx.requirement() + ")");
        }
    }

    /** Fails unless the reply's status is in {@code low..high} (inclusive), as {@link #expectStatus} does. */
    public static void expectStatusBetween(CheckContext ctx, HttpReply reply, String what, int low, int high) {
        if (reply.status() < low || reply.status() > high) {
            throw new AssertionError(oneLine(what) + ": answered " + describe(reply) + "; expected " + (low == 200
                    && high == 299 ? "a 2xx success" : "a status from " + low + " to " + high) + " ("
                    + ctx.requirement() + ")");
        }
    }

    /** A one-line verdict: what was sent, what happened, what the requirement expects (its ID). */
    public static AssertionError failure(CheckContext ctx, String what, String happened, String expected) {
        return new AssertionError(oneLine(what) + ": " + oneLine(happened) + "; expected " + expected + " ("
                + ctx.requirement() + ")");
    }

    /** A response header as it came, for messages: {@code 'Cache-Control: no-store'}, or {@code no Cache-Control}. */
    public static String header(HttpReply reply, String name) {
        return reply.header(name).map(v -> "'" + name + ": " + v + "'").orElse("no " + name);
    }

    /** {@code text} on one line (line ends shown as {@code \n}), at most 240 characters. */
    public static String oneLine(String text) {
        String flat = text.replace("\r", "").replace("\n", "\\n");
        return flat.length() <= 240 ? flat : flat.substring(0, 237) + "...";
    }

    /** "'HTTP/1.1 200 OK' with a 33-byte body (Content-Length: 33)"; a reply without body or framing is its status line. */
    public static String describe(HttpReply reply) {
        if (reply.body().length == 0 && reply.header("Transfer-Encoding").isEmpty()
                && reply.header("Content-Length").isEmpty()) {
            // a head read alone (101, an endless stream, HEAD) or an empty body: its framing says nothing
            String status = reply.statusLine().isBlank() ? "status " + reply.status() : "'" + reply.statusLine() + "'";
            return status + reply.header("Content-Type").map(t -> " (Content-Type: " + t + ")").orElse("");
        }
        String framing = reply.header("Transfer-Encoding").map(te -> "Transfer-Encoding: " + te)
                .or(() -> reply.header("Content-Length").map(cl -> "Content-Length: " + cl))
                .orElse("no length, ended by the close");
        String body = reply.body().length == 0 ? "no body" : "a " + reply.body().length + "-byte body";
        String status = reply.statusLine().isBlank() ? "status " + reply.status() : "'" + reply.statusLine() + "'";
        return status + " with " + body + " (" + framing + ")";
    }
}
