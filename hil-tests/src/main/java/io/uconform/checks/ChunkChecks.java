package io.uconform.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.checks.support.Answers;
import io.uconform.checks.support.Access;
import io.uconform.checks.support.Exchange;
import io.uconform.checks.support.Requests;
import io.uconform.checks.support.StrictChunked;
import io.uconform.checks.support.Uploads;
import io.uconform.checks.support.Waits;
import io.uconform.client.HttpReply;
import io.uconform.client.Json;
import io.uconform.client.RawConnection;
import io.uconform.suite.Check;
import io.uconform.suite.CheckContext;
import io.uconform.suite.ConformanceChecks;
import io.uconform.suite.Needs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * CHUNK: the chunked transfer coding. Roles: {@code json} (a JSON echo route), {@code chunked} (a
 * route that answers with a chunked body; on the reference device a file with {@code ?chunked=1}),
 * {@code upload}/{@code files} for a chunked upload read back.
 */
@ConformanceChecks
public class ChunkChecks {
    private static final String CRLF = Requests.CRLF;

    private static String chunkedJson(CheckContext ctx, String body, String... extraHeaders) {
        String[] headers = new String[extraHeaders.length + 2];
        headers[0] = "Content-Type: application/json";
        headers[1] = "Transfer-Encoding: chunked";
        System.arraycopy(extraHeaders, 0, headers, 2, extraHeaders.length);
        return Requests.head(ctx, "POST", ctx.route("json"), headers) + CRLF + body;
    }

    private static void echoes(CheckContext ctx, HttpReply reply, String json) {
        Answers.expectStatus(ctx, reply, "POST " + ctx.route("json") + " with " + json + " in a chunked body", 200);
        if (!reply.json().path("data").equals(Json.parse(json))) {
            throw new AssertionError("POST " + ctx.route("json") + " with " + json + " in a chunked body: answered "
                    + Answers.describe(reply) + " echoing " + Answers.oneLine(reply.text())
                    + "; expected the decoded body echoed (" + ctx.requirement() + ")");
        }
    }

    @Needs(routes = "json")
    @Check("CHUNK-01")
    void chunkedBodyIsDecoded(CheckContext ctx) {
        String json = "{\"chunked\":true,\"n\":12345}";
        String body = "a" + CRLF + json.substring(0, 10) + CRLF + Integer.toHexString(json.length() - 10) + CRLF
                + json.substring(10) + CRLF + "0" + CRLF + CRLF;
        echoes(ctx, Exchange.once(ctx, chunkedJson(ctx, body)), json);
    }

    @Needs(routes = "json")
    @Check("CHUNK-01")
    void chunkExtensionsAreIgnored(CheckContext ctx) {
        String json = "{\"ext\":\"ignored\"}";
        String body = "5;name=value" + CRLF + json.substring(0, 5) + CRLF + Integer.toHexString(json.length() - 5)
                + ";a;b=\"q\"" + CRLF + json.substring(5) + CRLF + "0;last" + CRLF + CRLF;
        echoes(ctx, Exchange.once(ctx, chunkedJson(ctx, body)), json);
    }

    @Needs(routes = "json")
    @Check("CHUNK-01")
    void upperCaseHexAndOneByteChunks(CheckContext ctx) {
        String json = "{\"s\":\"" + "x".repeat(40) + "\"}";
        StringBuilder body = new StringBuilder();
        body.append("1A").append(CRLF).append(json, 0, 26).append(CRLF);
        for (char c : json.substring(26).toCharArray()) {
            body.append('1').append(CRLF).append(c).append(CRLF);
        }
        body.append('0').append(CRLF).append(CRLF);
        echoes(ctx, Exchange.once(ctx, chunkedJson(ctx, body.toString())), json);
    }

    @Needs(routes = {"index", "json"})
    @Check("CHUNK-01")
    void trailersAreConsumedBeforeTheNextRequest(CheckContext ctx) {
        String json = "{\"t\":1}";
        String body = Integer.toHexString(json.length()) + CRLF + json + CRLF + "0" + CRLF
                + "X-Checksum: abc" + CRLF + "X-Other: 1" + CRLF + CRLF;
        try (RawConnection c = ctx.raw().open()) {
            // not pipelined: unread trailer bytes would be taken as the start of this next request
            echoes(ctx, Exchange.on(ctx, c, chunkedJson(ctx, body)), json);
            HttpReply next = Exchange.on(ctx, c, Requests.get(ctx, ctx.route("index")));
            Answers.expectStatus(ctx, next, String.format("GET %s sent right after the trailers (answer: %.200s)", ctx.route("index"),
                    next.text()), 200);
        }
    }

