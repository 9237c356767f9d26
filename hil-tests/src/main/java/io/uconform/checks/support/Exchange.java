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
            return c.send(request).readResponse(Waits.reply(ctx));
        }
    }

    public static HttpReply once(CheckContext ctx, byte[] request) {
        try (RawConnection c = ctx.raw().open()) {
            return c.send(request).readResponse(Waits.reply(ctx));
        }
    }

    /** Sends and reads one response on an open connection. */
    public static HttpReply on(CheckContext ctx, RawConnection c, String request) {
        return c.send(request).readResponse(Waits.reply(ctx));
    }
}
