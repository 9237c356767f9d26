package io.uconform.server.ws;

import io.uconform.server.support.RawHttp;
import io.uconform.server.support.RawResponse;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** A raw WebSocket client for server tests: frames exactly as given, masked unless told otherwise. */
final class WsTestClient implements AutoCloseable {

    static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    private final RawHttp http;
    private final Random random = new Random(7);
    final RawResponse handshake;

    private WsTestClient(RawHttp http, RawResponse handshake) {
        this.http = http;
        this.handshake = handshake;
    }

    static WsTestClient connect(int port) throws IOException {
        RawHttp http = RawHttp.connect(port);
        http.get("/ws", "upgrade: websocket", "connection: Upgrade", "sec-websocket-key: " + KEY,
                "sec-websocket-version: 13");
        return new WsTestClient(http, http.readHead());
    }

    void send(boolean fin, int rsv, int opcode, boolean masked, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write((fin ? 0x80 : 0) | (rsv << 4) | opcode);
        int maskBit = masked ? 0x80 : 0;
        if (payload.length <= 125) {
            frame.write(maskBit | payload.length);
        } else if (payload.length <= 0xFFFF) {
            frame.write(maskBit | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xFF);
        } else {
            frame.write(maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) (((long) payload.length >>> shift) & 0xFF));
            }
        }
        byte[] data = payload.clone();
        if (masked) {
            byte[] mask = new byte[4];
            random.nextBytes(mask);
            frame.write(mask);
            for (int i = 0; i < data.length; i++) {
                data[i] ^= mask[i & 3];
            }
        }
        frame.write(data);
        http.send(frame.toByteArray());
    }

    /** Bytes as given: part of a frame, for clients that trickle. */
    void sendBytes(byte... bytes) throws IOException {
        http.send(bytes);
    }

    /** Whether the server sent something (or closed) within {@code wait}; consumes nothing. */
    boolean answeredWithin(java.time.Duration wait) throws IOException {
        return http.answeredWithin(wait);
    }

    void send(int opcode, byte[] payload) throws IOException {
        send(true, 0, opcode, true, payload);
    }

    void sendText(String text) throws IOException {
        send(WsFrame.TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    WsFrame read() throws IOException {
        InputStream in = http.input();
        int b0 = readByte(in);
        int b1 = readByte(in);
        long length = b1 & 0x7F;
        if (length == 126) {
            length = (readByte(in) << 8) | readByte(in);
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | readByte(in);
            }
        }
        byte[] payload = in.readNBytes((int) length);
        return new WsFrame((b0 & 0x80) != 0, (b0 >> 4) & 7, b0 & 0x0F, payload);
    }

    /** The status code of a CLOSE frame read next. */
    int readCloseCode() throws IOException {
        WsFrame frame = read();
        if (frame.opcode() != WsFrame.CLOSE || frame.payload().length < 2) {
            throw new AssertionError("expected a CLOSE with a code, got opcode " + frame.opcode());
        }
        return ((frame.payload()[0] & 0xFF) << 8) | (frame.payload()[1] & 0xFF);
    }

    boolean closedByServer() throws IOException {
        return http.closedByServer();
    }

    @Override
    public void close() throws IOException {
        http.close();
    }

    private static int readByte(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("server closed the connection");
        }
        return b;
    }
}
