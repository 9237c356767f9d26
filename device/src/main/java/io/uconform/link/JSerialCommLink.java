package io.uconform.link;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A real serial port through jSerialComm, 8N1 without flow control. Opening does not touch DTR/RTS
 * beyond releasing both, so the board is not left in reset. Errors are one line: port not found,
 * port busy, port vanished.
 */
public final class JSerialCommLink implements Link {

    private final SerialPort port;
    private final String name;
    private volatile int readTimeoutMillis = 10_000;

    private JSerialCommLink(SerialPort port, String name) {
        this.port = port;
        this.name = name;
    }

    /** The system's serial ports with their USB ids (0 for non-USB ports). */
    public static List<SerialPortInfo> listPorts() {
        return Arrays.stream(SerialPort.getCommPorts())
                .map(p -> new SerialPortInfo(p.getSystemPortPath(), p.getVendorID(), p.getProductID(),
                        p.getPortDescription()))
                .toList();
    }

    /** Opens the port whose USB bridge has this id. */
    public static JSerialCommLink openByUsbId(UsbId id, int baud) throws IOException {
        try {
            return open(PortFinder.byUsbId(listPorts(), id).path(), baud);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Opens a port by name or path ({@code /dev/ttyUSB0}, {@code COM3}). */
    public static JSerialCommLink open(String path, int baud) throws IOException {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (SerialPortInvalidPortException e) {
            throw new IOException("serial port " + path + " not found", e);
        }
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        if (!port.openPort(0)) {
            int code = port.getLastErrorCode();
            throw new IOException(switch (code) {
                case 2 -> "serial port " + path + " not found";
                case 13 -> "serial port " + path + " is not accessible (permission denied: add yourself to the dialout group)";
                case 16 -> "serial port " + path + " is busy (another program has it open: close the serial monitor)";
                default -> "cannot open serial port " + path + " (busy or missing; system error " + code + ")";
            });
        }
        JSerialCommLink link = new JSerialCommLink(port, path);
        port.clearDTR();
        port.clearRTS();
        link.applyTimeouts();
        return link;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public InputStream input() {
        InputStream raw = port.getInputStream();
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    return raw.read(b, off, len);
                } catch (InterruptedIOException e) {
                    throw new SocketTimeoutException("no data from " + name + " within " + readTimeoutMillis + " ms");
                } catch (IOException e) {
                    throw vanished(e);
                }
            }

            @Override
            public int available() throws IOException {
                return raw.available();
            }
        };
    }

    @Override
    public OutputStream output() {
        OutputStream raw = port.getOutputStream();
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                try {
                    raw.write(b, off, len);
                } catch (IOException e) {
                    throw vanished(e);
                }
            }
        };
    }

    @Override
    public void setControlLines(boolean dtr, boolean rts) throws IOException {
        boolean ok = (dtr ? port.setDTR() : port.clearDTR()) & (rts ? port.setRTS() : port.clearRTS());
        if (!ok) {
            throw vanished(null);
        }
    }

    @Override
    public void setBaudRate(int baud) throws IOException {
        if (!port.setBaudRate(baud)) {
            throw new IOException("serial port " + name + " refused " + baud + " baud");
        }
    }

    @Override
    public void setReadTimeout(Duration timeout) {
        readTimeoutMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        applyTimeouts();
    }

    private void applyTimeouts() {
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                readTimeoutMillis, 10_000);
    }

    private IOException vanished(IOException cause) {
        return new IOException("serial port " + name + " vanished (unplugged or reset over USB)", cause);
    }

    @Override
    public void close() {
        port.closePort();
    }
}
