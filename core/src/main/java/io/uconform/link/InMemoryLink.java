package io.uconform.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;

/**
 * One end of an in-process byte pipe with modelled control lines: what one end writes the other
 * reads, and DTR/RTS or baud changes made on one end are reported to listeners on the other (so
 * the virtual ESP32 sees the auto-reset sequence). Create ends with {@link #pair(String)}.
 */
public final class InMemoryLink implements Link {

    /** The two connected ends: {@code host} for the tool, {@code device} for the (virtual) board. */
    public record Pair(InMemoryLink host, InMemoryLink device) {
    }

    /** Reacts to the peer changing DTR/RTS (true = asserted). Called on the peer's thread. */
    @FunctionalInterface
    public interface ControlLinesListener {
        void changed(boolean dtr, boolean rts);
    }

    static final int CAPACITY = 256 * 1024;
    private static final long WRITE_TIMEOUT_NANOS = Duration.ofSeconds(10).toNanos();

    private final String name;
    private final ByteQueue inbound;
    private final ByteQueue outbound;
    private final List<ControlLinesListener> controlListeners = new CopyOnWriteArrayList<>();
    private final List<IntConsumer> baudListeners = new CopyOnWriteArrayList<>();
    private InMemoryLink peer;
    private volatile long readTimeoutNanos = Duration.ofSeconds(10).toNanos();
    private volatile int baud = 115_200;
    private volatile boolean dtr;
    private volatile boolean rts;

    private InMemoryLink(String name, ByteQueue inbound, ByteQueue outbound) {
        this.name = name;
        this.inbound = inbound;
        this.outbound = outbound;
    }

    public static Pair pair(String name) {
        ByteQueue toDevice = new ByteQueue(CAPACITY);
        ByteQueue toHost = new ByteQueue(CAPACITY);
        InMemoryLink host = new InMemoryLink("mem:" + name, toHost, toDevice);
        InMemoryLink device = new InMemoryLink("mem:" + name + "#device", toDevice, toHost);
        host.peer = device;
        device.peer = host;
        return new Pair(host, device);
    }

    /** Registers a listener for DTR/RTS changes made by the other end. */
    public void onPeerControlLines(ControlLinesListener listener) {
        controlListeners.add(listener);
    }

    /** Registers a listener for baud-rate changes made by the other end. */
    public void onPeerBaudRate(IntConsumer listener) {
        baudListeners.add(listener);
    }

    public int baudRate() {
        return baud;
    }

    public boolean isClosed() {
        return inbound.isClosed() || outbound.isClosed();
    }

    /** Drops bytes received but not yet read (a UART flush). */
    public void discardInput() {
        inbound.clear();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public InputStream input() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = inbound.read(one, 0, 1, readTimeoutNanos);
                return n < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return inbound.read(b, off, len, readTimeoutNanos);
            }

            @Override
            public int available() {
                return inbound.available();
            }
        };
    }

    @Override
    public OutputStream output() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                outbound.write(new byte[] {(byte) b}, 0, 1, WRITE_TIMEOUT_NANOS);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                outbound.write(b, off, len, WRITE_TIMEOUT_NANOS);
            }
        };
    }

    @Override
    public void setControlLines(boolean dtr, boolean rts) throws IOException {
        ensureOpen();
        this.dtr = dtr;
        this.rts = rts;
        peer.controlListeners.forEach(l -> l.changed(dtr, rts));
    }

    public boolean dtr() {
        return dtr;
    }

    public boolean rts() {
        return rts;
    }

    @Override
    public void setBaudRate(int baud) throws IOException {
        ensureOpen();
        this.baud = baud;
        peer.baudListeners.forEach(l -> l.accept(baud));
    }

    @Override
    public void setReadTimeout(Duration timeout) {
        readTimeoutNanos = Math.max(1, timeout.toNanos());
    }

    /** Closes both directions; the peer reads the remaining bytes, then end of stream. */
    @Override
    public void close() {
        inbound.close();
        outbound.close();
    }

    private void ensureOpen() throws IOException {
        if (isClosed()) {
            throw new IOException("link " + name + " is closed");
        }
    }
}
