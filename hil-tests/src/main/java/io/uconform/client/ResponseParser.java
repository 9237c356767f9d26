package io.uconform.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tolerant HTTP/1.x response parser: header names in any case, whitespace around values, bodies
 * by chunked coding, Content-Length or connection close; no body for HEAD, 1xx, 204 and 304.
 * Strict only where it must be to find the end of a message.
 */
final class ResponseParser {

    private static final int MAX_LINE = 64 * 1024;
    private static final int MAX_HEADERS = 200;

    private ResponseParser() {
    }

    static HttpReply read(SocketInput in, long deadlineNanos, boolean headRequest) throws IOException {
        String statusLine = in.readLine(deadlineNanos, MAX_LINE);
        while (statusLine.isEmpty()) {
            // tolerate stray CRLF between pipelined responses
            statusLine = in.readLine(deadlineNanos, MAX_LINE);
        }
        int status = statusCode(statusLine);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int count = 0; ; count++) {
            String line = in.readLine(deadlineNanos, MAX_LINE);
            if (line.isEmpty()) {
                break;
            }
            if (count == MAX_HEADERS) {
                throw new IOException("more than " + MAX_HEADERS + " header lines");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed header line: " + line);
            }
            headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    k -> new ArrayList<>()).add(line.substring(colon + 1).trim());
        }
        byte[] body = body(in, deadlineNanos, headRequest, status, headers);
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        headers.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return new HttpReply(statusLine, status, java.util.Collections.unmodifiableMap(frozen), body);
    }

    private static byte[] body(SocketInput in, long deadline, boolean head, int status,
                               Map<String, List<String>> headers) throws IOException {
        if (head || status / 100 == 1 || status == 204 || status == 304) {
            return new byte[0];
        }
        List<String> te = headers.getOrDefault("transfer-encoding", List.of());
        if (te.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("chunked"))) {
            return chunked(in, deadline);
        }
        List<String> cl = headers.getOrDefault("content-length", List.of());
        if (!cl.isEmpty()) {
            long length;
            try {
                length = Long.parseLong(cl.get(0).trim());
            } catch (NumberFormatException e) {
                throw new IOException("unreadable Content-Length: " + cl.get(0));
            }
            return in.readExactly(length, deadline);
        }
        return untilClose(in, deadline);
    }

    /**
     * A body delimited by the close (RFC 9112 6.3, rule 8). A server that ends it with a reset instead
     * of a FIN still sent a complete head and the bytes before the reset: that is the body (the
     * reset is the server's risk, RFC 9112 9.6), not an unreadable response.
     */
    private static byte[] untilClose(SocketInput in, long deadline) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read(deadline)) >= 0) {
                out.write(b);
            }
        } catch (java.net.SocketException reset) {
            // the bytes read so far are the body
        }
        return out.toByteArray();
    }

    private static byte[] chunked(SocketInput in, long deadline) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = in.readLine(deadline, MAX_LINE);
            int semi = sizeLine.indexOf(';');
            String hex = (semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new IOException("malformed chunk size line: " + sizeLine);
            }
            if (size == 0) {
                while (!in.readLine(deadline, MAX_LINE).isEmpty()) {
                    // trailers are consumed and ignored
                }
                return out.toByteArray();
            }
            out.write(in.readExactly(size, deadline));
            in.readLine(deadline, MAX_LINE);
        }
    }

    static int statusCode(String statusLine) throws IOException {
        String[] parts = statusLine.trim().split("\\s+", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("no numeric status code in: " + statusLine);
        }
    }
}
