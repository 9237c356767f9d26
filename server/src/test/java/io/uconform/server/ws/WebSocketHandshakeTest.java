package io.uconform.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.server.App;
import io.uconform.server.ReferenceServer;
import io.uconform.server.ServerFault;
import io.uconform.server.ServerOptions;
import io.uconform.server.support.RawHttp;
import io.uconform.server.support.RawResponse;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class WebSocketHandshakeTest {

    static ReferenceServer start(ServerOptions options) {
        App app = new App("ws-test");
        WebSocketApi.install(app, "/ws", options);
        return ReferenceServer.start(app, options);
    }

    @Test
    void validUpgradeGets101WithTheRfcAccept() throws Exception {
        try (ReferenceServer server = start(ServerOptions.defaults());
             WsTestClient ws = WsTestClient.connect(server.port())) {
            assertThat(ws.handshake.status()).isEqualTo(101);
            // the worked example of RFC 6455 section 1.3
            assertThat(ws.handshake.header("Sec-WebSocket-Accept")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
            assertThat(ws.handshake.header("upgrade")).isEqualToIgnoringCase("websocket");
            assertThat(ws.handshake.header("connection")).containsIgnoringCase("upgrade");
            assertThat(ws.handshake.header("content-length")).isNull();
        }
    }

    @Test
    void badUpgradesGet400AndTheServerStaysUp() throws Exception {
        try (ReferenceServer server = start(ServerOptions.defaults())) {
            assertThat(upgrade(server, "Sec-WebSocket-Version: 13").status()).as("no key").isEqualTo(400);
            assertThat(upgrade(server, "Sec-WebSocket-Key: " + WsTestClient.KEY, "Sec-WebSocket-Version: 8").status())
                    .as("version 8").isEqualTo(400);
            assertThat(upgrade(server, "Sec-WebSocket-Key: short", "Sec-WebSocket-Version: 13").status())
                    .as("key not 16 bytes").isEqualTo(400);
            try (RawHttp plain = RawHttp.connect(server.port())) {
                assertThat(plain.get("/ws").read().status()).as("plain GET").isEqualTo(400);
            }
            try (WsTestClient ws = WsTestClient.connect(server.port())) {
                assertThat(ws.handshake.status()).as("valid upgrade after the bad ones").isEqualTo(101);
            }
        }
    }

    @Test
    void faultWrongAcceptOmitsTheGuid() throws Exception {
        ServerOptions options = ServerOptions.defaults().withFaults(Set.of(ServerFault.WS_WRONG_ACCEPT));
        try (ReferenceServer server = start(options); WsTestClient ws = WsTestClient.connect(server.port())) {
            assertThat(ws.handshake.header("Sec-WebSocket-Accept")).isNotEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
        }
    }

    @Test
    void faultBadUpgradeAcceptedGives101WithoutAKey() throws Exception {
        ServerOptions options = ServerOptions.defaults().withFaults(Set.of(ServerFault.WS_BAD_UPGRADE_ACCEPTED));
        try (ReferenceServer server = start(options)) {
            assertThat(upgrade(server, "Sec-WebSocket-Version: 13").status()).isEqualTo(101);
        }
    }

    private static RawResponse upgrade(ReferenceServer server, String... extra) throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            String[] lines = new String[extra.length + 2];
            lines[0] = "Upgrade: websocket";
            lines[1] = "Connection: Upgrade";
            System.arraycopy(extra, 0, lines, 2, extra.length);
            http.get("/ws", lines);
            return http.readHead();
        }
    }
}
