package io.uconform.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.uconform.server.ServerFault;
import io.uconform.server.ServerOptions;
import io.uconform.server.auth.AccessServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** NET6-01: bound to {@code ::}, answered on {@code [::1]} and {@code 127.0.0.1}. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DualStackTest {
    @TempDir
    Path dir;

    @Test
    void net6_boundToAnyAnswersOnBothLoopbacks() throws Exception {
        assumeThat(hasIpv6Loopback()).as("this machine has no ::1").isTrue();
        try (AccessServer access = AccessServer.start(dir, ServerOptions.defaults().withBindAddress("::"))) {
            assertThat(access.server.uri().toString()).startsWith("http://[::1]:");
            assertThat(statusLine("::1", access.port())).isEqualTo("HTTP/1.1 200 OK");
            assertThat(statusLine("127.0.0.1", access.port())).isEqualTo("HTTP/1.1 200 OK");
        }
    }

    @Test
    void net6_faultRefusesIpv4() throws Exception {
        assumeThat(hasIpv6Loopback()).as("this machine has no ::1").isTrue();
        try (AccessServer access = AccessServer.start(dir, ServerOptions.defaults().withBindAddress("::")
                .withFaults(Set.of(ServerFault.NET6_V6_ONLY)))) {
            assertThat(statusLine("::1", access.port())).isEqualTo("HTTP/1.1 200 OK");
            assertThat(statusLine("127.0.0.1", access.port())).startsWith("refused");
        }
    }

    static boolean hasIpv6Loopback() {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String statusLine(String host, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByName(host), port), 2000);
            socket.setSoTimeout(3000);
            socket.getOutputStream().write("GET /files/index.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String reply = new String(socket.getInputStream().readNBytes(15), StandardCharsets.ISO_8859_1);
            return reply;
        } catch (java.net.ConnectException e) {
            return "refused: " + e.getMessage();
        }
    }
}
