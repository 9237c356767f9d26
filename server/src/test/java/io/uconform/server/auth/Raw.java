package io.uconform.server.auth;

import io.uconform.server.support.RawHttp;
import io.uconform.server.support.RawResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One raw request per connection, for requests a well-behaved client library would refuse to send. */
public final class Raw {
    private Raw() {
    }

    public static RawResponse send(int port, String method, String target, List<String> headerLines, byte[] body)
            throws IOException {
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: test\r\nConnection: close\r\n");
        for (String line : headerLines) {
            head.append(line).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        try (RawHttp http = RawHttp.connect(port)) {
            http.send(head.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                http.send(body);
            }
            return "HEAD".equals(method) ? http.readHead() : http.read();
        }
    }

    public static RawResponse get(int port, String target, String... headerLines) throws IOException {
        return send(port, "GET", target, List.of(headerLines), null);
    }
}
