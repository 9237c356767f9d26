package io.uconform.link;

import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;

/**
 * Incremental SLIP decoder for a side that receives bytes in arbitrary chunks (the virtual ESP32).
 * Bytes outside frames are passed to a noise handler; a bad escape drops the frame in progress.
 * Not thread-safe: feed it from one thread.
 */
public final class SlipDecoder {

    private final Consumer<byte[]> frames;
    private final ByteArrayOutputStream frame = new ByteArrayOutputStream(1024);
    private boolean inFrame;
    private boolean escaped;

    public SlipDecoder(Consumer<byte[]> frames) {
        this.frames = frames;
    }

    public void feed(byte[] data, int off, int len) {
        for (int i = off; i < off + len; i++) {
            feed(data[i] & 0xFF);
        }
    }

    public void reset() {
        frame.reset();
        inFrame = false;
        escaped = false;
    }

    private void feed(int b) {
        if (!inFrame) {
            if (b == Slip.END) {
                inFrame = true;
            }
            return;
        }
        if (escaped) {
            escaped = false;
            if (b == Slip.ESC_END) {
                frame.write(Slip.END);
            } else if (b == Slip.ESC_ESC) {
                frame.write(Slip.ESC);
            } else {
                reset(); // framing error: the ROM drops the packet
            }
            return;
        }
        if (b == Slip.ESC) {
            escaped = true;
        } else if (b == Slip.END) {
            if (frame.size() > 0) {
                byte[] done = frame.toByteArray();
                frame.reset();
                frames.accept(done);
            }
        } else {
            frame.write(b);
        }
    }
}
