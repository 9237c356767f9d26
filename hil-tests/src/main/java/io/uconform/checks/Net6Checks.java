package io.uconform.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.checks.support.Access;
import io.uconform.checks.support.Waits;
import io.uconform.suite.Check;
import io.uconform.suite.CheckContext;
import io.uconform.suite.ConformanceChecks;
import io.uconform.suite.Needs;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assumptions;

/**
 * NET6-01. Runs when the target says it is bound to {@code ::} (the {@code bind} fact, e.g. sim with
 * {@code bind=::}, or the profile parameter {@code bind}); skipped with the reason otherwise and
 * when this machine has no {@code ::1}. Connects to the target's port on both loopbacks, so it is
 * meaningful for targets on this machine. Role: {@code index}.
 */
@ConformanceChecks
public class Net6Checks {

    private static void requireDualStack(CheckContext ctx) {
        String bind = Access.fact(ctx, "bind").orElse("");
        Assumptions.assumeTrue(bind.equals("::") || bind.equals("[::]"),
                "target is not bound to :: (bind=" + (bind.isEmpty() ? "unknown" : bind) + "; e.g. start sim with bind=::)");
        Assumptions.assumeTrue(hasIpv6Loopback(), "this machine has no IPv6 loopback ::1");
    }

    @Needs(routes = "index")
    @Check("NET6-01")
    void answersOnIpv6Loopback(CheckContext ctx) {
        requireDualStack(ctx);
        assertThat(statusLine(ctx, "::1")).as("GET %s via [::1]:%d", ctx.route("index"), ctx.baseUri().getPort())
                .startsWith("HTTP/1.1 200");
    }

    @Needs(routes = "index")
    @Check("NET6-01")
    void answersOnIpv4Loopback(CheckContext ctx) {
        requireDualStack(ctx);
        assertThat(statusLine(ctx, "127.0.0.1")).as("GET %s via 127.0.0.1:%d", ctx.route("index"), ctx.baseUri().getPort())
                .startsWith("HTTP/1.1 200");
    }

    private static String statusLine(CheckContext ctx, String host) {
        int timeout = (int) Waits.reply(ctx).toMillis();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByName(host), ctx.baseUri().getPort()), timeout);
            socket.setSoTimeout(timeout);
            String authority = host.contains(":") ? "[" + host + "]:" + ctx.baseUri().getPort() : host + ":" + ctx.baseUri().getPort();
            socket.getOutputStream().write(("GET " + ctx.route("index") + " HTTP/1.1\r\nHost: " + authority
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] start = socket.getInputStream().readNBytes(12);
            String line = new String(start, StandardCharsets.ISO_8859_1);
            ctx.note(host + " -> " + line);
            return line;
        } catch (IOException e) {
            ctx.note(host + " -> " + e);
            return "no answer: " + e.getMessage();
        }
    }

    private static boolean hasIpv6Loopback() {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
