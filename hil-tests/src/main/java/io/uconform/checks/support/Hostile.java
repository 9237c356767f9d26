package io.uconform.checks.support;

import io.uconform.suite.CheckContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of hostile requests for the ROB campaigns: malformed, truncated, oversized
 * and random. Reproducible from its seed. It never sends HEAD (a well-formed request, not abuse).
 */
public final class Hostile {

    /** The kinds of hostile request, each a complete or deliberately truncated message. */
    public enum Kind { MALFORMED_LINE, BAD_HEADER, RANDOM_BYTES, TRUNCATED, OVERSIZED, SHORT_BODY }

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "G3T", "get", "", "\u0007");
    private static final List<String> VERSIONS = List.of("HTTP/1.1", "HTTP/1.0", "HTTP/1.", "HTTP/x.y", "HTTP/11",
            "http/1.1", "", "HTTP/1.1 extra");

    private final CheckContext ctx;
    private final Random random;

    public Hostile(CheckContext ctx, long seed) {
        this.ctx = ctx;
        this.random = new Random(seed);
    }

    public Kind anyKind() {
        return Kind.values()[random.nextInt(Kind.values().length)];
    }

    /** One request of the kind; {@link Kind#MALFORMED_LINE} and {@link Kind#BAD_HEADER} are complete heads. */
    public byte[] next(Kind kind) {
        switch (kind) {
            case MALFORMED_LINE:
                return ascii(malformedLine() + Requests.CRLF + "Host: " + Requests.host(ctx) + Requests.CRLF + Requests.CRLF);
            case BAD_HEADER:
                return ascii(Requests.get(ctx, ctx.route("index"), badHeader()));
            case RANDOM_BYTES:
                byte[] noise = new byte[1 + random.nextInt(300)];
                random.nextBytes(noise);
                return noise;
            case TRUNCATED:
                String whole = Requests.json(ctx, "POST", ctx.route("index"), "{\"cut\":\"" + "t".repeat(40) + "\"}");
                return ascii(whole.substring(0, 1 + random.nextInt(whole.length() - 1)));
            case OVERSIZED:
                return ascii(oversized());
            case SHORT_BODY:
                return ascii(Requests.head(ctx, "POST", ctx.route("index"), "Content-Length: " + (100 + random.nextInt(900)))
                        + Requests.CRLF + "{\"short\":");
            default:
                throw new IllegalArgumentException("unknown kind " + kind);
        }
    }

    private String malformedLine() {
        String method = METHODS.get(random.nextInt(METHODS.size()));
        String version = VERSIONS.get(random.nextInt(VERSIONS.size()));
        switch (random.nextInt(5)) {
            case 0:
                return method + "  " + ctx.route("index") + " " + version;
            case 1:
                return method + " " + ctx.route("index") + "\u0001\u007f " + version;
            case 2:
                return method + " " + ctx.route("index");
            case 3:
                return "GET" + " " + ctx.route("index") + " " + "HTTP/" + random.nextInt(10) + "." + random.nextInt(10) + "x";
            default:
                return method + "\t" + ctx.route("index") + "\t" + version;
        }
    }

    private String badHeader() {
        switch (random.nextInt(5)) {
            case 0:
                return "No-Colon-Header " + random.nextInt();
            case 1:
                return "X-Fold: a" + Requests.CRLF + " folded";
            case 2:
                return "Content-Length: -" + (1 + random.nextInt(100));
            case 3:
                return "Content-Length: 1" + Requests.CRLF + "Content-Length: 2";
            default:
                return "Content-Length: x" + random.nextInt(1000);
        }
    }

    private String oversized() {
        switch (random.nextInt(3)) {
            case 0:
                return Requests.get(ctx, ctx.route("index"), "X-Big: " + "o".repeat(ctx.limits().maxHeaderBytes() + 1));
            case 1:
                return Requests.get(ctx, "/" + "o".repeat(ctx.limits().maxTargetBytes() + 1));
            default:
                return Requests.head(ctx, "POST", ctx.route("index"), "Content-Length: "
                        + (ctx.limits().maxBodyBytes() + 1 + random.nextInt(1000))) + Requests.CRLF + "{\"o\":\"";
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
