package io.uconform.checks.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a chunked response byte by byte and reports every framing error (CHUNK-02): hex sizes,
 * CRLF after each chunk, the terminating zero chunk and the blank line after trailers. Unlike the
 * suite's tolerant client, it forgives nothing. Bounded by a socket timeout per read and a byte cap.
 */
public final class StrictChunked {
    private static final int MAX_BYTES = 8 * 1024 * 1024;

    /** What arrived: the head, the de-chunked body, chunk count and framing errors (empty when well-formed). */
    public record Result(String head, byte[] body, int chunks, List<String> errors) {
    }

    private StrictChunked() {
    }

    public static Result get(URI base, String target, Duration timeout) throws IOException {
        try (Socket socket = new Socket()) {
            String host = base.getHost().startsWith("[") ? base.getHost().substring(1, base.getHost().length() - 1) : base.getHost();
            socket.connect(new InetSocketAddress(host, base.getPort()), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: " + base.getRawAuthority()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return read(socket.getInputStream());
        }
    }

    static Result read(InputStream in) throws IOException {
        List<String> errors = new ArrayList<>();
        StringBuilder head = new StringBuilder();
        for (String line = line(in, errors); line != null && !line.isEmpty(); line = line(in, errors)) {
            head.append(line).append('\n');
        }
        String lower = head.toString().toLowerCase(Locale.ROOT);
        if (!lower.contains("transfer-encoding: chunked")) {
            errors.add("no Transfer-Encoding: chunked in the head");
            return new Result(head.toString(), new byte[0], 0, errors);
        }
        if (lower.contains("content-length:")) {
            errors.add("both Content-Length and chunked");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int chunks = 0;
        while (body.size() < MAX_BYTES) {
            String sizeLine = line(in, errors);
            if (sizeLine == null) {
                errors.add("connection ended before the zero chunk after " + chunks + " chunks");
                break;
            }
            String hex = sizeLine.split(";", 2)[0].trim();
            if (!hex.matches("[0-9a-fA-F]{1,8}")) {
                errors.add("bad chunk size line '" + sizeLine + "'");
                break;
            }
            int size = Integer.parseInt(hex, 16);
            if (size == 0) {
                for (String trailer = line(in, errors); trailer == null || !trailer.isEmpty(); trailer = line(in, errors)) {
                    if (trailer == null) {
                        errors.add("no blank line after the zero chunk");
                        break;
                    }
                }
                return new Result(head.toString(), body.toByteArray(), chunks, errors);
            }
            byte[] data = in.readNBytes(size);
            body.write(data);
            chunks++;
            if (data.length < size) {
                errors.add("chunk " + chunks + " cut short: " + data.length + " of " + size + " bytes");
                break;
            }
            String end = line(in, errors);
            if (!"".equals(end)) {
                errors.add("chunk " + chunks + " not followed by CRLF");
                break;
            }
        }
        return new Result(head.toString(), body.toByteArray(), chunks, errors);
    }

    private static String line(InputStream in, List<String> errors) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                if (!text.endsWith("\r")) {
                    errors.add("line ended by LF without CR: '" + text + "'");
                    return text;
                }
                return text.substring(0, text.length() - 1);
            }
            if (line.size() > 8192) {
                errors.add("line longer than 8 KiB");
                return null;
            }
            line.write(b);
        }
        return null;
    }
}
