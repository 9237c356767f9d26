package io.uconform.simulator.serial;

import java.io.ByteArrayOutputStream;

/**
 * The Telnet framing RFC 2217 rides on (RFC 854/855): IAC (255) starts a command, a doubled IAC is
 * a data byte 255, WILL/WONT/DO/DONT (251..254) take an option byte, SB (250) .. IAC SE (240) wraps
 * a subnegotiation. {@link Decoder} turns the client's byte stream into data and events.
 */
final class Telnet {

    static final int IAC = 255;
    static final int DONT = 254;
    static final int DO = 253;
    static final int WONT = 252;
    static final int WILL = 251;
    static final int SB = 250;
    static final int SE = 240;

    static final int BINARY = 0;
    static final int ECHO = 1;
    static final int SGA = 3;
    static final int COM_PORT_OPTION = 44;

    private Telnet() {
    }

    /** What the decoder found. */
    interface Events {
        void data(byte[] bytes, int off, int len);

        void negotiation(int command, int option);

        /** The bytes between IAC SB and IAC SE, IAC doubling removed: option, then its payload. */
        void subnegotiation(byte[] body);
    }

    /** Data bytes with each IAC doubled, as they must cross the connection. */
    static byte[] escape(byte[] data, int off, int len) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(len + 16);
        for (int i = off; i < off + len; i++) {
            out.write(data[i]);
            if ((data[i] & 0xFF) == IAC) {
                out.write(IAC);
            }
        }
        return out.toByteArray();
    }

    /** A stateful decoder of the client's stream; feed it chunks as they arrive. Not thread-safe. */
    static final class Decoder {

        private enum Mode { DATA, IAC, OPTION, SUB, SUB_IAC }

        private final Events events;
        private final ByteArrayOutputStream data = new ByteArrayOutputStream();
        private final ByteArrayOutputStream sub = new ByteArrayOutputStream();
        private Mode mode = Mode.DATA;
        private int command;

        Decoder(Events events) {
            this.events = events;
        }

        void feed(byte[] bytes, int off, int len) {
            for (int i = off; i < off + len; i++) {
                step(bytes[i] & 0xFF);
            }
            flushData();
        }

        private void step(int b) {
            switch (mode) {
                case DATA -> {
                    if (b == IAC) {
                        mode = Mode.IAC;
                    } else {
                        data.write(b);
                    }
                }
                case IAC -> {
                    if (b == IAC) {
                        data.write(IAC);
                        mode = Mode.DATA;
                    } else if (b >= WILL && b <= DONT) {
                        command = b;
                        mode = Mode.OPTION;
                    } else if (b == SB) {
                        sub.reset();
                        mode = Mode.SUB;
                    } else {
                        mode = Mode.DATA; // NOP, GA and the like: nothing for a serial port
                    }
                }
                case OPTION -> {
                    flushData();
                    events.negotiation(command, b);
                    mode = Mode.DATA;
                }
                case SUB -> {
                    if (b == IAC) {
                        mode = Mode.SUB_IAC;
                    } else {
                        sub.write(b);
                    }
                }
                case SUB_IAC -> {
                    if (b == SE) {
                        flushData();
                        events.subnegotiation(sub.toByteArray());
                        mode = Mode.DATA;
                    } else {
                        sub.write(b); // a doubled IAC inside the subnegotiation
                        mode = Mode.SUB;
                    }
                }
                default -> throw new IllegalStateException("unknown mode " + mode);
            }
        }

        private void flushData() {
            if (data.size() > 0) {
                byte[] chunk = data.toByteArray();
                data.reset();
                events.data(chunk, 0, chunk.length);
            }
        }
    }
}
