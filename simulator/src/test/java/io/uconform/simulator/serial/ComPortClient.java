package io.uconform.simulator.serial;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * Test helper: the client side of RFC 2217, written from the RFC (IAC SB COM-PORT-OPTION cmd value
 * IAC SE; server answers cmd + 100; IAC doubled in data), independent of the server's code.
 */
final class ComPortClient implements AutoCloseable {

    static final int IAC = 255;
    static final int SB = 250;
    static final int SE = 240;
    static final int WILL = 251;
    static final int DO = 253;
    static final int COM_PORT = 44;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    ComPortClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(5000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    void raw(int... bytes) throws IOException {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        out.write(b);
        out.flush();
    }

    /** IAC SB COM-PORT-OPTION command value... IAC SE (value bytes IAC-doubled). */
    void command(int command, byte[] value) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[] {(byte) IAC, (byte) SB, (byte) COM_PORT, (byte) command});
        for (byte v : value) {
            b.write(v);
            if ((v & 0xFF) == IAC) {
                b.write(IAC);
            }
        }
        b.write(new byte[] {(byte) IAC, (byte) SE});
        out.write(b.toByteArray());
        out.flush();
    }

    void setBaud(int baud) throws IOException {
        command(1, ByteBuffer.allocate(4).putInt(baud).array());
    }

    void setControl(int value) throws IOException {
        command(5, new byte[] {(byte) value});
    }

    /** Reads bytes until the server's next subnegotiation for {@code command + 100}; returns its value (IAC undoubled). */
    byte[] awaitAnswer(int command) throws IOException {
        while (true) {
            int b = read();
            if (b != IAC) {
                continue;
            }
            int c = read();
            if (c == SB) {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                while (true) {
                    int x = read();
                    if (x == IAC) {
                        int y = read();
                        if (y == SE) {
                            break;
                        }
                        body.write(y);
                    } else {
                        body.write(x);
                    }
                }
                byte[] sub = body.toByteArray();
                if (sub.length >= 2 && (sub[0] & 0xFF) == COM_PORT && (sub[1] & 0xFF) == command + 100) {
                    return java.util.Arrays.copyOfRange(sub, 2, sub.length);
                }
            } else if (c >= WILL && c <= 254) {
                read(); // the option of a negotiation
            }
        }
    }

    /** The next negotiation the server sends: {command, option}. */
    int[] awaitNegotiation() throws IOException {
        while (true) {
            if (read() == IAC) {
                int c = read();
                if (c >= WILL && c <= 254) {
                    return new int[] {c, read()};
                }
            }
        }
    }

    void write(byte[] data) throws IOException {
        out.write(data);
        out.flush();
    }

    /** Reads {@code n} raw bytes as they arrive (Telnet framing included). */
    byte[] readRaw(int n) throws IOException {
        return in.readNBytes(n);
    }

    /** True when the server closed the connection within {@code timeout}. */
    boolean closedWithin(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset by the server
        }
    }

    private int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new IOException("server closed the connection");
        }
        return b;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
