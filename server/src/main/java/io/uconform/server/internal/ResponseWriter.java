package io.uconform.server.internal;

import io.uconform.server.BodyWriter;
import io.uconform.server.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Serializes responses (PROTO-01/02/03): {@code HTTP/1.1 code reason}, Content-Length for fixed
 * bodies, {@code Transfer-Encoding: chunked} for streamed ones (never both), no body for HEAD.
 */
final class ResponseWriter {
    static final String SERVER_NAME = "uconform-reference";
    /** Framing headers are the engine's business; handler values for these are dropped. */
    private static final Set<String> ENGINE_HEADERS = Set.of("content-length", "transfer-encoding", "connection");

    private final OutputStream out;
    private final Map<String, String> everyResponse;
    private final boolean onErrorsToo;

    ResponseWriter(OutputStream out) {
        this(out, Map.of(), true);
    }

    /**
     * @param everyResponse headers added to every response unless the response sets them (CORS)
     * @param onErrorsToo false (a fault) leaves them off 4xx/5xx responses
     */
    ResponseWriter(OutputStream out, Map<String, String> everyResponse, boolean onErrorsToo) {
        this.out = out;
        this.everyResponse = Map.copyOf(everyResponse);
        this.onErrorsToo = onErrorsToo;
    }

    /**
     * How the connection continues after this response; CLOSE_DELIMITED sends
     * {@code Connection: close} and a streamed body without chunked framing (HTTP/1.0 clients).
     */
    enum ConnectionHeader { NONE, CLOSE, KEEP_ALIVE, CLOSE_DELIMITED }

    void writeInterim100() throws IOException {
        out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /**
     * Writes a complete fixed or chunked response.
     *
     * @param headOnly true for HEAD: headers as for GET, no body, the body writer not invoked
     * @param bodyForHead fault HEAD_WITH_BODY: send the body anyway
     */
    void write(Response response, boolean headOnly, ConnectionHeader connection, boolean bodyForHead)
            throws IOException {
        StringBuilder head = statusAndHeaders(withEveryResponseHeaders(response), connection);
        int status = response.status();
        boolean bodiless = status < 200 || status == 204 || status == 304;
        if (response.bodyWriter().isPresent()) {
            // HTTP/1.0 has no chunked coding: the stream is close-delimited (the caller closes)
            boolean closeDelimited = connection == ConnectionHeader.CLOSE_DELIMITED;
            if (!bodiless && !closeDelimited) {
                head.append("Transfer-Encoding: chunked\r\n");
            }
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (!headOnly && !bodiless) {
                if (closeDelimited) {
                    response.bodyWriter().get().writeTo(new UnclosableOutputStream(out));
                } else {
                    writeChunked(response.bodyWriter().get());
                }
            }
            out.flush();
            return;
        }
        if (!bodiless) {
            head.append("Content-Length: ").append(response.bodyLength()).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if ((!headOnly || bodyForHead) && !bodiless) {
            response.writeBodyTo(out);
        }
        out.flush();
    }

    /** Status line and headers without any framing header, for a connection takeover. */
    void writeTakeoverHead(Response response) throws IOException {
        StringBuilder head = statusAndHeaders(response, ConnectionHeader.NONE);
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private Response withEveryResponseHeaders(Response response) {
        if (everyResponse.isEmpty() || (!onErrorsToo && response.status() >= 400)) {
            return response;
        }
        Response decorated = response;
        for (Map.Entry<String, String> header : everyResponse.entrySet()) {
            if (response.header(header.getKey()).isEmpty()) {
                decorated = decorated.withHeader(header.getKey(), header.getValue());
            }
        }
        return decorated;
    }

    private void writeChunked(BodyWriter writer) throws IOException {
        ChunkedOutputStream chunked = new ChunkedOutputStream(out);
        writer.writeTo(chunked);
        chunked.finish();
    }

    private static StringBuilder statusAndHeaders(Response response, ConnectionHeader connection) {
        StringBuilder head = new StringBuilder(256);
        head.append("HTTP/1.1 ").append(response.status()).append(' ')
                .append(StatusReasons.reason(response.status())).append("\r\n");
        boolean upgrade = response.takeover().isPresent();
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            String lower = header.getKey().toLowerCase(Locale.ROOT);
            if (ENGINE_HEADERS.contains(lower) && !(upgrade && "connection".equals(lower))) {
                continue;
            }
            head.append(header.getKey()).append(": ").append(sanitize(header.getValue())).append("\r\n");
        }
        if (response.header("Date").isEmpty()) {
            head.append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)))
                    .append("\r\n");
        }
        if (response.header("Server").isEmpty()) {
            head.append("Server: ").append(SERVER_NAME).append("\r\n");
        }
        if (connection == ConnectionHeader.CLOSE || connection == ConnectionHeader.CLOSE_DELIMITED) {
            head.append("Connection: close\r\n");
        } else if (connection == ConnectionHeader.KEEP_ALIVE) {
            head.append("Connection: keep-alive\r\n");
        }
        return head;
    }

    /** Lets a body writer call close() without closing the socket under the engine. */
    private static final class UnclosableOutputStream extends java.io.FilterOutputStream {
        UnclosableOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** Header values never carry CR/LF (no response splitting from handler data). */
    private static String sanitize(String value) {
        return value.indexOf('\r') < 0 && value.indexOf('\n') < 0 ? value : value.replaceAll("[\r\n]+", " ");
    }
}
