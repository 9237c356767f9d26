package io.uconform.server.sse;

import io.uconform.server.support.RawHttp;
import io.uconform.server.support.RawResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Subscribes over a raw socket and reads event blocks (comment-only heartbeats skipped) off the chunked body. */
final class SseTestReader implements AutoCloseable {

    private final RawHttp http;
    final RawResponse head;
    private final StringBuilder pending = new StringBuilder();

    private SseTestReader(RawHttp http, RawResponse head) {
        this.http = http;
        this.head = head;
    }

    static SseTestReader subscribe(int port, String path) throws IOException {
        RawHttp http = RawHttp.connect(port);
        http.get(path);
        return new SseTestReader(http, http.readHead());
    }

    /** The next event block without its blank line, e.g. {@code "event: pin\nid: 3\ndata: {..}"}. */
    String nextEvent() throws IOException {
        while (true) {
            int end = pending.indexOf("\n\n");
            if (end >= 0) {
                String block = pending.substring(0, end);
                pending.delete(0, end + 2);
                if (!block.startsWith(":")) {
                    return block;
                }
                continue;
            }
            pending.append(readChunk());
        }
    }

    private String readChunk() throws IOException {
        InputStream in = http.input();
        String sizeLine = line(in);
        int size = Integer.parseInt(sizeLine.trim(), 16);
        if (size == 0) {
            throw new IOException("event stream ended");
        }
        byte[] data = in.readNBytes(size);
        line(in);
        return new String(data, StandardCharsets.UTF_8);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    void abort() throws IOException {
        http.close();
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
