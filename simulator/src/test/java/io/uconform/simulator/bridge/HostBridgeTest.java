package io.uconform.simulator.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.simulator.board.BoardProfiles;
import io.uconform.simulator.board.PinMode;
import io.uconform.simulator.board.VirtualBoard;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class HostBridgeTest {

    VirtualBoard board;
    HostBridge bridge;

    @BeforeEach
    void start() {
        board = VirtualBoard.powerOn(BoardProfiles.ESP32_DEVKITC);
        bridge = HostBridge.start(board, new VirtualAccessPoint("lab", "s3cret-pass"));
    }

    @AfterEach
    void stop() {
        bridge.close();
    }

    @Test
    void pinCommandsChangeTheVirtualBoard() throws Exception {
        try (Client c = new Client(bridge.port())) {
            assertThat(c.call("{\"id\":1,\"op\":\"pin.init\",\"pin\":2,\"mode\":\"out\",\"value\":1}")).containsEntry("ok", true);
            assertThat(board.pin(2).mode()).isEqualTo(PinMode.OUT);
            assertThat(board.pin(2).level()).isEqualTo(1);
            c.call("{\"id\":2,\"op\":\"pin.write\",\"pin\":2,\"value\":0}");
            assertThat(board.pin(2).level()).isZero();
            assertThat(c.call("{\"id\":3,\"op\":\"pin.read\",\"pin\":2}")).containsEntry("result", 0L);
            Map<String, Object> pwm = c.call("{\"id\":4,\"op\":\"pwm.set\",\"pin\":4,\"freq\":1000,\"duty\":300}");
            assertThat(pwm).containsEntry("ok", true);
            assertThat(board.pin(4).pwmDuty()).isEqualTo(300);
        }
    }

    @Test
    void badRequestsGetValueErrorsAndTheSessionSurvives() throws Exception {
        try (Client c = new Client(bridge.port())) {
            Map<String, Object> missing = c.call("{\"id\":1,\"op\":\"pin.get\",\"pin\":20}");
            assertThat(missing).containsEntry("ok", false).containsEntry("kind", "value");
            assertThat((String) missing.get("error")).contains("20");
            assertThat(c.call("{\"id\":2,\"op\":\"pin.write\",\"pin\":35,\"value\":1}")).containsEntry("ok", false);
            assertThat(c.call("{\"id\":3,\"op\":\"no.such\"}")).containsEntry("kind", "os");
            assertThat(c.call("{\"id\":4,\"op\":\"pin.get\",\"pin\":2}")).containsEntry("ok", true);
        }
    }

    @Test
    void wifiJoinsOnlyWithTheVirtualApCredentials() throws Exception {
        try (Client c = new Client(bridge.port())) {
            assertThat(c.call("{\"id\":1,\"op\":\"wlan.connect\",\"ssid\":\"lab\",\"key\":\"s3cret-pass\"}")).containsEntry("result", "ok");
            assertThat(c.call("{\"id\":2,\"op\":\"wlan.connect\",\"ssid\":\"lab\",\"key\":\"guess\"}")).containsEntry("result", "wrong_password");
            assertThat(c.call("{\"id\":3,\"op\":\"wlan.connect\",\"ssid\":\"other\",\"key\":\"s3cret-pass\"}")).containsEntry("result", "no_ap_found");
        }
    }

    @Test
    void edgesArePushedOnTheEventChannel() throws Exception {
        try (Client commands = new Client(bridge.port()); Client events = new Client(bridge.port())) {
            commands.call("{\"id\":1,\"op\":\"pin.init\",\"pin\":0,\"mode\":\"in\",\"pull\":\"up\"}");
            commands.call("{\"id\":2,\"op\":\"pin.irq\",\"pin\":0,\"edge\":\"falling\"}");
            assertThat(events.call("{\"op\":\"events\",\"id\":0}")).containsEntry("result", "subscribed");
            board.press(0);
            Map<String, Object> edge = LineJson.parseObject(events.readLine());
            assertThat(edge).containsEntry("event", "edge").containsEntry("pin", 0L).containsEntry("value", 0L);
        }
    }

    @Test
    void resetRecordsASoftResetAndCountsTheRequest() throws Exception {
        try (Client c = new Client(bridge.port())) {
            c.call("{\"id\":1,\"op\":\"reset\",\"cause\":\"soft\"}");
            assertThat(board.resetCause().wireName()).isEqualTo("soft");
            assertThat(bridge.resetRequests()).isEqualTo(1);
            assertThat(c.call("{\"id\":2,\"op\":\"board.reset_cause\"}")).containsEntry("result", "soft");
        }
    }

    static final class Client implements AutoCloseable {
        final Socket socket;
        final BufferedReader in;
        final OutputStream out;

        Client(int port) throws Exception {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(5000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = socket.getOutputStream();
        }

        void send(String line) throws Exception {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        String readLine() throws Exception {
            return in.readLine();
        }

        Map<String, Object> call(String line) throws Exception {
            send(line);
            return LineJson.parseObject(readLine());
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }
}
