package io.uconform.simulator.esp32;

import io.uconform.link.ForwardingLink;
import io.uconform.link.Link;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The tool's end of the in-process link, noting when the tool last wrote: on a real UART the bytes
 * start crossing the line at that moment, so the line model starts there rather than when the
 * board's reader thread happens to wake up (a simulator artefact of a tenth of a millisecond or
 * more per command).
 */
final class StampedLink extends ForwardingLink {

    private volatile long lastWriteNanos;

    StampedLink(Link link) {
        super(link);
    }

    /** {@link System#nanoTime()} when the tool last started a write; 0 before the first. */
    long lastWriteNanos() {
        return lastWriteNanos;
    }

    @Override
    public OutputStream output() {
        OutputStream out = delegate.output();
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
}
