package io.uconform.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.uconform.checks.support.Answers;
import io.uconform.checks.support.Baseline;
import io.uconform.checks.support.Waits;
import io.uconform.checks.support.WsFrame;
import io.uconform.checks.support.WsSession;
import io.uconform.client.HttpReply;
import io.uconform.client.RawConnection;
import io.uconform.suite.Check;
import io.uconform.suite.CheckContext;
import io.uconform.suite.ConformanceChecks;
import io.uconform.suite.Needs;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * WS: the opening handshake, echo, control frames, protocol violations and the close handshake
 * (RFC 6455), over raw frames so that every byte (masking, RSV, opcodes, lengths) is the check's.
 * The path is the profile's {@code ws} role, else {@code /ws}.
 */
@Needs(routes = "ws")
@ConformanceChecks
public class WebSocketChecks {

    @Check("WS-01")
    void validUpgradeGets101WithTheAcceptOfItsKey(CheckContext ctx) {
        String key = WsSession.newKey(new Random(11));
        try (RawConnection c = ctx.raw().open()) {
            HttpReply reply = WsSession.upgrade(ctx, c, "Upgrade: websocket", "Connection: Upgrade",
                    "Sec-WebSocket-Key: " + key, "Sec-WebSocket-Version: 13");
            Answers.expectStatus(ctx, reply, "status of a valid upgrade", 101);
            assertThat(reply.header("sec-websocket-accept")).as("Sec-WebSocket-Accept for key %s", key)
                    .contains(WsSession.expectedAccept(key));
            assertThat(reply.header("upgrade")).as("Upgrade header").hasValueSatisfying(
                    v -> assertThat(v).isEqualToIgnoringCase("websocket"));
        }
    }

    @Check("WS-01")
    void lowerCaseHeaderNamesAreAccepted(CheckContext ctx) {
        String key = WsSession.newKey(new Random(12));
        try (RawConnection c = ctx.raw().open()) {
            HttpReply reply = WsSession.upgrade(ctx, c, "upgrade: websocket", "connection: Upgrade",
                    "sec-websocket-key: " + key, "sec-websocket-version: 13");
            Answers.expectStatus(ctx, reply, "upgrade with lower-case header names", 101);
            assertThat(reply.header("sec-websocket-accept")).contains(WsSession.expectedAccept(key));
        }
    }

    @Check("WS-01")
    void mixedCaseTokensAndAConnectionListAreAccepted(CheckContext ctx) {
        String key = WsSession.newKey(new Random(13));
        try (RawConnection c = ctx.raw().open()) {
            HttpReply reply = WsSession.upgrade(ctx, c, "UPGRADE: WebSocket", "CONNECTION: keep-alive, Upgrade",
                    "SEC-WEBSOCKET-KEY: " + key, "Sec-Websocket-Version: 13");
            Answers.expectStatus(ctx, reply, "upgrade as Firefox sends it (Connection: keep-alive, Upgrade)", 101);
            assertThat(reply.header("sec-websocket-accept")).contains(WsSession.expectedAccept(key));
        }
    }

    @Check("WS-01")
    void sessionIsUsableAfterTheHandshake(CheckContext ctx) {
        WsSession ws = WsSession.open(ctx, 14);
        ws.sendText("ready?");
        assertThat(ws.read().text()).as("first message after the handshake").isEqualTo("ready?");
    }

    @Needs(routes = "index")
    @Check("WS-02")
    void upgradeWithoutKeyGets400AndTheServerStaysUp(CheckContext ctx) {
        assertBadUpgrade(ctx, "without Sec-WebSocket-Key", "Upgrade: websocket", "Connection: Upgrade",
                "Sec-WebSocket-Version: 13");
    }

    @Needs(routes = "index")
    @Check("WS-02")
    void unsupportedVersionGets400AndTheServerStaysUp(CheckContext ctx) {
        assertBadUpgrade(ctx, "with Sec-WebSocket-Version: 8", "Upgrade: websocket", "Connection: Upgrade",
                "Sec-WebSocket-Key: " + WsSession.newKey(new Random(21)), "Sec-WebSocket-Version: 8");
    }

    @Needs(routes = "index")
    @Check("WS-02")
    void malformedKeyGets400AndTheServerStaysUp(CheckContext ctx) {
        assertBadUpgrade(ctx, "with a key that is not 16 base64 bytes", "Upgrade: websocket", "Connection: Upgrade",
                "Sec-WebSocket-Key: not-a-key", "Sec-WebSocket-Version: 13");
    }

