package io.uconform.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.server.ReferenceServer;
import io.uconform.server.ServerFault;
import io.uconform.server.ServerOptions;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class WebSocketMessagesTest {

    private ReferenceServer server;
    private WsTestClient ws;

    @BeforeEach
    void connect() throws Exception {
        server = WebSocketHandshakeTest.start(ServerOptions.defaults());
        ws = WsTestClient.connect(server.port());
    }

    @AfterEach
    void close() throws Exception {
        ws.close();
        server.close();
    }

    @Test
    void textAndBinaryEchoKeepOpcodeAndPayload() throws Exception {
        ws.sendText("héllo");
        WsFrame text = ws.read();
        assertThat(text.opcode()).isEqualTo(WsFrame.TEXT);
        assertThat(new String(text.payload(), StandardCharsets.UTF_8)).isEqualTo("héllo");
        byte[] binary = {0, 1, (byte) 0xFF, (byte) 0x80};
        ws.send(WsFrame.BINARY, binary);
        WsFrame echoed = ws.read();
        assertThat(echoed.opcode()).isEqualTo(WsFrame.BINARY);
        assertThat(echoed.payload()).isEqualTo(binary);
    }

    @Test
    void emptyAndLargeMessagesAreEchoed() throws Exception {
        ws.send(WsFrame.TEXT, new byte[0]);
        assertThat(ws.read().payload()).isEmpty();
        byte[] big = new byte[72 * 1024];
        Arrays.fill(big, (byte) 'x');
        ws.send(WsFrame.BINARY, big);
        WsFrame echoed = ws.read();
        assertThat(echoed.opcode()).isEqualTo(WsFrame.BINARY);
        assertThat(echoed.payload()).isEqualTo(big);
    }

    @Test
    void upperCommandAnswersData() throws Exception {
        ws.sendText("{\"cmd\":\"upper\",\"text\":\"abc\"}");
        assertThat(new String(ws.read().payload(), StandardCharsets.UTF_8)).isEqualTo("{\"data\":\"ABC\"}");
    }

    @Test
    void fragmentsWithAPingBetweenAreReassembled() throws Exception {
        ws.send(false, 0, WsFrame.TEXT, true, "frag".getBytes(StandardCharsets.UTF_8));
        ws.send(WsFrame.PING, "p1".getBytes(StandardCharsets.UTF_8));
        ws.send(false, 0, WsFrame.CONTINUATION, true, "men".getBytes(StandardCharsets.UTF_8));
        ws.send(true, 0, WsFrame.CONTINUATION, true, "ted".getBytes(StandardCharsets.UTF_8));
        WsFrame pong = ws.read();
        assertThat(pong.opcode()).isEqualTo(WsFrame.PONG);
        assertThat(pong.payload()).isEqualTo("p1".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(ws.read().payload(), StandardCharsets.UTF_8)).isEqualTo("fragmented");
    }

    @Test
    void utf8SplitAcrossFragmentsIsValid() throws Exception {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        ws.send(false, 0, WsFrame.TEXT, true, Arrays.copyOfRange(euro, 0, 1));
        ws.send(true, 0, WsFrame.CONTINUATION, true, Arrays.copyOfRange(euro, 1, 3));
        assertThat(ws.read().payload()).isEqualTo(euro);
    }

    @Test
    void closeIsEchoedThenTcpCloses() throws Exception {
        ws.send(WsFrame.CLOSE, new byte[] {0x0F, (byte) 0xA0, 'b', 'y', 'e'});
        assertThat(ws.readCloseCode()).isEqualTo(4000);
        assertThat(ws.closedByServer()).isTrue();
    }

    @Test
    void faultCloseUnansweredDropsTcpWithoutClose() throws Exception {
        ws.close();
        server.close();
        server = WebSocketHandshakeTest.start(ServerOptions.defaults().withFaults(Set.of(ServerFault.WS_CLOSE_UNANSWERED)));
        ws = WsTestClient.connect(server.port());
        ws.send(WsFrame.CLOSE, new byte[] {0x03, (byte) 0xE8});
        assertThat(ws.closedByServer()).isTrue();
    }
}
