package io.uconform.server.hostile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Generators of malformed, truncated, oversized and random requests. Each kind says whether the
 * client should wait for an answer (complete requests) or just close (truncated, reset).
 */
final class HostileRequests {
    /** One kind of hostile request. */
    record Kind(String name, boolean expectAnswer, boolean reset, Function<Random, byte[]> generator) {
    }

    private static final String VALID = "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 7\r\n\r\n{\"a\":1}";

    private HostileRequests() {
    }

    static List<Kind> kinds() {
        return List.of(
                new Kind("random-bytes", false, false, r -> randomBytes(r, 1 + r.nextInt(3000))),
                new Kind("random-printable-line", true, false, r -> (printable(r, 1 + r.nextInt(200)) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1)),
                new Kind("truncated-valid", false, false, r -> truncate(r, ascii(VALID))),
                new Kind("mutated-valid", false, false, r -> mutate(r, ascii(VALID))),
                new Kind("oversized-header", true, false, r -> ascii("GET / HTTP/1.1\r\nHost: t\r\nX-Big: "
                        + "a".repeat(4100 + r.nextInt(20000)) + "\r\n\r\n")),
                new Kind("many-headers", true, false, r -> ascii("GET / HTTP/1.1\r\nHost: t\r\n"
                        + "X-H: v\r\n".repeat(500 + r.nextInt(1000)) + "\r\n")),
                new Kind("oversized-target", true, false, r -> ascii("GET /" + "p".repeat(1100 + r.nextInt(30000))
                        + " HTTP/1.1\r\nHost: t\r\n\r\n")),
                new Kind("oversized-body", true, false, r -> ascii("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: "
                        + (70_000 + r.nextInt(10_000_000)) + "\r\n\r\n" + "GET / HTTP/1.1\r\n\r\n".repeat(50))),
                new Kind("bad-content-length", true, false, r -> ascii("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: "
                        + pick(r, "-1", "1e3", "0x20", "", "99999999999999999999999", "3, 4", " 7 7", "+7") + "\r\n\r\n{}")),
                new Kind("bad-chunked", true, false, r -> ascii("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: "
                        + pick(r, "chunked", "chunked", "gzip", "chunked, chunked", "identity") + "\r\n\r\n"
                        + pick(r, "zz\r\n", "ffffffffff\r\n", "5\r\nabc\r\n0\r\n\r\n", "-1\r\n", "2\r\nabcdef\r\n", "0\r\nX: " + "t".repeat(5000) + "\r\n\r\n"))),
                new Kind("bad-method-version", true, false, r -> ascii(pick(r, "get", "G E T", "GET\u0000", "BREW", "\u00ff\u00fe", "")
                        + " / " + pick(r, "HTTP/1.1", "HTTP/9.9", "HTTP/1", "http/1.1", "HTTP/1.1 x", "") + "\r\nHost: t\r\n\r\n")),
                new Kind("control-bytes-in-headers", true, false, r -> ascii("GET / HTTP/1.1\r\nHost: t\r\nX-A: a"
                        + (char) r.nextInt(32) + "b\r\n" + pick(r, " folded\r\n", "NoColon\r\n", "X B: c\r\n", "") + "\r\n")),
                new Kind("invalid-json", true, false, r -> {
                    String body = pick(r, "{", "[1,]", "{\"a\":}", "[".repeat(5000), "\"\\uZZZZ\"", "nul", printable(r, 50));
                    return ascii("PUT /echo HTTP/1.1\r\nHost: t\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
                }),
                new Kind("pipelined-garbage", true, false, r -> ascii("GET / HTTP/1.1\r\nHost: t\r\n\r\n" + printable(r, 100) + "\r\n\r\n")),
                new Kind("reset-mid-request", false, true, r -> truncate(r, ascii(VALID))),
                new Kind("hostile-upload", true, false, HostileRequests::upload),
                new Kind("expect-continue-abuse", true, false, r -> ascii("PUT " + pick(r, "/echo", "/nope", "/") + " HTTP/1.1\r\nHost: t\r\n"
                        + "Expect: " + pick(r, "100-continue", "100-continue", "200-ok") + "\r\nContent-Length: "
                        + pick(r, "2", "999999999") + "\r\n\r\n")));
    }

    /** Writes, replaces and deletes under /files with good, bad or no credentials, odd names and lying lengths. */
    private static byte[] upload(Random r) {
        String method = pick(r, "PUT", "POST", "DELETE", "PUT");
        String name = pick(r, "f" + r.nextInt(50) + ".bin", "d" + r.nextInt(5) + "/", "../escape.txt", "%2e%2e/escape.txt",
                "..%5cescape.txt", "a//b.txt", "%00.txt", "d1/../../escape.txt", printable(r, 12));
        String auth = pick(r, "Authorization: Basic " + CAMPAIGN_AUTH + "\r\n", "Authorization: Basic " + CAMPAIGN_AUTH + "\r\n",
                "Authorization: Basic Zm9vOmJhcg==\r\n", "Authorization: Bearer pw\r\n", "");
        int size = pick(r, "small", "big").equals("small") ? r.nextInt(64) : 200_000 + r.nextInt(2_000_000);
        int declared = r.nextInt(4) == 0 ? size + 1 + r.nextInt(100) : size;
        String body = "x".repeat(Math.min(size, 4096));
        return ascii(method + " /files/" + name + " HTTP/1.1\r\nHost: t\r\n" + auth + "Connection: close\r\nContent-Length: "
                + declared + "\r\n\r\n" + body);
    }

    /** base64("admin:campaign-pw"): the credentials the campaign's file server accepts. */
    static final String CAMPAIGN_AUTH = java.util.Base64.getEncoder()
            .encodeToString("admin:campaign-pw".getBytes(StandardCharsets.UTF_8));

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }

    private static byte[] randomBytes(Random r, int n) {
        byte[] bytes = new byte[n];
        r.nextBytes(bytes);
        return bytes;
    }

    private static String printable(Random r, int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append((char) (0x20 + r.nextInt(0x5f)));
        }
        return s.toString();
    }

    private static byte[] truncate(Random r, byte[] request) {
        byte[] cut = new byte[1 + r.nextInt(request.length - 1)];
        System.arraycopy(request, 0, cut, 0, cut.length);
        return cut;
    }

    private static byte[] mutate(Random r, byte[] request) {
        byte[] copy = request.clone();
        for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
            copy[r.nextInt(copy.length)] = (byte) r.nextInt(256);
        }
        return copy;
    }
}