    @Check("WS-02")
    void validUpgradeWorksAfterBadOnes(CheckContext ctx) {
        for (int i = 0; i < 5; i++) {
            try (RawConnection c = ctx.raw().open()) {
                WsSession.upgrade(ctx, c, "Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Version: 13");
            }
        }
        WsSession ws = WsSession.open(ctx, 22);
        ws.sendText("still here");
        assertThat(ws.read().text()).isEqualTo("still here");
    }

    @Check("WS-03")
    void textEchoKeepsOpcodeAndPayload(CheckContext ctx) {
        WsSession ws = WsSession.open(ctx, 31);
        String text = "héllo wörld ✓ \uD83D\uDE00";
        ws.sendText(text);
        WsFrame echo = ws.read();
        assertThat(echo.opcode()).as("opcode of the echo of a text message").isEqualTo(WsFrame.TEXT);
        assertThat(echo.text()).isEqualTo(text);
    }

    @Check("WS-03")
    void binaryEchoKeepsOpcodeAndEveryByteValue(CheckContext ctx) {
        WsSession ws = WsSession.open(ctx, 32);
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        ws.send(WsFrame.BINARY, all);
        WsFrame echo = ws.read();
        assertThat(echo.opcode()).as("opcode of the echo of a binary message").isEqualTo(WsFrame.BINARY);
        assertThat(echo.payload()).isEqualTo(all);
    }

    @Check("WS-03")
    void emptyMessagesAreEchoed(CheckContext ctx) {
        WsSession ws = WsSession.open(ctx, 33);
        ws.send(WsFrame.TEXT, new byte[0]);
        WsFrame text = ws.read();
        assertThat(text.opcode()).as("echo of an empty text").isEqualTo(WsFrame.TEXT);
        assertThat(text.payload()).isEmpty();
        ws.send(WsFrame.BINARY, new byte[0]);
        WsFrame binary = ws.read();
        assertThat(binary.opcode()).as("echo of an empty binary").isEqualTo(WsFrame.BINARY);
        assertThat(binary.payload()).isEmpty();
    }

    @Check("WS-03")
    void largeMessagesUseEveryLengthEncoding(CheckContext ctx) {
        WsSession ws = WsSession.open(ctx, 34);
        Random random = new Random(34);
        for (int size : new int[] {125, 126, 65535, 70 * 1024}) {
            byte[] payload = new byte[size];
            random.nextBytes(payload);
            ws.send(WsFrame.BINARY, payload);
            WsFrame echo = ws.read();
            assertThat(echo.opcode()).as("opcode of the %d-byte echo", size).isEqualTo(WsFrame.BINARY);
            assertThat(echo.payload()).as("payload of the %d-byte echo", size).isEqualTo(payload);
        }
        ctx.note("binary messages of 125, 126, 65535 and 71680 bytes echoed intact");
    }

    @Check("WS-03")
    void largeTextMessageIsEchoed(CheckContext ctx) {
        WsSession ws = WsSession.open(ctx, 35);
        String text = "0123456789abcdef".repeat(70 * 1024 / 16);
        ws.sendText(text);
        WsFrame echo = ws.read();
        assertThat(echo.opcode()).isEqualTo(WsFrame.TEXT);
        assertThat(echo.text()).as("70 KB text echo").isEqualTo(text);
    }

    @Needs(routes = "ws-command")
    @Check("WS-03")
    void upperCommandAnswersData(CheckContext ctx) {
        ctx.route("ws-command"); // the upper command is the reference API's; other servers only echo
        WsSession ws = WsSession.open(ctx, 36);
        ws.sendText("{\"cmd\":\"upper\",\"text\":\"make me loud\"}");
        WsFrame reply = ws.read();
        assertThat(reply.opcode()).isEqualTo(WsFrame.TEXT);
        assertThat(reply.text().replace(" ", "")).isEqualTo("{\"data\":\"MAKEMELOUD\"}");
    }

    @Check("WS-04")
    void pingGetsPongWithTheSamePayload(CheckContext ctx) {
        WsSession ws = WsSession.open(ctx, 41);
        byte[] payload = "ping-41 \u00e9".getBytes(StandardCharsets.UTF_8);
        ws.send(WsFrame.PING, payload);
        WsFrame pong = ws.read();
        assertThat(pong.opcode()).as("answer to PING").isEqualTo(WsFrame.PONG);
        assertThat(pong.payload()).as("PONG payload").isEqualTo(payload);
    }

