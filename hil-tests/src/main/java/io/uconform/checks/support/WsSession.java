package io.uconform.checks.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.client.HttpReply;
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

    /** Sends an upgrade request with the given header lines and returns the response head. */
    public static HttpReply upgrade(CheckContext ctx, RawConnection c, String... headerLines) {
        return c.send(Requests.get(ctx, path(ctx), headerLines)).readResponse(Waits.reply(ctx), true);
    }

    /**
     * Opens a connection and completes a valid handshake, asserting 101 (retried while the target
     * answers 503 for want of a free client slot). The accept value is noted, not asserted: that is
     * WS-01's own check, and a session check must not fail for it.
     */
    public static WsSession open(CheckContext ctx, long seed) {
        Random random = new Random(seed);
        String key = newKey(random);
        RawConnection[] c = new RawConnection[1];
        HttpReply reply = BusyRetry.untilNot503(ctx, "upgrade of " + path(ctx), () -> {
            if (c[0] != null) {
                c[0].close();
            }
            c[0] = ctx.raw().open();
            return upgrade(ctx, c[0], "Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Key: " + key,
                    "Sec-WebSocket-Version: 13");
        });
        assertThat(reply.status()).as("upgrade of %s answered", path(ctx)).isEqualTo(101);
        if (!reply.header("sec-websocket-accept").orElse("").equals(expectedAccept(key))) {
            ctx.note("Sec-WebSocket-Accept is " + reply.header("sec-websocket-accept").orElse("(none)")
                    + ", expected " + expectedAccept(key) + " (WS-01)");
        }
        return new WsSession(ctx, c[0], random);
    }

    public WsSession send(WsFrame frame) {
        c.send(frame.encode(true, random));
        return this;
    }

    /** Sends a frame without the client mask (a violation). */
    public WsSession sendUnmasked(WsFrame frame) {
        c.send(frame.encode(false, random));
        return this;
    }

    public WsSession send(int opcode, byte[] payload) {
        return send(new WsFrame(true, 0, opcode, payload));
    }

    public WsSession sendText(String text) {
        return send(WsFrame.TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The next frame from the server within the reply wait. */
    public WsFrame read() {
        return read(Waits.reply(ctx));
    }

    public WsFrame read(Duration timeout) {
        byte[] head = c.readBytes(2, timeout);
        boolean masked = (head[1] & 0x80) != 0;
        long length = head[1] & 0x7F;
        if (length == 126) {
            byte[] ext = c.readBytes(2, timeout);
            length = ((ext[0] & 0xFF) << 8) | (ext[1] & 0xFF);
        } else if (length == 127) {
            byte[] ext = c.readBytes(8, timeout);
            length = 0;
            for (byte b : ext) {
                length = (length << 8) | (b & 0xFF);
            }
        }
        assertThat(masked).as("server frames must not be masked (RFC 6455 5.1)").isFalse();
        assertThat(length).as("frame length").isBetween(0L, 16L * 1024 * 1024);
        byte[] payload = length == 0 ? new byte[0] : c.readBytes((int) length, timeout);
        return new WsFrame((head[0] & 0x80) != 0, (head[0] >> 4) & 7, head[0] & 0x0F, payload);
    }

    /** Asserts the next frame is a CLOSE with {@code code} and that the server then closes TCP. */
    public void expectCloseThenEof(int code, String after) {
        WsFrame frame = read();
        assertThat(frame.opcode()).as("frame after %s (expected CLOSE %d)", after, code).isEqualTo(WsFrame.CLOSE);
        assertThat(frame.closeCode()).as("close code after %s", after).isEqualTo(code);
        assertThat(c.closedByPeerWithin(Waits.close(ctx))).as("TCP closed after the CLOSE (%s)", after).isTrue();
    }

    public RawConnection connection() {
        return c;
    }

    public void close() {
        c.close();
    }
}
