package io.uconform.server.internal;

import io.uconform.server.HttpError;
import io.uconform.server.Request;
import io.uconform.server.Response;
import io.uconform.server.Route;
import io.uconform.server.ServerFault;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Map;

/**
 * One request/response cycle on a connection: head, framing checks, routing, the
 * {@code Expect: 100-continue} decision (LIM-06), the body (bounded), dispatch and the response.
 * Any request the engine cannot continue safely after is answered with {@code Connection: close}.
 */
final class Exchange {
    private static final System.Logger LOG = System.getLogger("io.uconform.server");
    /** How long a POST/PUT without length waits for stray body bytes before deciding on 411. */
    private static final int UNFRAMED_BODY_WAIT_MILLIS = 100;
    /** Bound on bodies read while fault NO_413 ignores the configured limit. */
    private static final int FAULT_BODY_CAP = 16 * 1024 * 1024;

    private final Engine engine;
    private final ConnectionInput in;
    private final ResponseWriter writer;
    private final OutputStream out;
    private final String remote;
    private final HeadReader headReader;
    private final BodyReader bodyReader;
    private final Dispatcher dispatcher;
    private final java.util.function.BooleanSupplier received;

    /** @param received called once a request is complete; false means the connection was dropped meanwhile */
    Exchange(Engine engine, ConnectionInput in, OutputStream out, String remote,
             java.util.function.BooleanSupplier received) {
        this.engine = engine;
        this.in = in;
        this.out = out;
        this.writer = engine.newWriter(out);
        this.remote = remote;
        this.headReader = new HeadReader(in, engine.limits, has(ServerFault.OBS_FOLD_ACCEPTED));
        this.bodyReader = new BodyReader(in, engine.limits.maxHeaderBytes());
        this.dispatcher = new Dispatcher(engine);
        this.received = received;
    }

    /** @return true when the connection stays open for another request */
    boolean run(boolean lastAllowed) throws IOException {
        RequestLine line;
        RequestHead head;
        Framing framing;
        try {
            String text = headReader.readRequestLine();
            if (text == null) {
                return false;
            }
            line = RequestLine.parse(text, engine.limits.maxTargetBytes(),
                    has(ServerFault.HTTP2_VERSION_ACCEPTED), has(ServerFault.LOWERCASE_METHOD_ACCEPTED));
            if ("HEAD".equals(line.method()) && has(ServerFault.CRASH_ON_HEAD)) {
                engine.crash();
                return false;
            }
            List<Map.Entry<String, String>> headers = headReader.readHeaders();
            head = new RequestHead(line.method(), faultyQuery(line.originForm()), line.version(), headers);
            framing = Framing.of(head, !has(ServerFault.MISSING_HOST_ACCEPTED), has(ServerFault.HTTP10_KEPT_ALIVE));
        } catch (ProtocolError e) {
            return reject(e.status(), e.getMessage());
        } catch (SocketTimeoutException e) {
            return reject(408, "request head not complete within " + engine.limits.headerTimeout().toMillis() + " ms");
        }
        return afterHead(head, framing, lastAllowed);
    }

    private boolean afterHead(RequestHead head, Framing framing, boolean lastAllowed) throws IOException {
        if (has(ServerFault.BODY_DEADLINE_PER_READ)) {
            in.clearDeadline(); // each read alone bounded by the header timeout
        } else {
            in.setDeadline(System.nanoTime() + engine.limits.bodyTimeout().toNanos());
        }
        boolean close = !framing.keepAlive() || lastAllowed;
        Request bare;
        try {
            bare = Request.of(head.method(), head.target(), head.headers(), new byte[0], remote);
        } catch (HttpError e) {
            return reject(e.status(), e.getMessage());
        }
        Router.Resolution resolution = dispatcher.resolve(bare);
        Route route = resolution.route();
        long limit = route != null && route.mode() == Route.Mode.UPLOAD
                ? engine.limits.maxUploadBytes() : engine.limits.maxBodyBytes();
        if (has(ServerFault.NO_413) && (route == null || route.mode() != Route.Mode.UPLOAD)) {
            limit = FAULT_BODY_CAP; // uploads keep their limit: UP-03 is a requirement of its own
        }
        if (framing.length() > limit) {
            return reject(413, "request body of " + framing.length() + " bytes exceeds the limit of " + limit);
        }
        boolean handled = resolution.kind() != Router.Resolution.Kind.NOT_FOUND
                && resolution.kind() != Router.Resolution.Kind.NOT_ALLOWED;
        if (framing.expectContinue() && framing.hasBodyFraming()) {
            if (!handled && !has(ServerFault.EXPECT_ALWAYS_CONTINUE)) {
                respond(head, bare, dispatcher.dispatch(resolution, bare).response(), true);
                return false;
            }
            writer.writeInterim100();
        }
        byte[] body;
        try {
            body = readBody(head, framing, limit);
        } catch (ProtocolError e) {
            return reject(e.status(), e.getMessage());
        } catch (SocketTimeoutException e) {
            return reject(408, "request body not complete within " + engine.limits.bodyTimeout().toMillis()
                    + " ms of the end of its head");
        }
        in.clearDeadline();
        if (!received.getAsBoolean()) {
            return false; // dropped for a newcomer while the request was arriving
        }
        Request request = Request.of(head.method(), head.target(), head.headers(), body, remote)
                .withParams(resolution.params());
        Dispatcher.Outcome outcome = dispatcher.dispatch(resolution, request);
        Response response = outcome.response();
        if (response.takeover().isPresent()) {
            new Takeover(engine, in, out, remote).run(writer, response);
            return false;
        }
        boolean closed = respond(head, request, response, close);
        if (outcome.afterSend() != null) {
            outcome.afterSend().run();
        }
        return !closed;
    }