    @Check("WS-04")
    void emptyAndMaximalPingsArePonged(CheckContext ctx) {
        WsSession ws = WsSession.open(ctx, 42);
        ws.send(WsFrame.PING, new byte[0]);
        WsFrame empty = ws.read();
        assertThat(empty.opcode()).isEqualTo(WsFrame.PONG);
        assertThat(empty.payload()).isEmpty();
        byte[] max = new byte[125];
        new Random(42).nextBytes(max);
        ws.send(WsFrame.PING, max);
        WsFrame full = ws.read();
        assertThat(full.opcode()).isEqualTo(WsFrame.PONG);
        assertThat(full.payload()).as("125-byte PONG payload").isEqualTo(max);
    }

    @Check("WS-04")
    void pingBetweenTextFragmentsDoesNotCorruptTheMessage(CheckContext ctx) {
        WsSession ws = WsSession.open(ctx, 43);
        ws.send(new WsFrame(false, 0, WsFrame.TEXT, bytes("frag")));
        ws.send(WsFrame.PING, bytes("between"));
        ws.send(new WsFrame(false, 0, WsFrame.CONTINUATION, bytes("men")));
        ws.send(new WsFrame(true, 0, WsFrame.CONTINUATION, bytes("ted")));
        WsFrame pong = ws.read();
        assertThat(pong.opcode()).as("PONG for the PING sent between fragments").isEqualTo(WsFrame.PONG);
        assertThat(pong.payload()).isEqualTo(bytes("between"));
        WsFrame message = ws.read();
        assertThat(message.opcode()).as("a data frame").isIn(WsFrame.TEXT, WsFrame.BINARY);
        assertThat(message.text()).as("the reassembled message").isEqualTo("fragmented");
    }

    @Check("WS-04")
    void pingAndUnsolicitedPongBetweenBinaryFragments(CheckContext ctx) {
        WsSession ws = WsSession.open(ctx, 44);
        byte[] whole = new byte[3000];
        new Random(44).nextBytes(whole);
        ws.send(new WsFrame(false, 0, WsFrame.BINARY, java.util.Arrays.copyOfRange(whole, 0, 1000)));
        ws.send(WsFrame.PONG, bytes("unsolicited"));
        ws.send(new WsFrame(false, 0, WsFrame.CONTINUATION, java.util.Arrays.copyOfRange(whole, 1000, 2000)));
        ws.send(WsFrame.PING, bytes("p"));
        ws.send(new WsFrame(true, 0, WsFrame.CONTINUATION, java.util.Arrays.copyOfRange(whole, 2000, 3000)));
        WsFrame pong = ws.read();
        assertThat(pong.opcode()).as("PONG (an unsolicited PONG gets no answer)").isEqualTo(WsFrame.PONG);
        assertThat(pong.payload()).isEqualTo(bytes("p"));
        WsFrame message = ws.read();
        assertThat(message.opcode()).as("a data frame (its exact opcode is WS-03's business)")
                .isIn(WsFrame.TEXT, WsFrame.BINARY);
        assertThat(message.payload()).as("3000 bytes in three fragments").isEqualTo(whole);
    }

    @Check("WS-05")
    void unmaskedClientFrameCloses1002(CheckContext ctx) {
        WsSession ws = WsSession.open(ctx, 51);
        ws.sendUnmasked(new WsFrame(true, 0, WsFrame.TEXT, bytes("no mask")));
        ws.expectCloseThenEof(1002, "an unmasked text frame");
    }

    @Check("WS-05")
    void rsvBitsClose1002(CheckContext ctx) {
        WsSession ws = WsSession.open(ctx, 52);
        ws.send(new WsFrame(true, 4, WsFrame.TEXT, bytes("rsv1")));
        ws.expectCloseThenEof(1002, "a text frame with RSV1 set (no extension negotiated)");
    }

    @Check("WS-05")
    void reservedDataOpcodeCloses1002(CheckContext ctx) {
        WsSession ws = WsSession.open(ctx, 53);
        ws.send(new WsFrame(true, 0, 0x3, bytes("x")));
        ws.expectCloseThenEof(1002, "reserved opcode 0x3");
    }

    @Check("WS-05")
    void reservedControlOpcodeCloses1002(CheckContext ctx) {
        WsSession ws = WsSession.open(ctx, 54);
        ws.send(new WsFrame(true, 0, 0xB, bytes("x")));
        ws.expectCloseThenEof(1002, "reserved opcode 0xB");
    }

