package io.uconform.simulator.serial;

import io.uconform.link.Link;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One client of the RFC 2217 server: Telnet option negotiation, the COM-PORT-OPTION commands
 * (RFC 2217 section 3), and the data both ways. The serial side is a {@link Link}: SET-BAUDRATE
 * sets its rate, SET-CONTROL its DTR/RTS (which on the virtual ESP32 reach the reset circuit),
 * PURGE-DATA drops what waits in its buffers. Every command is answered with the server's code
 * (client code + 100) and the value in effect, as the RFC asks.
 *
 * <p>One rule is not in the RFC: when the client asserts DTR after holding RTS asserted (chip in
 * reset, GPIO0 high) for at least 50 ms, both lines change at once to DTR asserted, RTS released. That is the
 * classic auto-reset sequence's "release EN with GPIO0 low" step, which a tool sets with two
 * SET-CONTROL commands 50-100 ms apart over RFC 2217 but a local USB-UART bridge within
 * microseconds, faster than the chip leaves reset; applied one by one the chip would leave
 * reset with GPIO0 high and boot its app. esptool's own {@code esp_rfc2217_server} works around
 * the same latency (esptool issue 383) by running the reset sequence on the server side.
 */
final class ComPortSession implements Telnet.Events {

    // RFC 2217 COM-PORT-OPTION commands, client to server (server to client: + 100)
    static final int SIGNATURE = 0;
    static final int SET_BAUDRATE = 1;
    static final int SET_DATASIZE = 2;
    static final int SET_PARITY = 3;
    static final int SET_STOPSIZE = 4;
    static final int SET_CONTROL = 5;
    static final int NOTIFY_LINESTATE = 6;
    static final int NOTIFY_MODEMSTATE = 7;
    static final int FLOWCONTROL_SUSPEND = 8;
    static final int FLOWCONTROL_RESUME = 9;
    static final int SET_LINESTATE_MASK = 10;
    static final int SET_MODEMSTATE_MASK = 11;
    static final int PURGE_DATA = 12;
    static final int SERVER_OFFSET = 100;

    // SET-CONTROL values
    static final int DTR_REQUEST = 7;
    static final int DTR_ON = 8;
    static final int DTR_OFF = 9;
    static final int RTS_REQUEST = 10;
    static final int RTS_ON = 11;
    static final int RTS_OFF = 12;
    /** CTS and DSR asserted: a bridge whose far side is powered. */
    static final int MODEM_STATE = 0x30;

    private final Link link;
    private final OutputStream out;
    private final Consumer<String> log;
    private final Set<Integer> weWill = new HashSet<>();
    private final Set<Integer> theyWill = new HashSet<>();
    private volatile boolean flowSuspended;
    private boolean dtr;
    private boolean rts;
    private long resetHeldSince;
    private int baud;
    private int dataSize = 8;
    private int parity = 1;
    private int stopSize = 1;
    private int flowControl = 1;

    ComPortSession(Link link, OutputStream out, int baud, Consumer<String> log) {
        this.link = link;
        this.out = out;
        this.baud = baud;
        this.log = log;
    }

    /** True while the client asked the server to hold its data (FLOWCONTROL-SUSPEND). */
    boolean flowSuspended() {
        return flowSuspended;
    }

    /** Data from the serial side to the client, IAC doubled; false when the client is gone. */
    boolean toClient(byte[] bytes, int off, int len) {
        return send(Telnet.escape(bytes, off, len));
    }

    /** The client went away: the port is closed, which drops DTR and RTS (HUPCL), as a closed tty does. */
    void closed() {
        applyLines(false, false);
    }

    @Override
    public void data(byte[] bytes, int off, int len) {
        try {
            link.output().write(bytes, off, len);
            link.output().flush();
        } catch (IOException e) {
            log.accept("serial side refused data: " + e.getMessage());
        }
    }

    @Override
    public void negotiation(int command, int option) {
        boolean ours = option == Telnet.BINARY || option == Telnet.SGA || option == Telnet.ECHO
                || option == Telnet.COM_PORT_OPTION;
        boolean theirs = option == Telnet.BINARY || option == Telnet.SGA || option == Telnet.COM_PORT_OPTION;
        switch (command) {
            case Telnet.DO -> answer(weWill, option, ours, true, Telnet.WILL, Telnet.WONT);
            case Telnet.DONT -> answer(weWill, option, ours, false, Telnet.WILL, Telnet.WONT);
            case Telnet.WILL -> answer(theyWill, option, theirs, true, Telnet.DO, Telnet.DONT);
            case Telnet.WONT -> answer(theyWill, option, theirs, false, Telnet.DO, Telnet.DONT);
            default -> { }
        }
    }

    /** Answers only a change of state (RFC 854: no answer to a confirmation, so negotiation cannot loop). */
    private void answer(Set<Integer> enabled, int option, boolean supported, boolean asked, int yes, int no) {
        boolean on = enabled.contains(option);
        if (asked && supported && !on) {
            enabled.add(option);
            sendCommand(yes, option);
        } else if (asked && !supported && !on) {
            sendCommand(no, option);
        } else if (!asked && on) {
            enabled.remove(option);
            sendCommand(no, option);
        }
    }

