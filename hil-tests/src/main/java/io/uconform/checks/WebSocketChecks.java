package io.uconform.checks;

import static org.assertj.core.api.Assumptions.assumeThat;

import io.uconform.checks.support.Answers;
import io.uconform.checks.support.Baseline;
import io.uconform.checks.support.Requests;
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
            String what = "(a valid upgrade, key " + key + ")";
            HttpReply reply = WsSession.upgrade(ctx, c, what, "101 Switching Protocols", "Upgrade: websocket",
                    "Connection: Upgrade", "Sec-WebSocket-Key: " + key, "Sec-WebSocket-Version: 13");
            expectAccepted(ctx, reply, what, key);
            if (!reply.header("upgrade").map(v -> v.equalsIgnoreCase("websocket")).orElse(false)) {
                throw new AssertionError("GET " + WsSession.path(ctx) + " " + what + ": the 101 carried "
                        + reply.header("upgrade").map(v -> "'Upgrade: " + v + "'").orElse("no Upgrade header")
                        + "; expected 'Upgrade: websocket' (" + ctx.requirement() + ")");
            }
        }
    }

    @Check("WS-01")
    void lowerCaseHeaderNamesAreAccepted(CheckContext ctx) {
        String key = WsSession.newKey(new Random(12));
        try (RawConnection c = ctx.raw().open()) {
            String what = "(an upgrade with lower-case header names)";
            HttpReply reply = WsSession.upgrade(ctx, c, what, "101 Switching Protocols", "upgrade: websocket",
                    "connection: Upgrade", "sec-websocket-key: " + key, "sec-websocket-version: 13");
            expectAccepted(ctx, reply, what, key);
        }
    }

    @Check("WS-01")
    void mixedCaseTokensAndAConnectionListAreAccepted(CheckContext ctx) {
        String key = WsSession.newKey(new Random(13));
        try (RawConnection c = ctx.raw().open()) {
            String what = "(an upgrade as Firefox sends it: Connection: keep-alive, Upgrade)";
            HttpReply reply = WsSession.upgrade(ctx, c, what, "101 Switching Protocols", "UPGRADE: WebSocket",
                    "CONNECTION: keep-alive, Upgrade", "SEC-WEBSOCKET-KEY: " + key, "Sec-Websocket-Version: 13");
            expectAccepted(ctx, reply, what, key);
        }
    }

    @Check("WS-01")
    void sessionIsUsableAfterTheHandshake(CheckContext ctx) {
        WsSession ws = WsSession.open(ctx, 14);
        ws.sendText("ready?");
        ws.expectMessage("the first message after the handshake, TEXT 'ready?'", WsFrame.TEXT, bytes("ready?"));
    }

    @Needs(routes = "index")
    @Check("WS-02")
    void upgradeWithoutKeyGets400AndTheServerStaysUp(CheckContext ctx) {
        assertBadUpgrade(ctx, "without Sec-WebSocket-Key", "Upgrade: websocket", "Connection: Upgrade",
                "Sec-WebSocket-Version: 13");
    }

    /**
     * RFC 6455 4.2.2 (/version/): a version the server does not understand gets "an appropriate HTTP
     * error code (such as 426 Upgrade Required)"; 400 (the contract's) and 426 both pass.
     */
    @Needs(routes = "index")
    @Check("WS-02")
    void unsupportedVersionGets400AndTheServerStaysUp(CheckContext ctx) {
        assertBadUpgrade(ctx, "with Sec-WebSocket-Version: 8", new int[] {400, 426}, "Upgrade: websocket",
                "Connection: Upgrade", "Sec-WebSocket-Key: " + WsSession.newKey(new Random(21)), "Sec-WebSocket-Version: 8");
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
                // what the bad upgrade gets is the other WS-02 checks' business; this one judges what follows
                c.send(Requests.get(ctx, WsSession.path(ctx), "Upgrade: websocket", "Connection: Upgrade",
                        "Sec-WebSocket-Version: 13")).awaitPeerEnd(Waits.prompt());
            }
        }
        WsSession ws = WsSession.open(ctx, 22);
        ws.sendText("still here");
        ws.expectMessage("5 upgrades without a key, then a valid session's TEXT 'still here'", WsFrame.TEXT,
                bytes("still here"));
    }

    @Check("WS-03")
    void textEchoKeepsOpcodeAndPayload(CheckContext ctx) {
        WsSession ws = WsSession.open(ctx, 31);
        String text = "héllo wörld ✓ \uD83D\uDE00";
        ws.sendText(text);
        ws.expectMessage("a TEXT message of " + bytes(text).length + " UTF-8 bytes", WsFrame.TEXT, bytes(text));
    }

    @Check("WS-03")
    void binaryEchoKeepsOpcodeAndEveryByteValue(CheckContext ctx) {
        WsSession ws = WsSession.open(ctx, 32);
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        ws.send(WsFrame.BINARY, all);
        ws.expectMessage("a BINARY message of the 256 byte values 00..FF", WsFrame.BINARY, all);
    }

    @Check("WS-03")
    void emptyMessagesAreEchoed(CheckContext ctx) {
        WsSession ws = WsSession.open(ctx, 33);
        ws.send(WsFrame.TEXT, new byte[0]);
        ws.expectMessage("an empty TEXT message", WsFrame.TEXT, new byte[0]);
        ws.send(WsFrame.BINARY, new byte[0]);
        ws.expectMessage("an empty BINARY message", WsFrame.BINARY, new byte[0]);
    }

    @Check("WS-03")
    void largeMessagesUseEveryLengthEncoding(CheckContext ctx) {
        WsSession ws = WsSession.open(ctx, 34);
        Random random = new Random(34);
        for (int size : new int[] {125, 126, 65535, 70 * 1024}) {
            byte[] payload = new byte[size];
            random.nextBytes(payload);
            ws.send(WsFrame.BINARY, payload);
            ws.expectMessage("a BINARY message of " + size + " bytes", WsFrame.BINARY, payload);
        }
        ctx.note("binary messages of 125, 126, 65535 and 71680 bytes echoed intact");
    }

    @Check("WS-03")
    void largeTextMessageIsEchoed(CheckContext ctx) {
        WsSession ws = WsSession.open(ctx, 35);
        String text = "0123456789abcdef".repeat(70 * 1024 / 16);
        ws.sendText(text);
        ws.expectMessage("a TEXT message of " + text.length() + " bytes", WsFrame.TEXT, bytes(text));
    }

    @Needs(routes = "ws-command")
    @Check("WS-03")
    void upperCommandAnswersData(CheckContext ctx) {
        ctx.route("ws-command"); // the upper command is the reference API's; other servers only echo
        WsSession ws = WsSession.open(ctx, 36);
        ws.sendText("{\"cmd\":\"upper\",\"text\":\"make me loud\"}");
        String sent = "TEXT {\"cmd\":\"upper\",\"text\":\"make me loud\"}";
        String expected = "TEXT {\"data\":\"MAKE ME LOUD\"}";
        WsFrame reply = ws.readMessage(sent, expected);
        if (reply.opcode() != WsFrame.TEXT || !reply.text().replace(" ", "").equals("{\"data\":\"MAKEMELOUD\"}")) {
            throw ws.failure(sent, "the server sent " + reply.describe(), expected);
        }
    }

    @Check("WS-04")
    void pingGetsPongWithTheSamePayload(CheckContext ctx) {
        WsSession ws = WsSession.open(ctx, 41);
        byte[] payload = "ping-41 \u00e9".getBytes(StandardCharsets.UTF_8);
        ws.send(WsFrame.PING, payload);
        ws.expectFrame("a PING of " + payload.length + " bytes", WsFrame.PONG, payload);
    }

    @Check("WS-04")
    void emptyAndMaximalPingsArePonged(CheckContext ctx) {
        WsSession ws = WsSession.open(ctx, 42);
        ws.send(WsFrame.PING, new byte[0]);
        ws.expectFrame("an empty PING", WsFrame.PONG, new byte[0]);
        byte[] max = new byte[125];
        new Random(42).nextBytes(max);
        ws.send(WsFrame.PING, max);
        ws.expectFrame("a PING of 125 bytes (the most a control frame carries)", WsFrame.PONG, max);
    }

    @Check("WS-04")
    void pingBetweenTextFragmentsDoesNotCorruptTheMessage(CheckContext ctx) {
        WsSession ws = WsSession.open(ctx, 43);
        ws.send(new WsFrame(false, 0, WsFrame.TEXT, bytes("frag")));
        ws.send(WsFrame.PING, bytes("between"));
        ws.send(new WsFrame(false, 0, WsFrame.CONTINUATION, bytes("men")));
        ws.send(new WsFrame(true, 0, WsFrame.CONTINUATION, bytes("ted")));
        expectPongAndMessage(ws, "TEXT 'frag' (not FIN), PING 'between', CONTINUATION 'men', CONTINUATION 'ted'",
                bytes("between"), bytes("fragmented"));
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
        // an unsolicited PONG gets no answer; the one PONG expected is the PING's
        expectPongAndMessage(ws, "BINARY 1000 bytes (not FIN), an unsolicited PONG, CONTINUATION 1000, PING 'p', "
                + "CONTINUATION 1000 (FIN)", bytes("p"), whole);
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
        ws.expectCloseThenEof(1002, "a frame with the reserved data opcode 0x3");
    }

    @Check("WS-05")
    void reservedControlOpcodeCloses1002(CheckContext ctx) {
        WsSession ws = WsSession.open(ctx, 54);
        ws.send(new WsFrame(true, 0, 0xB, bytes("x")));
        ws.expectCloseThenEof(1002, "a frame with the reserved control opcode 0xB");
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
        ws.expectMessage("TEXT 'one'", WsFrame.TEXT, bytes("one"));
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
        assertBadUpgrade(ctx, what, new int[] {400}, headerLines);
    }

    private static void assertBadUpgrade(CheckContext ctx, String what, int[] statuses, String... headerLines) {
        Baseline baseline = Baseline.of(ctx);
        try (RawConnection c = ctx.raw().open()) {
            String sent = "(an upgrade " + what + ")";
            HttpReply reply = WsSession.upgrade(ctx, c, sent, statuses.length == 1 ? "400" : "400 or 426", headerLines);
            Answers.expectStatus(ctx, reply, "GET " + WsSession.path(ctx) + " " + sent, statuses);
            if (statuses.length > 1 && reply.header("Sec-WebSocket-Version").isEmpty()) {
                ctx.note("the " + reply.status() + " names no Sec-WebSocket-Version it understands (RFC 6455 4.2.2)");
            }
        }
        baseline.assertStillAnswers(ctx, Waits.reply(ctx));
    }

    private static void expectAccepted(CheckContext ctx, HttpReply reply, String what, String key) {
        Answers.expectStatus(ctx, reply, "GET " + WsSession.path(ctx) + " " + what, 101);
        String accept = reply.header("sec-websocket-accept").orElse(null);
        if (!WsSession.expectedAccept(key).equals(accept)) {
            throw new AssertionError("GET " + WsSession.path(ctx) + " " + what + ": the 101 carried "
                    + (accept == null ? "no Sec-WebSocket-Accept" : "'Sec-WebSocket-Accept: " + accept + "'")
                    + "; expected '" + WsSession.expectedAccept(key) + "', the base64 SHA-1 of the key and the "
                    + "RFC 6455 GUID (" + ctx.requirement() + ")");
        }
    }

    /**
     * Reads frames until the PONG of {@code ping} and the whole message {@code message} both came, in
     * any order: a server may echo fragments as they come, with the PONG between them (RFC 6455 5.4);
     * the message's exact opcode is WS-03's business.
     */
    private static void expectPongAndMessage(WsSession ws, String sent, byte[] ping, byte[] message) {
        String expected = "a PONG with the " + ping.length + " PING bytes and the " + message.length
                + "-byte message, its fragments in order";
        java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
        boolean pong = false;
        boolean whole = false;
        while (!pong || !whole) {
            WsFrame frame = ws.read(sent, expected);
            if (frame.opcode() == WsFrame.PONG && !pong && java.util.Arrays.equals(frame.payload(), ping)) {
                pong = true;
            } else if (!whole && (data.size() == 0 ? frame.opcode() == WsFrame.TEXT || frame.opcode() == WsFrame.BINARY
                    : frame.opcode() == WsFrame.CONTINUATION)) {
                data.writeBytes(frame.payload());
                whole = frame.fin();
            } else {
                throw ws.failure(sent, "the server sent " + frame.describe() + (pong ? " after the PONG" : "")
                        + (data.size() > 0 ? " after " + data.size() + " bytes of the message" : ""), expected);
            }
        }
        if (!java.util.Arrays.equals(data.toByteArray(), message)) {
            throw ws.failure(sent, "the server's message has " + data.size() + " bytes "
                    + (data.size() == message.length ? "differing from the ones sent" : "where " + message.length
                    + " were sent"), expected);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