    @Needs(routes = {"files", "upload"}, params = {"authPassword", "authUser"})
    @Check("CHUNK-01")
    void chunkedUploadIsStoredDecoded(CheckContext ctx) {
        String name = Access.scratchName(".txt");
        String content = "hello chunked world";
        String body = "6" + CRLF + "hello " + CRLF + "8;x=y" + CRLF + "chunked " + CRLF + "5" + CRLF + "world" + CRLF
                + "0" + CRLF + CRLF;
        HttpReply reply = Exchange.once(ctx, Requests.head(ctx, "POST", Uploads.uploadPath(ctx, name),
                "Authorization: " + Access.basic(Access.user(ctx), Access.password(ctx)), "Transfer-Encoding: chunked")
                + CRLF + body);
        try {
            Answers.expectStatusBetween(ctx, reply, String.format("chunked upload (answer: %s)", reply.text()), 200, 299);
            assertThat(Uploads.get(ctx, name).text()).as("content stored from a chunked upload").isEqualTo(content);
        } finally {
            Uploads.remove(ctx, name);
        }
    }

    @Needs(routes = "chunked")
    @Check("CHUNK-02")
    void chunkedResponseIsWellFormedAndEndsWithTheZeroChunk(CheckContext ctx) {
        StrictChunked.Result result = strict(ctx);
        ctx.note(result.chunks() + " chunks, " + result.body().length + " bytes; head:\n" + result.head());
        if (!result.errors().isEmpty() || result.chunks() <= 0) {
            throw Answers.failure(ctx, "GET " + ctx.route("chunked"), result.chunks() + " data chunks, " + (result.errors()
                    .isEmpty() ? "no framing errors" : "framing errors: " + String.join("; ", result.errors())),
                    "well-formed chunks (RFC 9112 7.1), at least one, ended by the zero chunk");
        }
    }

    @Needs(routes = {"chunked", "index"})
    @Check("CHUNK-02")
    void nextRequestOnTheConnectionIsAnsweredAfterAChunkedResponse(CheckContext ctx) {
        try (RawConnection c = ctx.raw().open()) {
            HttpReply first = Exchange.on(ctx, c, Requests.get(ctx, ctx.route("chunked")));
            String what = "GET " + ctx.route("chunked");
            if (!first.header("Transfer-Encoding").map(v -> v.toLowerCase(java.util.Locale.ROOT).contains("chunked"))
                    .orElse(false) || first.header("Content-Length").isPresent()) {
                throw Answers.failure(ctx, what, "answered " + Answers.header(first, "Transfer-Encoding") + " and "
                        + Answers.header(first, "Content-Length"), "Transfer-Encoding: chunked and no Content-Length");
            }
            HttpReply second = Exchange.on(ctx, c, Requests.get(ctx, ctx.route("index")));
            Answers.expectStatus(ctx, second, String.format("the request after the chunked response (answer: %.200s)", second.text()), 200);
        }
    }

    @Needs(routes = "chunked")
    @Check("CHUNK-02")
    void chunkedBodyMatchesTheFixedLengthBody(CheckContext ctx) {
        String chunked = ctx.route("chunked");
        String plain = chunked.replaceFirst("[?&]chunked=1$", "");
        org.junit.jupiter.api.Assumptions.assumeFalse(plain.equals(chunked),
                "the chunked role has no ?chunked=1 switch to compare against a fixed-length answer");
        StrictChunked.Result result = strict(ctx);
        String body = new String(result.body(), StandardCharsets.UTF_8);
        String fixed = ctx.http().get(plain).text();
        if (!body.equals(fixed)) {
            throw Answers.failure(ctx, "GET " + chunked + " and GET " + plain, "the de-chunked body ("
                    + result.body().length + " bytes) differs from the fixed-length one (" + fixed.length() + " chars)",
                    "the same body either way");
        }
    }

    private static StrictChunked.Result strict(CheckContext ctx) {
        try {
            return StrictChunked.get(ctx.baseUri(), ctx.route("chunked"), Waits.reply(ctx));
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + ctx.route("chunked") + " on " + ctx.targetName() + " failed: " + e, e);
        }
    }
}
