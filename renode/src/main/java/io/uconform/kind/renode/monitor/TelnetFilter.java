package io.uconform.kind.renode.monitor;

import java.io.ByteArrayOutputStream;

/**
 * Drops telnet negotiation from a byte stream (RFC 854/855): {@code IAC WILL|WONT|DO|DONT <opt>}
 * triples, {@code IAC SB ... IAC SE} subnegotiations and other two-byte {@code IAC <cmd>}
 * commands; {@code IAC IAC} is a literal 0xFF. Renode's telnet monitor sends such bytes to every
 * new client (WILL ECHO, WILL SUPPRESS-GO-AHEAD, ...). Stateful across calls, so a sequence split
 * over two reads is still dropped. Not thread-safe.
 */
public final class TelnetFilter {

    static final int IAC = 0xFF;
    static final int SB = 0xFA;
    static final int SE = 0xF0;
    static final int WILL = 0xFB;
    static final int DONT = 0xFE;

    private enum State { DATA, COMMAND, OPTION, SUB, SUB_IAC }

    private State state = State.DATA;

    /** The data bytes of {@code buf[off, off+len)}, negotiation removed. */
    public byte[] filter(byte[] buf, int off, int len) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(len);
        for (int i = off; i < off + len; i++) {
            int b = buf[i] & 0xFF;
            switch (state) {
                case DATA -> {
                    if (b == IAC) {
                        state = State.COMMAND;
                    } else {
                        out.write(b);
                    }
                }
                case COMMAND -> {
                    if (b == IAC) {
                        out.write(IAC);
                        state = State.DATA;
                    } else if (b >= WILL && b <= DONT) {
                        state = State.OPTION;
                    } else if (b == SB) {
                        state = State.SUB;
                    } else {
                        state = State.DATA; // NOP, GA, AYT, ...: two bytes
                    }
                }
                case OPTION -> state = State.DATA;
                case SUB -> state = b == IAC ? State.SUB_IAC : State.SUB;
                case SUB_IAC -> state = b == SE ? State.DATA : State.SUB;
                default -> throw new IllegalStateException(String.valueOf(state));
            }
        }
        return out.toByteArray();
    }
}
