package io.uconform.server.stream;

import io.uconform.server.BodyWriter;
import io.uconform.server.Json;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.LongFunction;

/**
 * Writes {@code multipart/x-mixed-replace} parts (STREAM-01) until the client leaves (a write
 * fails) or the server stops: each part is a delimiter, its own Content-Type and Content-Length,
 * a blank line and the payload, flushed as one chunk.
 */
final class MultipartStreamWriter implements BodyWriter {

    private final String boundary;
    private final Duration interval;
    private final LongFunction<Object> frames;

    MultipartStreamWriter(String boundary, Duration interval, LongFunction<Object> frames) {
        this.boundary = boundary;
        this.interval = interval;
        this.frames = frames;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        try {
            for (long n = 0; ; n++) {
                byte[] payload = Json.write(frames.apply(n)).getBytes(StandardCharsets.UTF_8);
                String head = "--" + boundary + "\r\nContent-Type: application/json\r\nContent-Length: "
                        + payload.length + "\r\n\r\n";
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                out.write(payload);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(interval.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("server stopping");
        }
    }
}
