package io.uconform.server.ws;

import io.uconform.server.TakenConnection;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Reads client frames (RFC 6455 section 5.2) and rejects what a server must not accept: unmasked
 * frames, RSV bits without an extension, reserved opcodes, control frames over 125 bytes or
 * fragmented (1002), and payloads larger than the message limit (1009, before reading them). Once a
 * frame's first byte arrived, the whole frame must arrive within the frame deadline (LIM-08), else 1008.
 */
final class FrameReader {

    static final int MAX_CONTROL_PAYLOAD = 125;

    private final TakenConnection connection;
    private final InputStream in;
    private final int maxPayload;
    private final boolean requireMask;
    /** Null for fault WS_FRAME_NO_DEADLINE: only the idle timeout bounds each read. */
    private final Duration frameDeadline;

    FrameReader(TakenConnection connection, int maxPayload, boolean requireMask, Duration frameDeadline) {
        this.connection = connection;
        this.in = connection.input();
        this.maxPayload = maxPayload;
        this.requireMask = requireMask;
        this.frameDeadline = frameDeadline;
    }

    /**
     * @throws EOFException           when the client closed the TCP connection without a CLOSE frame
     * @throws SocketTimeoutException when no frame began within the idle timeout
     */
    WsFrame read() throws IOException, WsProtocolException {
        int b0 = readByte();
        if (frameDeadline == null) {
            return readRest(b0);
        }
        connection.setReadDeadline(frameDeadline);
        try {
            return readRest(b0);
        } catch (SocketTimeoutException e) {
            throw new WsProtocolException(1008, "frame not complete within " + frameDeadline.toMillis()
                    + " ms of its first byte");
        } finally {
            connection.clearReadDeadline();
        }
    }

    private WsFrame readRest(int b0) throws IOException, WsProtocolException {
        int b1 = readByte();
        boolean fin = (b0 & 0x80) != 0;
        int rsv = (b0 >> 4) & 0x7;
        int opcode = b0 & 0x0F;
        boolean masked = (b1 & 0x80) != 0;
        long length = b1 & 0x7F;
        if (length == 126) {
            length = ((long) readByte() << 8) | readByte();
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | readByte();
            }
            if (length < 0) {
                throw new WsProtocolException(1002, "64-bit payload length with the most significant bit set");
            }
        }
        if (rsv != 0) {
            throw new WsProtocolException(1002, "RSV bits set without a negotiated extension");
        }
        if (!WsFrame.isKnown(opcode)) {
            throw new WsProtocolException(1002, "reserved opcode 0x" + Integer.toHexString(opcode));
        }
        if (!masked && requireMask) {
            throw new WsProtocolException(1002, "client frame is not masked");
        }
        boolean control = (opcode & 0x8) != 0;
        if (control && length > MAX_CONTROL_PAYLOAD) {
            throw new WsProtocolException(1002, "control frame payload of " + length + " bytes (max 125)");
        }
        if (control && !fin) {
            throw new WsProtocolException(1002, "fragmented control frame");
        }
        if (length > maxPayload) {
            throw new WsProtocolException(1009, "frame payload of " + length + " bytes exceeds " + maxPayload);
        }
        byte[] mask = masked ? in.readNBytes(4) : null;
        if (mask != null && mask.length < 4) {
            throw new EOFException("connection closed inside a frame header");
        }
        byte[] payload = in.readNBytes((int) length);
        if (payload.length < length) {
            throw new EOFException("connection closed inside a frame payload");
        }
        if (mask != null) {
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i & 3];
            }
        }
        return new WsFrame(fin, rsv, opcode, payload);
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("connection closed");
        }
        return b;
    }
}
