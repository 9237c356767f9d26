package io.uconform.checks.support;

import io.uconform.client.HttpReply;
import io.uconform.client.PeerEnd;
import io.uconform.client.RawConnection;
import io.uconform.suite.CheckContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Random;

/**
 * A raw WebSocket client on a {@link RawConnection}: the opening handshake, frames out exactly as
 * a check builds them, frames in parsed strictly (a server frame must not be masked).
 */
public final class WsSession {

    public static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final CheckContext ctx;
    private final RawConnection c;
    private final Random random;

    private WsSession(CheckContext ctx, RawConnection c, Random random) {
        this.ctx = ctx;
        this.c = c;
        this.random = random;
    }

    /** The WebSocket path: the profile's {@code ws} role. */
    public static String path(CheckContext ctx) {
        return ctx.route("ws");
    }

    /** A fresh random key, as a browser sends. */
    public static String newKey(Random random) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        return Base64.getEncoder().encodeToString(nonce);
    }

    public static String expectedAccept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    /**
     * Sends an upgrade request with the given header lines and returns the response head; when none
     * comes, fails in one line naming {@code what} was sent and the {@code expected} answer.
     */
    public static HttpReply upgrade(CheckContext ctx, RawConnection c, String what, String expected,
                                    String... headerLines) {
        return Answers.read(ctx, c.send(Requests.get(ctx, path(ctx), headerLines)), "GET " + path(ctx) + " "
                + what, expected, true);
    }

    /**
     * Opens a connection and completes a valid handshake, expecting 101 (retried while the target
     * answers 503 for want of a free client slot). The accept value is noted, not asserted: that is
     * WS-01's own check, and a session check must not fail for it.
     */
    public static WsSession open(CheckContext ctx, long seed) {
        Random random = new Random(seed);
        String key = newKey(random);
        RawConnection[] c = new RawConnection[1];
        String what = "(a valid upgrade, to open a session)";
        HttpReply reply = BusyRetry.untilNot503(ctx, "upgrade of " + path(ctx), () -> {
            if (c[0] != null) {
                c[0].close();
            }
            c[0] = ctx.raw().open();
            return upgrade(ctx, c[0], what, "101 Switching Protocols", "Upgrade: websocket", "Connection: Upgrade",
                    "Sec-WebSocket-Key: " + key, "Sec-WebSocket-Version: 13");
        });
        Answers.expectStatus(ctx, reply, "GET " + path(ctx) + " " + what, 101);
        if (!reply.header("sec-websocket-accept").orElse("").equals(expectedAccept(key))) {
            ctx.note("Sec-WebSocket-Accept is " + reply.header("sec-websocket-accept").orElse("(none)")
                    + ", expected " + expectedAccept(key) + " (WS-01)");
        }
        return new WsSession(ctx, c[0], random);
    }

    public WsSession send(WsFrame frame) {
        return write(frame, true);
    }

    /** Sends a frame without the client mask (a violation). */
    public WsSession sendUnmasked(WsFrame frame) {
        return write(frame, false);
    }

    /** A write the server refused (it closed or reset the session first) fails in one line, with what it sent before. */
    private WsSession write(WsFrame frame, boolean masked) {
        try {
            c.send(frame.encode(masked, random));
        } catch (AssertionError refused) {
            PeerEnd end = c.awaitPeerEnd(Duration.ofMillis(200));
            AssertionError failure = failure("sending " + frame.describe(), "the server had "
                    + (end.reset() ? "reset" : "closed") + " the connection" + framesIn(end.received()),
                    "the session open until the frames were sent");
            failure.initCause(refused);
            throw failure;
        }
        return this;
    }

    /** The frames in bytes the server sent before it closed, for messages: " after sending CLOSE 1009 (...)". */
    private static String framesIn(byte[] bytes) {
        java.util.List<String> frames = new java.util.ArrayList<>();
        int i = 0;
        while (i + 2 <= bytes.length && frames.size() < 3) {
            int length = bytes[i + 1] & 0x7F;
            int at = i + 2;
            if (length == 126 && at + 2 <= bytes.length) {
                length = ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
                at += 2;
            } else if (length >= 126 || (bytes[i + 1] & 0x80) != 0 || at + length > bytes.length) {
                break;
            }
            frames.add(new WsFrame((bytes[i] & 0x80) != 0, (bytes[i] >> 4) & 7, bytes[i] & 0x0F,
                    java.util.Arrays.copyOfRange(bytes, at, at + length)).describe());
            i = at + length;
        }
        return frames.isEmpty() ? (bytes.length == 0 ? "" : " after sending " + bytes.length + " bytes")
                : " after sending " + String.join(", ", frames);
    }

    public WsSession send(int opcode, byte[] payload) {
        return send(new WsFrame(true, 0, opcode, payload));
    }

    public WsSession sendText(String text) {
        return send(WsFrame.TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The next frame from the server within the reply wait. When none comes (a close, a reset,
     * silence) or it is not a valid server frame, fails in one line: after what was {@code sent},
     * what happened, and what was {@code expected}.
     */
    public WsFrame read(String sent, String expected) {
        return read(sent, expected, Waits.reply(ctx), true);
    }

    /**
     * The next frame within {@code timeout}, for polling: fails when none comes, without waiting to
     * tell a close from silence (that wait could swallow a frame arriving meanwhile).
     */
    public WsFrame read(Duration timeout) {
        return read("the frames so far", "a frame", timeout, false);
    }

    private WsFrame read(String sent, String expected, Duration timeout, boolean classify) {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] head = bytes(2, deadline, timeout, classify, sent, expected, "no frame");
        boolean masked = (head[1] & 0x80) != 0;
        long length = head[1] & 0x7F;
        if (length == 126) {
            byte[] ext = bytes(2, deadline, timeout, classify, sent, expected, "a frame head cut short");
            length = ((ext[0] & 0xFF) << 8) | (ext[1] & 0xFF);
        } else if (length == 127) {
            byte[] ext = bytes(8, deadline, timeout, classify, sent, expected, "a frame head cut short");
            length = 0;
            for (byte b : ext) {
                length = (length << 8) | (b & 0xFF);
            }
        }
        String frame = WsFrame.name(head[0] & 0x0F) + " frame of " + length + " bytes";
        if (masked) {
            throw failure(sent, "the server sent a masked " + frame + " (a server must not mask, RFC 6455 5.1)",
                    expected);
        }
        if (length < 0 || length > 16L * 1024 * 1024) {
            throw failure(sent, "the server announced a " + frame + " (over the 16 MiB this client reads)", expected);
        }
        byte[] payload = length == 0 ? new byte[0] : bytes((int) length, deadline, timeout, classify, sent, expected,
                "a " + frame + " cut short");
        return new WsFrame((head[0] & 0x80) != 0, (head[0] >> 4) & 7, head[0] & 0x0F, payload);
    }

    /** Expects the next frame to be {@code opcode} carrying exactly {@code payload} (an echo, a PONG). */
    public WsFrame expectFrame(String sent, int opcode, byte[] payload) {
        String expected = WsFrame.name(opcode) + " with the " + payload.length + " bytes sent";
        WsFrame frame = read(sent, expected);
        if (frame.opcode() != opcode || !frame.fin() || frame.rsv() != 0 || !java.util.Arrays.equals(frame.payload(),
                payload)) {
            throw failure(sent, "the server sent " + frame.describe() + difference(frame.payload(), payload,
                    frame.opcode() == opcode), expected);
        }
        return frame;
    }

    /**
     * Expects the next message to be {@code opcode} carrying exactly {@code payload}; the server may
     * send it in fragments (RFC 6455 5.4), which are joined.
     */
    public WsFrame expectMessage(String sent, int opcode, byte[] payload) {
        String expected = WsFrame.name(opcode) + " message with the " + payload.length + " bytes sent";
        WsFrame message = readMessage(sent, expected);
        if (message.opcode() != opcode || message.rsv() != 0 || !java.util.Arrays.equals(message.payload(), payload)) {
            throw failure(sent, "the server sent " + message.describe().replace(" frame", " message")
                    + difference(message.payload(), payload, message.opcode() == opcode), expected);
        }
        return message;
    }

    /** The next data message, its fragments joined (a control frame is returned as it comes). */
    public WsFrame readMessage(String sent, String expected) {
        WsFrame first = read(sent, expected);
        if (first.fin() || first.opcode() >= WsFrame.CLOSE) {
            return first;
        }
        java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
        joined.writeBytes(first.payload());
        int fragments = 1;
        while (true) {
            WsFrame next = read(sent + " (fragment " + (fragments + 1) + " of its answer)", expected);
            if (next.opcode() != WsFrame.CONTINUATION) {
                throw failure(sent, "the server sent " + next.describe() + " after " + fragments + " fragment(s) of "
                        + "a " + WsFrame.name(first.opcode()) + " message, where a CONTINUATION belongs", expected);
            }
            joined.writeBytes(next.payload());
            fragments++;
            if (next.fin()) {
                return new WsFrame(true, first.rsv(), first.opcode(), joined.toByteArray());
            }
        }
    }

    /** Expects the next frame to be a CLOSE with {@code code}, then the server's TCP close. */
    public void expectCloseThenEof(int code, String after) {
        String expected = "CLOSE " + code + ", then the TCP close";
        WsFrame frame = read(after, expected);
        if (frame.opcode() != WsFrame.CLOSE || frame.closeCode() != code) {
            throw failure(after, "the server sent " + frame.describe(), expected);
        }
        PeerEnd end = c.awaitPeerEnd(Waits.close(ctx));
        if (!end.closed()) {
            throw failure(after, "the server sent CLOSE " + code + " but " + end.describe() + " for "
                    + Waits.close(ctx).toMillis() + " ms", expected);
        }
    }

    /** A one-line verdict: on which path, after what was sent, what happened, and what was expected. */
    public AssertionError failure(String sent, String happened, String expected) {
        return new AssertionError("on " + path(ctx) + ", after " + sent + ": " + happened + "; expected " + expected
                + " (" + ctx.requirement() + ")");
    }

    private byte[] bytes(int n, long deadline, Duration timeout, boolean classify, String sent, String expected,
                         String what) {
        try {
            return c.readBytes(n, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        } catch (AssertionError e) {
            if (!classify) {
                throw e;
            }
            PeerEnd end = c.awaitPeerEnd(Duration.ofMillis(100));
            String how = end.reset() ? "the server reset the connection (RST)" : end.closed()
                    ? "the server closed the TCP connection" : "nothing more came within " + timeout.toMillis() + " ms";
            AssertionError failure = failure(sent, what + ": " + how, expected);
            failure.initCause(e);
            throw failure;
        }
    }

    private static String difference(byte[] got, byte[] sent, boolean sameOpcode) {
        if (!sameOpcode || got.length == 0 && sent.length == 0) {
            return "";
        }
        if (got.length != sent.length) {
            return ", " + got.length + " bytes where " + sent.length + " were sent";
        }
        for (int i = 0; i < got.length; i++) {
            if (got[i] != sent[i]) {
                return ", differing from what was sent from byte " + i + " on";
            }
        }
        return "";
    }

    public RawConnection connection() {
        return c;
    }

    public void close() {
        c.close();
    }
}
