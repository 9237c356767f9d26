package io.uconform.server.ws;

/**
 * One WebSocket frame as read from or written to the wire (RFC 6455 section 5.2), payload unmasked.
 *
 * @param fin    last frame of a message
 * @param rsv    the three RSV bits (bits 6..4 of the first byte), 0 unless an extension is negotiated
 * @param opcode 4-bit opcode
 */
record WsFrame(boolean fin, int rsv, int opcode, byte[] payload) {

    static final int CONTINUATION = 0x0;
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;

    boolean isControl() {
        return (opcode & 0x8) != 0;
    }

    static boolean isKnown(int opcode) {
        return opcode == CONTINUATION || opcode == TEXT || opcode == BINARY || opcode == CLOSE
                || opcode == PING || opcode == PONG;
    }
}
