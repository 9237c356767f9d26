package io.uconform.simulator.esp32;

import io.uconform.link.Link;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/**
 * The tool's end of the in-process link, noting when the tool last wrote: on a real UART the bytes
 * start crossing the line at that moment, so the line model starts there rather than when the
 * board's reader thread happens to wake up (a simulator artefact of a tenth of a millisecond or
 * more per command).
 */
final class StampedLink implements Link {

    private final Link link;
    private volatile long lastWriteNanos;

    StampedLink(Link link) {
        this.link = link;
    }

    /** {@link System#nanoTime()} when the tool last started a write; 0 before the first. */
    long lastWriteNanos() {
        return lastWriteNanos;
    }

    @Override
    public String name() {
        return link.name();
    }

    @Override
    public InputStream input() {
        return link.input();
    }

    @Override
    public OutputStream output() {
        OutputStream out = link.output();
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                lastWriteNanos = System.nanoTime();
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                lastWriteNanos = System.nanoTime();
                out.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }
        };
    }

    @Override
    public void setControlLines(boolean dtr, boolean rts) throws IOException {
        link.setControlLines(dtr, rts);
    }

    @Override
    public void setBaudRate(int baud) throws IOException {
        link.setBaudRate(baud);
    }

    @Override
    public void setReadTimeout(Duration timeout) throws IOException {
        link.setReadTimeout(timeout);
    }

    @Override
    public void close() {
        link.close();
    }
}
