package io.uconform.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;

/**
 * Raw serial over TCP (an emulator's UART, ser2net, the virtual ESP32's port). TCP has no modem
 * lines and no baud rate: both setters are accepted and ignored, so tools must not rely on the
 * DTR/RTS reset here.
 */
public final class TcpLink implements Link {

    private final String name;
    private final Socket socket;

    private TcpLink(String name, Socket socket) {
        this.name = name;
        this.socket = socket;
    }

    /**
     * Connects to {@code host:port} (or {@code tcp://host:port}) within {@code timeout}.
     *
     * @throws IOException with a one-line message naming the address when nothing listens there
     */
    public static TcpLink connect(String address, Duration timeout) throws IOException {
        URI uri = URI.create(address.startsWith("tcp://") ? address : "tcp://" + address);
        if (uri.getHost() == null || uri.getPort() < 0) {
            throw new IOException("bad TCP link address '" + address + "' (expected host:port)");
        }
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), (int) timeout.toMillis());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
        } catch (IOException e) {
            socket.close();
            throw new IOException("cannot connect to " + uri + ": " + e.getMessage(), e);
        }
        return new TcpLink("tcp://" + uri.getHost() + ":" + uri.getPort(), socket);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public InputStream input() {
        try {
            return socket.getInputStream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public OutputStream output() {
        try {
            return socket.getOutputStream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void setControlLines(boolean dtr, boolean rts) {
        // no modem lines over raw TCP
    }

    @Override
    public void setBaudRate(int baud) {
        // the far end's UART speed is not ours to set over raw TCP
    }

    @Override
    public void setReadTimeout(Duration timeout) throws IOException {
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
