package io.uconform.server.internal;

import io.uconform.server.Response;
import io.uconform.server.ServerLimits;
import io.uconform.server.TakenConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/** Hands a connection to application code after the response head (e.g. a WebSocket upgrade). */
final class Takeover implements TakenConnection {
    private static final System.Logger LOG = System.getLogger("io.uconform.server");

    private final Engine engine;
    private final ConnectionInput in;
    private final OutputStream out;
    private final String remote;

    Takeover(Engine engine, ConnectionInput in, OutputStream out, String remote) {
        this.engine = engine;
        this.in = in;
        this.out = out;
        this.remote = remote;
    }

    void run(ResponseWriter writer, Response response) throws IOException {
        writer.writeTakeoverHead(response);
        engine.stats.requestsServed.incrementAndGet();
        in.clearDeadline();
        in.setReadTimeoutMillis((int) Math.min(Integer.MAX_VALUE, engine.limits.keepAliveIdle().toMillis()));
        try {
            response.takeover().orElseThrow().run(this);
            out.flush();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "connection takeover for " + remote + " failed", e);
        }
    }

    @Override
    public InputStream input() {
        return in;
    }

    @Override
    public OutputStream output() {
        return out;
    }

    @Override
    public void setReadTimeout(Duration timeout) {
        in.setReadTimeoutMillis((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    @Override
    public void setReadDeadline(Duration within) {
        in.setDeadline(System.nanoTime() + within.toNanos());
    }

    @Override
    public void clearReadDeadline() {
        in.clearDeadline();
    }

    @Override
    public String remoteAddress() {
        return remote;
    }

    @Override
    public ServerLimits limits() {
        return engine.limits;
    }
}
