package io.uconform.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.server.ReferenceServer;
import io.uconform.server.ServerFault;
import io.uconform.server.ServerLimits;
import io.uconform.server.ServerOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** LIM-08: once a frame's first byte arrived, the whole frame must within the frame deadline; else 1008 and close. */
@Timeout(30)
class WebSocketFrameDeadlineTest {

    private static final Duration PACE = Duration.ofMillis(100);
    private static final ServerLimits LIMITS = ServerLimits.reference().withWsFrameTimeout(Duration.ofMillis(500));

    @Test
    void aTrickledFrameIsClosedWith1008WithinTheDeadline() throws Exception {
        try (ReferenceServer server = WebSocketHandshakeTest.start(ServerOptions.defaults().withLimits(LIMITS));
             WsTestClient ws = WsTestClient.connect(server.port())) {
            assertThat(ws.handshake.status()).isEqualTo(101);
            long start = System.nanoTime();
            ws.sendBytes((byte) 0x81, (byte) (0x80 | 100), (byte) 1, (byte) 2, (byte) 3, (byte) 4);
            int sent = trickleUntilAnswered(ws, 100);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(ws.readCloseCode()).as("close code after %d of 100 payload bytes, one per %s", sent, PACE)
                    .isEqualTo(1008);
            assertThat(took).as("time to the close (frame deadline 500 ms)").isLessThan(Duration.ofMillis(1500));
            assertThat(ws.closedByServer()).as("TCP closed after the CLOSE").isTrue();
        }
    }

    @Test
    void aFrameSplitButCompleteInTimeIsEchoed() throws Exception {
        try (ReferenceServer server = WebSocketHandshakeTest.start(ServerOptions.defaults().withLimits(LIMITS));
             WsTestClient ws = WsTestClient.connect(server.port())) {
            ws.sendBytes((byte) 0x81, (byte) (0x80 | 2), (byte) 0, (byte) 0, (byte) 0, (byte) 0);
            assertThat(trickleUntilAnswered(ws, 2)).isEqualTo(2);
            WsFrame echo = ws.read();
            assertThat(echo.opcode()).isEqualTo(WsFrame.TEXT);
            assertThat(new String(echo.payload(), java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("xx");
            // the deadline is per frame: a second frame after a pause longer than it is fine
            assertThat(ws.answeredWithin(Duration.ofMillis(700))).as("anything sent during an idle pause").isFalse();
            ws.sendText("again");
            assertThat(ws.read().payload()).isEqualTo("again".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
    }

    @Test
    void faultNoFrameDeadlineLetsTheTrickleRunOn() throws Exception {
        ServerOptions options = ServerOptions.defaults().withLimits(LIMITS)
                .withFaults(Set.of(ServerFault.WS_FRAME_NO_DEADLINE));
        try (ReferenceServer server = WebSocketHandshakeTest.start(options);
             WsTestClient ws = WsTestClient.connect(server.port())) {
            ws.sendBytes((byte) 0x81, (byte) (0x80 | 15), (byte) 0, (byte) 0, (byte) 0, (byte) 0);
            assertThat(trickleUntilAnswered(ws, 15)).as("bytes taken past the 500 ms deadline").isEqualTo(15);
            assertThat(ws.read().payload()).hasSize(15);
        }
    }

    private static int trickleUntilAnswered(WsTestClient ws, int max) throws IOException {
        int sent = 0;
        while (sent < max && !ws.answeredWithin(PACE)) {
            ws.sendBytes((byte) 'x');
            sent++;
        }
        return sent;
    }
}