    private byte[] readBody(RequestHead head, Framing framing, long limit) throws IOException, ProtocolError {
        if (framing.chunked()) {
            return bodyReader.readChunked(limit);
        }
        if (framing.length() > 0) {
            return bodyReader.readFixed((int) framing.length());
        }
        boolean mayCarryBody = "POST".equals(head.method()) || "PUT".equals(head.method());
        if (framing.length() < 0 && mayCarryBody && !has(ServerFault.NO_411) && unframedBodyFollows()) {
            throw new ProtocolError(411, head.method() + " with a body needs Content-Length or Transfer-Encoding");
        }
        return new byte[0];
    }

    /**
     * METH-03: a body without a length is detected as bytes that arrive right after the head
     * (within {@value #UNFRAMED_BODY_WAIT_MILLIS} ms) and do not look like the start of a
     * pipelined request line (an upper-case token followed by a space, or an empty line).
     */
    private boolean unframedBodyFollows() throws IOException {
        if (!in.awaitData(UNFRAMED_BODY_WAIT_MILLIS)) {
            return false;
        }
        byte[] start = in.peekBuffered(16);
        int i = 0;
        while (i < start.length && start[i] >= 'A' && start[i] <= 'Z') {
            i++;
        }
        boolean requestLike = (i > 0 && (i == start.length || start[i] == ' '))
                || start[0] == '\r' || start[0] == '\n';
        return !requestLike;
    }

    /** Filters and writes a response; returns true when the connection must close after it. */
    private boolean respond(RequestHead head, Request request, Response unfiltered, boolean close) throws IOException {
        Response response = dispatcher.filter(request, unfiltered);
        boolean streamedTo10 = head.isHttp10() && response.bodyWriter().isPresent() && !"HEAD".equals(head.method());
        boolean closing = close || response.wantsClose() || streamedTo10;
        ResponseWriter.ConnectionHeader connection = streamedTo10 ? ResponseWriter.ConnectionHeader.CLOSE_DELIMITED
                : closing ? ResponseWriter.ConnectionHeader.CLOSE
                : head.isHttp10() ? ResponseWriter.ConnectionHeader.KEEP_ALIVE : ResponseWriter.ConnectionHeader.NONE;
        writer.write(response, "HEAD".equals(head.method()), connection, has(ServerFault.HEAD_WITH_BODY));
        engine.stats.requestsServed.incrementAndGet();
        return closing;
    }

    /** Answers a request the engine will not continue after, then ends the connection. */
    private boolean reject(int status, String message) throws IOException {
        engine.stats.requestsRejected.incrementAndGet();
        LOG.log(System.Logger.Level.DEBUG, "{0}: {1} {2}", remote, status, message);
        Response response = dispatcher.filter(null, Response.error(status, message));
        writer.write(response, false, ResponseWriter.ConnectionHeader.CLOSE, false);
        return false;
    }

    /** Fault PLUS_NOT_SPACE_IN_QUERY: a literal '+' in the query survives decoding as '+'. */
    private String faultyQuery(String target) {
        int q = target.indexOf('?');
        if (q < 0 || !has(ServerFault.PLUS_NOT_SPACE_IN_QUERY)) {
            return target;
        }
        return target.substring(0, q) + target.substring(q).replace("+", "%2B");
    }

    private boolean has(ServerFault fault) {
        return engine.options.has(fault);
    }
}
