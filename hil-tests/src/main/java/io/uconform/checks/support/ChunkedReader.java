package io.uconform.checks.support;

import io.uconform.client.HttpReply;
import io.uconform.client.RawConnection;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * Reads an endless response body (SSE, multipart streams) after its head: de-chunks it when the
 * head says {@code Transfer-Encoding: chunked}, else reads the bytes as they come. Each call is
 * bounded by its timeout; the body's own framing errors fail the check with what was seen.
 */
public final class ChunkedReader {

    private static final int MAX_LINE = 8192;

    private final RawConnection c;
    private final boolean chunked;
    private byte[] buffer = new byte[0];
    private int pos;
    private boolean ended;

    public ChunkedReader(RawConnection c, HttpReply head) {
        this.c = c;
        this.chunked = head.header("transfer-encoding").map(v -> v.equalsIgnoreCase("chunked")).orElse(false);
    }

    /** A line of the body ended by LF (CR before it dropped), UTF-8. */
    public String readLine(Duration timeout) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int b = next(deadline);
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.UTF_8);
            }
            if (line.size() >= MAX_LINE) {
                throw new BadFraming("body line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
    }

    /** Exactly {@code n} bytes of the body. */
    public byte[] readBytes(int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) next(deadline);
        }
        return out;
    }

    private int next(long deadlineNanos) {
        if (!chunked) {
            return c.readBytes(1, left(deadlineNanos))[0] & 0xFF;
        }
        while (pos == buffer.length) {
            if (ended) {
                throw new BadFraming("the streamed body ended (zero chunk) while more was expected");
            }
            String sizeLine = c.readLine(left(deadlineNanos), MAX_LINE);
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
            int size;
            try {
                size = Integer.parseInt(hex, 16);
            } catch (NumberFormatException e) {
                throw new BadFraming("malformed chunk size line: '" + sizeLine + "'");
            }
            buffer = size == 0 ? new byte[0] : c.readBytes(size, left(deadlineNanos));
            pos = 0;
            String crlf = c.readLine(left(deadlineNanos), MAX_LINE);
            if (!crlf.isEmpty()) {
                throw new BadFraming("chunk of " + size + " bytes not followed by CRLF but '" + crlf + "'");
            }
            ended = size == 0;
        }
        return buffer[pos++] & 0xFF;
    }

    /** The body's own framing is broken (a bad chunk size line, a zero chunk mid-stream): in protocol words. */
    public static final class BadFraming extends AssertionError {
        BadFraming(String message) {
            super(message);
        }
    }

    /** Bytes de-chunked but not yet consumed (for evidence). */
    public byte[] pending() {
        return Arrays.copyOfRange(buffer, pos, buffer.length);
    }

    private static Duration left(long deadlineNanos) {
        long nanos = deadlineNanos - System.nanoTime();
        if (nanos <= 0) {
            throw new AssertionError("streamed body: nothing more arrived before the deadline");
        }
        return Duration.ofNanos(nanos);
    }
}
