package io.uconform.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uconform.server.support.RawHttp;
import io.uconform.server.support.TestServers;
import java.net.ConnectException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ServerLifecycleTest {
    @Test
    void portInUseIsOneClearLine() {
        try (ReferenceServer first = TestServers.start()) {
            assertThatThrownBy(() -> ReferenceServer.start(TestServers.app(),
                    ServerOptions.defaults().withPort(first.port())))
                    .isInstanceOf(ServerStartException.class)
                    .hasMessageStartingWith("port " + first.port() + " on 127.0.0.1 is already in use")
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void unknownBindAddressIsOneClearLine() {
        assertThatThrownBy(() -> ReferenceServer.start(TestServers.app(),
                ServerOptions.defaults().withBindAddress("no-such-host.invalid")))
                .isInstanceOf(ServerStartException.class).hasMessageContaining("no-such-host.invalid");
    }

    @Test
    void closeIsIdempotentAndStopsListeningWithOpenConnections() throws Exception {
        ReferenceServer server = TestServers.start();
        int port = server.port();
        try (RawHttp open = RawHttp.connect(port)) {
            open.get("/led").read();
            server.close();
            server.close();
            assertThat(server.isRunning()).isFalse();
            assertThat(open.closedByServer()).isTrue();
        }
        assertThatThrownBy(() -> RawHttp.connect(port)).isInstanceOf(ConnectException.class);
    }

    @Test
    void uriPointsAtTheBoundPort() throws Exception {
        try (ReferenceServer server = TestServers.start()) {
            assertThat(server.uri().toString()).isEqualTo("http://127.0.0.1:" + server.port());
            assertThat(server.port()).isPositive();
        }
    }

    @Test
    void ipv6WildcardAnswersOnBothLoopbacks() throws Exception {
        try (ReferenceServer server = ReferenceServer.start(TestServers.app(),
                ServerOptions.defaults().withBindAddress("::"))) {
            assertThat(server.uri().getHost()).isEqualTo("[::1]");
            try (RawHttp v4 = RawHttp.connect(server.port())) {
                assertThat(v4.get("/led").read().status()).isEqualTo(200);
            }
            try (java.net.Socket v6 = new java.net.Socket("::1", server.port())) {
                v6.setSoTimeout(3000);
                v6.getOutputStream().write("GET /led HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes());
                assertThat(new String(v6.getInputStream().readAllBytes())).startsWith("HTTP/1.1 200 OK");
            }
        } catch (ServerStartException e) {
            org.junit.jupiter.api.Assumptions.abort("no IPv6 on this host: " + e.getMessage());
        }
    }
}