    @Check("WS-05")
    void controlFrameOver125BytesCloses1002(CheckContext ctx) {
        WsSession ws = WsSession.open(ctx, 55);
        ws.send(WsFrame.PING, new byte[126]);
        ws.expectCloseThenEof(1002, "a PING of 126 bytes");
    }

    @Check("WS-05")
    void fragmentedControlFrameCloses1002(CheckContext ctx) {
        WsSession ws = WsSession.open(ctx, 56);
        ws.send(new WsFrame(false, 0, WsFrame.PING, bytes("half")));
        ws.expectCloseThenEof(1002, "a PING without FIN");
    }

    @Check("WS-06")
    void invalidUtf8TextCloses1007(CheckContext ctx) {
        WsSession ws = WsSession.open(ctx, 61);
        ws.send(WsFrame.TEXT, new byte[] {'o', 'k', (byte) 0xC3, 0x28});
        ws.expectCloseThenEof(1007, "text with the invalid sequence C3 28");
    }

    @Check("WS-06")
    void encodedSurrogateCloses1007(CheckContext ctx) {
        WsSession ws = WsSession.open(ctx, 62);
        ws.send(WsFrame.TEXT, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
        ws.expectCloseThenEof(1007, "text with an encoded UTF-16 surrogate (ED A0 80)");
    }

    @Check("WS-06")
    void truncatedSequenceAcrossFragmentsCloses1007(CheckContext ctx) {
        WsSession ws = WsSession.open(ctx, 63);
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        ws.send(new WsFrame(false, 0, WsFrame.TEXT, java.util.Arrays.copyOfRange(euro, 0, 1)));
        ws.send(new WsFrame(true, 0, WsFrame.CONTINUATION, java.util.Arrays.copyOfRange(euro, 1, 2)));
        ws.expectCloseThenEof(1007, "a text message ending inside a UTF-8 sequence");
    }

    @Check("WS-07")
    void closeIsEchoedWithItsCodeThenTcpCloses(CheckContext ctx) {
        WsSession ws = WsSession.open(ctx, 71);
        ws.send(WsFrame.CLOSE, new byte[] {0x03, (byte) 0xE8});
        ws.expectCloseThenEof(1000, "CLOSE 1000");
    }

    @Check("WS-07")
    void applicationCloseCodeIsEchoed(CheckContext ctx) {
        WsSession ws = WsSession.open(ctx, 72);
        byte[] payload = {0x0F, (byte) 0xA0, 'b', 'y', 'e'};
        ws.send(WsFrame.CLOSE, payload);
        ws.expectCloseThenEof(4000, "CLOSE 4000 'bye'");
    }

    @Check("WS-07")
    void closeAfterMessagesIsAnswered(CheckContext ctx) {
        WsSession ws = WsSession.open(ctx, 73);
        ws.sendText("one");
        assertThat(ws.read().text()).isEqualTo("one");
        ws.send(WsFrame.CLOSE, new byte[] {0x03, (byte) 0xE9});
        ws.expectCloseThenEof(1001, "CLOSE 1001 after a message");
    }

    /** ROB over WebSocket: seeded garbage after valid handshakes never takes the server down. */
    @Needs(routes = "index")
    @Check("ROB-01")
    void hostileFrameCampaignLeavesTheServerAnswering(CheckContext ctx) {
        assumeThat(ctx.profile().claims("WS")).as("profile %s does not claim WS: no WebSocket to attack",
                ctx.profile().name()).isTrue();
        Baseline baseline = Baseline.of(ctx);
        Random random = new Random(909);
        for (int i = 0; i < 20; i++) {
            WsSession ws = WsSession.open(ctx, 900 + i);
            byte[] garbage = new byte[1 + random.nextInt(300)];
            random.nextBytes(garbage);
            ws.connection().send(garbage);
            if (i % 2 == 0) {
                ws.connection().close(true);
            } else {
                ws.connection().closedByPeerWithin(Waits.prompt());
                ws.close();
            }
        }
        ctx.note("20 WebSocket sessions fed seeded random bytes (seed 909), half reset at once");
        baseline.assertStillAnswers(ctx, Waits.recoveryAfterIdleTimeout(ctx));
    }

    private static void assertBadUpgrade(CheckContext ctx, String what, String... headerLines) {
        Baseline baseline = Baseline.of(ctx);
        try (RawConnection c = ctx.raw().open()) {
            HttpReply reply = WsSession.upgrade(ctx, c, headerLines);
            Answers.expectStatus(ctx, reply, String.format("status of an upgrade %s", what), 400);
        }
        baseline.assertStillAnswers(ctx, Waits.reply(ctx));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