    @Override
    public void subnegotiation(byte[] body) {
        if (body.length < 2 || (body[0] & 0xFF) != Telnet.COM_PORT_OPTION) {
            return;
        }
        int command = body[1] & 0xFF;
        ByteBuffer value = ByteBuffer.wrap(body, 2, body.length - 2).slice();
        switch (command) {
            case SIGNATURE -> reply(command, "uconform virtual ESP32".getBytes(StandardCharsets.US_ASCII));
            case SET_BAUDRATE -> setBaud(value);
            case SET_DATASIZE -> dataSize = byteSetting(command, value, dataSize);
            case SET_PARITY -> parity = byteSetting(command, value, parity);
            case SET_STOPSIZE -> stopSize = byteSetting(command, value, stopSize);
            case SET_CONTROL -> setControl(value.remaining() > 0 ? value.get(0) & 0xFF : 0);
            case NOTIFY_MODEMSTATE -> reply(command, new byte[] {(byte) MODEM_STATE});
            case NOTIFY_LINESTATE -> reply(command, new byte[] {0});
            case FLOWCONTROL_SUSPEND -> flowSuspended = true;
            case FLOWCONTROL_RESUME -> flowSuspended = false;
            case SET_LINESTATE_MASK, SET_MODEMSTATE_MASK -> reply(command, copy(value));
            case PURGE_DATA -> purge(value.remaining() > 0 ? value.get(0) & 0xFF : 0);
            default -> { }
        }
    }

    private void setBaud(ByteBuffer value) {
        if (value.remaining() >= 4) {
            int requested = value.getInt(0); // network byte order
            if (requested > 0) {
                try {
                    link.setBaudRate(requested);
                    baud = requested;
                } catch (IOException e) {
                    log.accept("cannot set " + requested + " baud: " + e.getMessage());
                }
            }
        }
        reply(SET_BAUDRATE, ByteBuffer.allocate(4).putInt(baud).array());
    }

    private int byteSetting(int command, ByteBuffer value, int current) {
        int requested = value.remaining() > 0 ? value.get(0) & 0xFF : 0;
        int now = requested == 0 ? current : requested;
        reply(command, new byte[] {(byte) now});
        return now;
    }

    private void setControl(int v) {
        int answer = v;
        switch (v) {
            case DTR_ON -> setDtr(true);
            case DTR_OFF -> {
                if (dtr && rts) {
                    resetHeldSince = System.nanoTime(); // both asserted to RTS only: reset entered now
                }
                setDtr(false);
            }
            case RTS_ON -> {
                if (!rts && !dtr) {
                    resetHeldSince = System.nanoTime();
                }
                applyLines(dtr, rts = true);
            }
            case RTS_OFF -> applyLines(dtr, rts = false);
            case DTR_REQUEST -> answer = dtr ? DTR_ON : DTR_OFF;
            case RTS_REQUEST -> answer = rts ? RTS_ON : RTS_OFF;
            case 0 -> answer = flowControl;
            case 1, 2, 3 -> flowControl = v;
            case 4 -> answer = 6; // BREAK state: off
            default -> { }
        }
        reply(SET_CONTROL, new byte[] {(byte) answer});
    }

    /** A reset held shorter than this is not the classic sequence's (esptool holds it 100 ms). */
    private static final long RELEASE_STEP_AFTER_NANOS = 50_000_000L;

    private void setDtr(boolean on) {
        boolean releasesIntoDownload = on && !dtr && rts && System.nanoTime() - resetHeldSince >= RELEASE_STEP_AFTER_NANOS;
        dtr = on;
        if (releasesIntoDownload) {
            applyLines(true, false); // the classic sequence's release step, as a local bridge would make it
        } else {
            applyLines(dtr, rts);
        }
    }

    private void applyLines(boolean dtrLevel, boolean rtsLevel) {
        try {
            link.setControlLines(dtrLevel, rtsLevel);
        } catch (IOException e) {
            log.accept("cannot set DTR/RTS: " + e.getMessage());
        }
    }

    /** 1: the server's receive buffer (serial to client), 2: its transmit buffer (client to serial), 3: both. */
    private void purge(int which) {
        if (which == 1 || which == 3) {
            try {
                int n;
                byte[] drop = new byte[4096];
                while ((n = link.input().available()) > 0) {
                    if (link.input().read(drop, 0, Math.min(n, drop.length)) < 0) {
                        break;
                    }
                }
            } catch (IOException e) {
                log.accept("cannot purge: " + e.getMessage());
            }
        }
        reply(PURGE_DATA, new byte[] {(byte) which});
    }

    private void reply(int command, byte[] value) {
        byte[] escaped = Telnet.escape(value, 0, value.length);
        byte[] frame = new byte[6 + escaped.length];
        frame[0] = (byte) Telnet.IAC;
        frame[1] = (byte) Telnet.SB;
        frame[2] = (byte) Telnet.COM_PORT_OPTION;
        frame[3] = (byte) (command + SERVER_OFFSET);
        System.arraycopy(escaped, 0, frame, 4, escaped.length);
        frame[4 + escaped.length] = (byte) Telnet.IAC;
        frame[5 + escaped.length] = (byte) Telnet.SE;
        send(frame);
    }

    private void sendCommand(int command, int option) {
        send(new byte[] {(byte) Telnet.IAC, (byte) command, (byte) option});
    }

    private boolean send(byte[] bytes) {
        synchronized (out) {
            try {
                out.write(bytes);
                out.flush();
                return true;
            } catch (IOException e) {
                return false; // the client left; its reader ends the session
            }
        }
    }

    private static byte[] copy(ByteBuffer value) {
        byte[] b = new byte[value.remaining()];
        value.get(0, b);
        return b;
    }

    /** For status lines: the settings in effect. */
    String describe() {
        return String.format("%d baud, %d data bits, parity %d, stop %d, DTR %s, RTS %s", baud, dataSize, parity,
                stopSize, dtr ? "on" : "off", rts ? "on" : "off");
    }
}
