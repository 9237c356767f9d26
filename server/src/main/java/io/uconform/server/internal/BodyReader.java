package io.uconform.server.internal;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * Reads request bodies into memory, bounded by the route's limit: fixed length, or chunked
 * (CHUNK-01: extensions ignored, trailers consumed and dropped).
 */
final class BodyReader {
    private static final int MAX_CHUNK_LINE = 256;

    private final ConnectionInput in;
    private final int maxTrailerBytes;

    BodyReader(ConnectionInput in, int maxTrailerBytes) {
        this.in = in;
        this.maxTrailerBytes = maxTrailerBytes;
    }

    byte[] readFixed(int length) throws IOException {
        byte[] body = new byte[length];
        int done = 0;
        while (done < length) {
            int n = in.read(body, done, length - done);
            if (n < 0) {
                throw new EOFException("connection closed after " + done + " of " + length + " body bytes");
            }
            done += n;
        }
        return body;
    }

    /** @throws ProtocolError 400 for bad chunk framing, 413 when the decoded body passes {@code limit} */
    byte[] readChunked(long limit) throws IOException, ProtocolError {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            long size = chunkSize(readLine(MAX_CHUNK_LINE, "chunk size line"));
            if (size == 0) {
                skipTrailers();
                return body.toByteArray();
            }
            if (body.size() + size > limit) {
                throw new ProtocolError(413, "chunked body exceeds " + limit + " bytes");
            }
            body.write(readFixed((int) size));
            if (!readLine(2, "chunk end").isEmpty()) {
                throw new ProtocolError(400, "chunk data longer than its declared size");
            }
        }
    }

    private static long chunkSize(String line) throws ProtocolError {
        int semicolon = line.indexOf(';');
        String hex = (semicolon < 0 ? line : line.substring(0, semicolon)).strip();
        if (hex.isEmpty() || hex.length() > 8) {
            throw new ProtocolError(400, "invalid chunk size '" + Tokens.printable(hex) + "'");
        }
        long size = 0;
        for (int i = 0; i < hex.length(); i++) {
            int digit = Character.digit(hex.charAt(i), 16);
            if (digit < 0) {
                throw new ProtocolError(400, "invalid chunk size '" + Tokens.printable(hex) + "'");
            }
            size = size * 16 + digit;
        }
        return size;
    }

    private void skipTrailers() throws IOException, ProtocolError {
        int total = 0;
        while (true) {
            String line = readLine(maxTrailerBytes, "trailer");
            total += line.length() + 2;
            if (total > maxTrailerBytes) {
                throw new ProtocolError(431, "trailer section exceeds " + maxTrailerBytes + " bytes");
            }
            if (line.isEmpty()) {
                return;
            }
        }
    }

    private String readLine(int cap, String what) throws IOException, ProtocolError {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed inside the " + what);
            }
            if (b == '\n') {
                int len = line.length();
                return len > 0 && line.charAt(len - 1) == '\r' ? line.substring(0, len - 1) : line.toString();
            }
            if (line.length() >= cap) {
                throw new ProtocolError(400, what + " too long");
            }
            line.append((char) b);
        }
    }
}
