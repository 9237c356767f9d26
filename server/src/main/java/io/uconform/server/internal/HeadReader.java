package io.uconform.server.internal;

import io.uconform.server.ServerLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads one request head byte by byte from the connection's buffer, enforcing the target limit
 * (414), the header block limit (431) and the character rules of ERR-01/ERR-04. Line ends may be
 * CRLF or a bare LF (RFC 9112 section 2.2); a CR anywhere else is an error.
 */
final class HeadReader {
    private static final int MAX_LEADING_EMPTY_LINES = 4;
    /** Room on the request line for method, spaces and version around the target. */
    private static final int REQUEST_LINE_SLACK = 32;

    private final ConnectionInput in;
    private final ServerLimits limits;
    private final boolean joinObsFold;

    HeadReader(ConnectionInput in, ServerLimits limits, boolean joinObsFold) {
        this.in = in;
        this.limits = limits;
        this.joinObsFold = joinObsFold;
    }

    /** The raw request line (without its end), skipping a few leading empty lines; null on a clean EOF. */
    String readRequestLine() throws IOException, ProtocolError {
        int cap = limits.maxTargetBytes() + REQUEST_LINE_SLACK;
        for (int empty = 0; empty <= MAX_LEADING_EMPTY_LINES; empty++) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(128);
            LineEnd end = readLine(line, cap, true);
            if (end == LineEnd.EOF && line.size() == 0) {
                return null;
            }
            if (end == LineEnd.EOF) {
                throw new ProtocolError(400, "connection closed inside the request line");
            }
            if (end == LineEnd.TOO_LONG) {
                throw tooLongRequestLine(line.toString(StandardCharsets.ISO_8859_1));
            }
            if (line.size() > 0) {
                return line.toString(StandardCharsets.ISO_8859_1);
            }
        }
        throw new ProtocolError(400, "too many empty lines before the request line");
    }

    /** Header fields up to the empty line; names checked as tokens, values trimmed. */
    List<Map.Entry<String, String>> readHeaders() throws IOException, ProtocolError {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        int total = 0;
        while (true) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(64);
            int room = limits.maxHeaderBytes() - total;
            LineEnd end = readLine(line, Math.max(0, room), false);
            if (end == LineEnd.TOO_LONG) {
                throw new ProtocolError(431, "header block exceeds " + limits.maxHeaderBytes() + " bytes");
            }
            if (end == LineEnd.EOF) {
                throw new ProtocolError(400, "connection closed inside the header block");
            }
            total += line.size() + 2;
            if (total > limits.maxHeaderBytes()) {
                throw new ProtocolError(431, "header block exceeds " + limits.maxHeaderBytes() + " bytes");
            }
            if (line.size() == 0) {
                return headers;
            }
            String text = line.toString(StandardCharsets.ISO_8859_1);
            if (text.charAt(0) == ' ' || text.charAt(0) == '\t') {
                if (!joinObsFold || headers.isEmpty()) {
                    throw new ProtocolError(400, "obsolete line folding in the header block");
                }
                Map.Entry<String, String> previous = headers.remove(headers.size() - 1);
                headers.add(entry(previous.getKey(), previous.getValue() + " " + text.strip()));
                continue;
            }
            headers.add(parseField(text));
        }
    }

    private static Map.Entry<String, String> parseField(String text) throws ProtocolError {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new ProtocolError(400, "header line without ':'");
        }
        String name = text.substring(0, colon);
        if (name.isEmpty() || !Tokens.isToken(name)) {
            throw new ProtocolError(400, "invalid header name '" + Tokens.printable(name) + "'");
        }
        return entry(name, text.substring(colon + 1).strip());
    }

    private static Map.Entry<String, String> entry(String name, String value) {
        return new AbstractMap.SimpleImmutableEntry<>(name, value);
    }

    private ProtocolError tooLongRequestLine(String start) {
        int space = start.indexOf(' ');
        if (space > 0 && Tokens.isToken(start.substring(0, space))) {
            return new ProtocolError(414, "request target exceeds " + limits.maxTargetBytes() + " bytes");
        }
        return new ProtocolError(400, "malformed request line");
    }

    private enum LineEnd { END, EOF, TOO_LONG }

    /**
     * Reads bytes up to LF into {@code line} (without CR/LF); at most {@code cap} content bytes.
     * Request lines reject all bytes outside printable ASCII; header lines allow HTAB and obs-text.
     */
    private LineEnd readLine(ByteArrayOutputStream line, int cap, boolean requestLine)
            throws IOException, ProtocolError {
        while (true) {
            int b = in.read();
            if (b < 0) {
                return LineEnd.EOF;
            }
            if (b == '\n') {
                return LineEnd.END;
            }
            if (b == '\r') {
                int next = in.read();
                if (next == '\n') {
                    return LineEnd.END;
                }
                throw new ProtocolError(400, "bare CR in the request head");
            }
            boolean allowed = requestLine
                    ? b >= 0x20 && b < 0x7f
                    : (b >= 0x20 && b != 0x7f) || b == '\t';
            if (!allowed) {
                throw new ProtocolError(400, String.format("invalid byte 0x%02x in the %s", b,
                        requestLine ? "request line" : "header block"));
            }
            if (line.size() >= cap) {
                return LineEnd.TOO_LONG;
            }
            line.write(b);
        }
    }
}
