package io.uconform.server.internal;

import java.util.List;
import java.util.Locale;

/**
 * How the request body is delimited and what the client asked about the connection, validated
 * per ERR-03/ERR-04: one Host for HTTP/1.1, at most one all-digit Content-Length, Transfer-Encoding
 * only {@code chunked} and never together with Content-Length.
 *
 * @param length the Content-Length, or -1 when absent
 */
record Framing(long length, boolean chunked, boolean keepAlive, boolean expectContinue) {

    boolean hasBodyFraming() {
        return chunked || length > 0;
    }

    static Framing of(RequestHead head, boolean requireHost, boolean http10KeptAlive) throws ProtocolError {
        List<String> hosts = head.values("Host");
        if (hosts.size() > 1) {
            throw new ProtocolError(400, "duplicate Host header");
        }
        if (hosts.isEmpty() && !head.isHttp10() && requireHost) {
            throw new ProtocolError(400, "HTTP/1.1 request without Host header");
        }
        long length = contentLength(head.values("Content-Length"));
        boolean chunked = chunked(head);
        if (chunked && length >= 0) {
            throw new ProtocolError(400, "both Content-Length and Transfer-Encoding");
        }
        return new Framing(length, chunked, keepAlive(head, http10KeptAlive), expectContinue(head));
    }

    private static long contentLength(List<String> values) throws ProtocolError {
        if (values.isEmpty()) {
            return -1;
        }
        if (values.size() > 1) {
            throw new ProtocolError(400, "duplicate Content-Length header");
        }
        String value = values.get(0);
        if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ProtocolError(400, "invalid Content-Length '" + Tokens.printable(value) + "'");
        }
        return Long.parseLong(value);
    }

    private static boolean chunked(RequestHead head) throws ProtocolError {
        List<String> values = head.values("Transfer-Encoding");
        if (values.isEmpty()) {
            return false;
        }
        if (head.isHttp10()) {
            throw new ProtocolError(400, "Transfer-Encoding in an HTTP/1.0 request");
        }
        String joined = String.join(",", values).strip();
        if (!"chunked".equalsIgnoreCase(joined)) {
            throw new ProtocolError(501, "transfer coding '" + Tokens.printable(joined) + "' is not implemented");
        }
        return true;
    }

    private static boolean keepAlive(RequestHead head, boolean http10KeptAlive) {
        boolean close = false;
        boolean keep = false;
        for (String value : head.values("Connection")) {
            for (String token : value.split(",")) {
                String t = token.strip().toLowerCase(Locale.ROOT);
                close |= "close".equals(t);
                keep |= "keep-alive".equals(t);
            }
        }
        if (close) {
            return false;
        }
        return !head.isHttp10() || keep || http10KeptAlive;
    }

    private static boolean expectContinue(RequestHead head) throws ProtocolError {
        List<String> values = head.values("Expect");
        if (values.isEmpty() || head.isHttp10()) {
            return false;
        }
        if (values.size() == 1 && "100-continue".equalsIgnoreCase(values.get(0))) {
            return true;
        }
        throw new ProtocolError(417, "unsupported expectation '" + Tokens.printable(String.join(",", values)) + "'");
    }
}
