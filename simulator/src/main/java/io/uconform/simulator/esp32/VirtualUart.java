package io.uconform.simulator.esp32;

import io.uconform.link.InMemoryLink;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The virtual chip's UART0 and the line to the tool: the rate the chip's divider gives, the rate the
 * tool's end is set to, and (with the line model) 10 bit times per byte each way. When the two rates
 * differ by more than a UART tolerates (2.5%), nothing gets through in either direction: every
 * character arrives with a framing error and is dropped, as after a baud change one side missed.
 * Thread-safe.
 */
final class VirtualUart {

    static final double TOLERANCE = 0.025;

    /** Receives what arrived and when it started crossing the line ({@link System#nanoTime()}). */
    interface Receiver {
        void bytes(byte[] data, long readAt);
    }

    private final InMemoryLink.Pair link;
    private final StampedLink hostEnd;
    private final LinePacer rxPacer;
    private final LinePacer txPacer;
    private final Object txLock = new Object();
    private final AtomicLong dropped = new AtomicLong();
    private volatile int baud = 115_200;
    private volatile long rxClock; // when the last bytes received finished arriving (line model)

    VirtualUart(InMemoryLink.Pair link, StampedLink hostEnd, boolean modelLineSpeed) {
        this.link = link;
        this.hostEnd = hostEnd;
        this.rxPacer = new LinePacer(modelLineSpeed);
        this.txPacer = new LinePacer(modelLineSpeed);
    }

    /** Reads the tool's bytes until the link closes or {@code stop} says so; run on a thread of its own. */
    void receive(Receiver receiver, BooleanSupplier stop) {
        InputStream in = link.device().input();
        link.device().setReadTimeout(Duration.ofMillis(200));
        byte[] chunk = new byte[8192];
        long lastReadAt = 0;
        while (!stop.getAsBoolean()) {
            int n;
            try {
                n = in.read(chunk);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) {
                return;
            }
            if (n < 0) {
                return;
            }
            long readAt = lineStart(lastReadAt);
            lastReadAt = readAt;
            receiver.bytes(Arrays.copyOf(chunk, n), readAt);
        }
    }

    /**
     * When the bytes just read started crossing the line: the tool's write, when it wrote through
     * the in-process link since the last read; otherwise (a TCP server) now. Either way the
     * hand-off to the CPU thread overlaps the modelled wire time instead of adding to it.
     */
    private long lineStart(long lastReadAt) {
        long now = System.nanoTime();
        long wrote = hostEnd.lastWriteNanos();
        return wrote != 0 && wrote - lastReadAt > 0 && now - wrote >= 0 ? wrote : now;
    }

    int baud() {
        return baud;
    }

    void setBaud(int baud) {
        this.baud = baud;
    }

    /** Characters lost to a rate mismatch so far. */
    long droppedBytes() {
        return dropped.get();
    }

    /** True when the chip's rate and the tool's are close enough for characters to get through. */
    boolean inTune() {
        int host = link.host().baudRate();
        return baud > 0 && host > 0 && Math.abs(baud - host) <= TOLERANCE * host;
    }

    /**
     * Books received bytes on the line (from {@code readAt}) and says whether they are readable. With
     * {@code replyWaits}, the line time is only booked: the chip's next output starts after it (one
     * wait per command instead of two); otherwise the caller is held until the bytes have arrived.
     */
    boolean received(int count, long readAt, boolean replyWaits) {
        if (replyWaits) {
            rxClock = rxPacer.reserve(count, baud, readAt);
        } else {
            rxPacer.transfer(count, baud, readAt);
        }
        if (!inTune()) {
            dropped.addAndGet(count);
            return false;
        }
        return true;
    }

    /** Sends bytes to the tool, after the line has carried what came before (the request, in the line model). */
    void transmit(byte[] bytes, boolean afterRequest) {
        synchronized (txLock) {
            long start = afterRequest ? Math.max(rxClock, System.nanoTime()) : System.nanoTime();
            txPacer.transfer(bytes.length, baud, start);
            if (!inTune()) {
                dropped.addAndGet(bytes.length);
                return;
            }
            try {
                link.device().output().write(bytes);
            } catch (IOException e) {
                // nobody is listening (link closed or a full buffer): a UART drops the bytes
            }
        }
    }
}
