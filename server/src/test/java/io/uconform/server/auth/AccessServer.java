package io.uconform.server.auth;

import io.uconform.server.App;
import io.uconform.server.ReferenceServer;
import io.uconform.server.ServerFault;
import io.uconform.server.ServerOptions;
import io.uconform.server.files.WebRootSeed;
import io.uconform.server.support.TestServers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reference server with the access-controlled routes over a temp web root, for the auth, cors,
 * files and tls tests. Beside the web root lies {@code outside/secret.txt} holding
 * {@link #CANARY}: any answer containing it, or any file appearing outside the root, is an escape.
 */
public final class AccessServer implements AutoCloseable {
    public static final String USER = "admin";
    public static final String PASSWORD = "istrator-Secret-42";
    public static final String CANARY = "CANARY-7f3a-outside-the-web-root";

    public final Path base;
    public final Path webRoot;
    public final AtomicInteger hits = new AtomicInteger();
    public final ReferenceServer server;

    private AccessServer(Path base, ServerOptions options) throws IOException {
        this.base = base;
        this.webRoot = base.resolve("www");
        Files.createDirectories(base.resolve("outside"));
        Files.writeString(base.resolve("outside").resolve("secret.txt"), CANARY);
        Files.writeString(base.resolve("www-evil.txt"), CANARY); // sibling sharing the root's name prefix
        App app = new App("access-test");
        ProtectedRoutes.install(app, WebRootSeed.prepare(webRoot), () -> new Credentials(USER, PASSWORD),
                options.faults());
        app.route("/hits", r -> hits.incrementAndGet());
        app.route("/echo", Set.of("POST", "PUT"), r -> r.json());
        app.route("/boom", Set.of("GET"), r -> {
            throw new IllegalStateException("handler bug");
        });
        this.server = ReferenceServer.start(app, options.withLimits(TestServers.quickLimits()
                .withMaxUploadBytes(64 * 1024)));
    }

    public static AccessServer start(Path base, ServerOptions options) throws IOException {
        return new AccessServer(base, options);
    }

    public static AccessServer start(Path base, ServerFault... faults) throws IOException {
        Set<ServerFault> set = faults.length == 0 ? Set.of() : EnumSet.of(faults[0], faults);
        return new AccessServer(base, ServerOptions.defaults().withFaults(set));
    }

    public int port() {
        return server.port();
    }

    /** {@code Authorization} header line with the right credentials. */
    public static String basic() {
        return basic(USER, PASSWORD);
    }

    public static String basic(String user, String password) {
        return "Authorization: Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public Map<String, String> none() {
        return Map.of();
    }

    @Override
    public void close() {
        server.close();
    }
}
