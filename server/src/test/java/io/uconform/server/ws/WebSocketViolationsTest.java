package io.uconform.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.server.ReferenceServer;
import io.uconform.server.ServerFault;
import io.uconform.server.ServerLimits;
import io.uconform.server.ServerOptions;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class WebSocketViolationsTest {

    private interface Violation {
        void send(WsTestClient ws) throws Exception;
    }

    @Test
    void unmaskedFrameCloses1002() throws Exception {
        assertClosesWith(1002, ws -> ws.send(true, 0, WsFrame.TEXT, false, "x".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void rsvBitsClose1002() throws Exception {
        assertClosesWith(1002, ws -> ws.send(true, 4, WsFrame.TEXT, true, "x".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void reservedOpcodesClose1002() throws Exception {
        assertClosesWith(1002, ws -> ws.send(true, 0, 0x3, true, new byte[1]));
        assertClosesWith(1002, ws -> ws.send(true, 0, 0xB, true, new byte[1]));
    }

    @Test
    void oversizedOrFragmentedControlFramesClose1002() throws Exception {
        assertClosesWith(1002, ws -> ws.send(true, 0, WsFrame.PING, true, new byte[126]));
        assertClosesWith(1002, ws -> ws.send(false, 0, WsFrame.PING, true, new byte[1]));
    }

    @Test
    void orphanContinuationCloses1002() throws Exception {
        assertClosesWith(1002, ws -> ws.send(true, 0, WsFrame.CONTINUATION, true, new byte[1]));
    }

    @Test
    void invalidUtf8Closes1007() throws Exception {
        assertClosesWith(1007, ws -> ws.send(WsFrame.TEXT, new byte[] {'a', (byte) 0xC3, (byte) 0x28}));
        assertClosesWith(1007, ws -> ws.send(WsFrame.TEXT, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}));
    }

    @Test
    void messageOverTheLimitCloses1009() throws Exception {
        ServerOptions options = ServerOptions.defaults().withLimits(ServerLimits.reference().withMaxWsMessageBytes(1000));
        assertClosesWith(options, 1009, ws -> ws.send(WsFrame.BINARY, new byte[1001]));
        assertClosesWith(options, 1009, ws -> {
            ws.send(false, 0, WsFrame.BINARY, true, new byte[600]);
            ws.send(true, 0, WsFrame.CONTINUATION, true, new byte[600]);
        });
    }

    @Test
    void faultUnmaskedAcceptedEchoes() throws Exception {
        ServerOptions options = ServerOptions.defaults().withFaults(Set.of(ServerFault.WS_UNMASKED_ACCEPTED));
        try (ReferenceServer server = WebSocketHandshakeTest.start(options);
             WsTestClient ws = WsTestClient.connect(server.port())) {
            ws.send(true, 0, WsFrame.TEXT, false, "x".getBytes(StandardCharsets.UTF_8));
            assertThat(ws.read().opcode()).isEqualTo(WsFrame.TEXT);
        }
    }

    private static void assertClosesWith(int code, Violation violation) throws Exception {
        assertClosesWith(ServerOptions.defaults(), code, violation);
    }

    private static void assertClosesWith(ServerOptions options, int code, Violation violation) throws Exception {
        try (ReferenceServer server = WebSocketHandshakeTest.start(options);
             WsTestClient ws = WsTestClient.connect(server.port())) {
            violation.send(ws);
            assertThat(ws.readCloseCode()).isEqualTo(code);
            assertThat(ws.closedByServer()).as("TCP closed after the CLOSE").isTrue();
        }
    }
}
