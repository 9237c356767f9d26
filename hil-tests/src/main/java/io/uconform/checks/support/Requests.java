package io.uconform.checks.support;

import io.uconform.suite.CheckContext;
import java.nio.charset.StandardCharsets;

/**
 * Raw HTTP/1.1 request texts for checks that need exact bytes on the wire. Every request carries
 * the target's {@code Host} unless a check builds the head itself to test Host handling.
 */
public final class Requests {

    public static final String CRLF = "\r\n";

    private Requests() {
    }

    /** The {@code Host} header value for this target ({@code 127.0.0.1:41234}). */
    public static String host(CheckContext ctx) {
        return ctx.baseUri().getRawAuthority();
    }

    /** {@code GET target HTTP/1.1} with Host and the given extra header lines. */
    public static String get(CheckContext ctx, String target, String... headerLines) {
        return head(ctx, "GET", target, headerLines) + CRLF;
    }

    /** A request line, Host and extra header lines, without the blank line that ends the head. */
    public static String head(CheckContext ctx, String method, String target, String... headerLines) {
        StringBuilder sb = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1").append(CRLF)
                .append("Host: ").append(host(ctx)).append(CRLF);
        for (String line : headerLines) {
            sb.append(line).append(CRLF);
        }
        return sb.toString();
    }

    /** A complete request with a JSON body framed by Content-Length. */
    public static String json(CheckContext ctx, String method, String target, String json, String... headerLines) {
        int length = json.getBytes(StandardCharsets.UTF_8).length;
        return head(ctx, method, target, headerLines) + "Content-Type: application/json" + CRLF
                + "Content-Length: " + length + CRLF + CRLF + json;
    }

    /** The same text as bytes on the wire (UTF-8 for bodies; heads are ASCII). */
    public static byte[] bytes(String request) {
        return request.getBytes(StandardCharsets.UTF_8);
    }
}
