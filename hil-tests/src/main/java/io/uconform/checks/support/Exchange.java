package io.uconform.checks.support;

import io.uconform.client.HttpReply;
import io.uconform.client.RawConnection;
import io.uconform.suite.CheckContext;

/** One raw request on a fresh connection, its response read within {@link Waits#reply}. */
public final class Exchange {

    private Exchange() {
    }

    public static HttpReply once(CheckContext ctx, String request) {
        try (RawConnection c = ctx.raw().open()) {
            return on(ctx, c, request);
        }
    }

    public static HttpReply once(CheckContext ctx, byte[] request) {
        try (RawConnection c = ctx.raw().open()) {
            return read(ctx, c.send(request), new String(request, 0, Math.min(request.length, 200),
                    java.nio.charset.StandardCharsets.ISO_8859_1));
        }
    }

    /** Sends and reads one response on an open connection. */
    public static HttpReply on(CheckContext ctx, RawConnection c, String request) {
        return read(ctx, c.send(request), request);
    }

    /** A missing response fails in one line: the request's first line, what came instead and what was expected. */
    private static HttpReply read(CheckContext ctx, RawConnection c, String request) {
        try {
            return c.readResponse(Waits.reply(ctx));
        } catch (io.uconform.client.NoResponse e) {
            throw new AssertionError(Answers.line(request) + ": " + e.happened() + "; expected a complete HTTP/1.1 "
                    + "response (status line, headers, a framed body) within " + Waits.reply(ctx).toMillis() + " ms ("
                    + ctx.requirement() + ")", e);
        }
    }
}
