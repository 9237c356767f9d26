package io.uconform.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.uconform.checks.support.Answers;
import io.uconform.checks.support.Access;
import io.uconform.checks.support.Exchange;
import io.uconform.checks.support.Replies;
import io.uconform.checks.support.Requests;
import io.uconform.checks.support.TraversalPaths;
import io.uconform.checks.support.Uploads;
import io.uconform.client.HttpReply;
import io.uconform.client.Json;
import io.uconform.client.RawConnection;
import io.uconform.suite.Check;
import io.uconform.suite.CheckContext;
import io.uconform.suite.ConformanceChecks;
import io.uconform.suite.Needs;
import io.uconform.checks.support.Waits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * UP: uploads. Roles: {@code upload} (prefix ending in {@code /}), {@code files} (where uploads are
 * read back), {@code json} (a JSON echo route answering {@code {"data": body}}). Parameters:
 * {@code authUser}, {@code authPassword} (writes are always protected).
 */
@ConformanceChecks
public class UploadChecks {

    private static byte[] allByteValues(int repeat) {
        byte[] bytes = new byte[256 * repeat];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    @Needs(routes = {"files", "upload"}, params = {"authPassword", "authUser"})
    @Check("UP-01")
    void putStoresGetReturnsDeleteRemoves(CheckContext ctx) {
        String name = Access.scratchName(".bin");
        byte[] content = allByteValues(40);
        HttpReply put = ctx.http().send("PUT", Uploads.uploadPath(ctx, name), Access.authorized(ctx), content);
        try {
            Answers.expectStatusBetween(ctx, put, String.format("PUT %s (body: %s)", name, put.text()), 200, 299);
            assertThat(Uploads.get(ctx, name).body()).as("bytes read back").isEqualTo(content);
            HttpReply delete = ctx.http().send("DELETE", Uploads.uploadPath(ctx, name), Access.authorized(ctx), null);
            Answers.expectStatusBetween(ctx, delete, String.format("DELETE (body: %s)", delete.text()), 200, 299);
            assertThat(Uploads.gone(ctx, name)).as("%s gone after DELETE (neither served nor listed)", name).isTrue();
        } finally {
            Uploads.remove(ctx, name);
        }
    }

    @Needs(routes = {"files", "upload"}, params = {"authPassword", "authUser"})
    @Check("UP-01")
    void postStoresAndReplaces(CheckContext ctx) {
        String name = Access.scratchName(".txt");
        try {
            Uploads.put(ctx, name, "first".getBytes(StandardCharsets.UTF_8));
            Uploads.put(ctx, name, "second".getBytes(StandardCharsets.UTF_8));
            assertThat(Uploads.get(ctx, name).text()).as("content after a second upload").isEqualTo("second");
        } finally {
            Uploads.remove(ctx, name);
        }
    }

    @Needs(routes = {"files", "upload"}, params = {"authPassword", "authUser"})
    @Check("UP-01")
    void trailingSlashCreatesADirectory(CheckContext ctx) {
        String dir = Access.scratchName("") + "/";
        try {
            HttpReply made = ctx.http().send("POST", Uploads.uploadPath(ctx, dir), Access.authorized(ctx), new byte[0]);
            Answers.expectStatusBetween(ctx, made, String.format("POST %s (body: %s)", dir, made.text()), 200, 299);
            HttpReply listing = ctx.http().get(Uploads.filePath(ctx, dir));
            Answers.expectStatus(ctx, listing, String.format("GET %s after creating it", dir), 200);
            assertThat(listing.json().path("list").isArray()).as("listing of the new directory: %s", listing.text()).isTrue();
            HttpReply removed = ctx.http().send("DELETE", Uploads.uploadPath(ctx, dir), Access.authorized(ctx), null);
            Answers.expectStatusBetween(ctx, removed, String.format("DELETE %s (body: %s)", dir, removed.text()), 200, 299);
            assertThat(Uploads.gone(ctx, dir)).as("%s gone after DELETE", dir).isTrue();
        } finally {
            Uploads.remove(ctx, dir);
        }
    }

    @Needs(routes = "json")
    @Check("UP-02")
    void falsyJsonBodiesReachTheHandlerIntact(CheckContext ctx) {
        for (String json : List.of("{}", "[]", "0", "false", "null", "\"\"")) {
            HttpReply reply;
            try {
                reply = ctx.http().sendJson("POST", ctx.route("json"), json);
            } catch (AssertionError noReply) {
                throw new AssertionError("POST " + ctx.route("json") + " with the JSON body " + json + " ("
                        + json.length() + " bytes): " + noReply.getMessage().lines().findFirst().orElse("no reply")
                        + "; expected 200 with {\"data\": " + json + "} (" + ctx.requirement() + ")", noReply);
            }
            Answers.expectStatus(ctx, reply, String.format("POST %s with body %s (answer: %s)", ctx.route("json"), json, reply.text()), 200);
            JsonNode data = reply.json().path("data");
            assertThat(data).as("echo of %s in %s", json, reply.text()).isEqualTo(Json.parse(json));
        }
    }

    @Needs(routes = {"files", "upload"}, limits = "maxUploadBytes", params = {"authPassword", "authUser"})
    @Check("UP-02")
    void bodyJustWithinTheUploadLimitArrivesIntact(CheckContext ctx) {
        int size = (int) Math.min(ctx.limit("maxUploadBytes"), 4 * 1024 * 1024);
        String name = Access.scratchName(".bin");
        byte[] content = allByteValues(size / 256);
        try {
            Uploads.put(ctx, name, content);
            assertThat(Uploads.get(ctx, name).body()).as("a %d-byte upload read back", content.length).isEqualTo(content);
        } finally {
            Uploads.remove(ctx, name);
        }
    }

    /**
     * Sent raw: the head first, and the body only if no early answer came (a server may refuse on
     * Content-Length alone and close, which would turn a client's blind body write into a reset).
     */
    @Needs(routes = {"files", "upload"}, limits = "maxUploadBytes", params = {"authPassword", "authUser"})
    @Check("UP-03")
    void overTheLimitIs413AndLeavesNothing(CheckContext ctx) {
        String name = Access.scratchName(".bin");
        int size = (int) ctx.limit("maxUploadBytes") + 1;
        String head = Requests.head(ctx, "POST", Uploads.uploadPath(ctx, name),
                "Authorization: " + Access.basic(Access.user(ctx), Access.password(ctx)), "Content-Length: " + size)
                + Requests.CRLF;
        java.util.Optional<HttpReply> reply;
        try (RawConnection c = ctx.raw().open()) {
            c.send(head);
            reply = Replies.within(c, Waits.prompt());
            if (reply.isEmpty()) {
                c.send(new byte[size]);
                reply = Replies.within(c, Waits.reply(ctx));
            }
        }
        try {
            assertThat(reply).as("answer to an upload of %d bytes over a %d-byte limit", size,
                    ctx.limit("maxUploadBytes")).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(413));
            assertThat(Uploads.gone(ctx, name)).as("nothing stored for the refused upload %s", name).isTrue();
        } finally {
            Uploads.remove(ctx, name);
        }
    }

    @Needs(routes = {"files", "upload"}, limits = "maxUploadBytes", params = {"authPassword", "authUser"})
    @Check("UP-03")
    void chunkedUploadOverTheLimitIs413AndLeavesNothing(CheckContext ctx) {
        String name = Access.scratchName(".bin");
        int chunk = 16 * 1024;
        int chunks = (int) (ctx.limit("maxUploadBytes") / chunk) + 2;
        String head = Requests.head(ctx, "POST", Uploads.uploadPath(ctx, name),
                "Authorization: " + Access.basic(Access.user(ctx), Access.password(ctx)), "Transfer-Encoding: chunked")
                + Requests.CRLF;
        String oneChunk = Integer.toHexString(chunk) + Requests.CRLF + "u".repeat(chunk) + Requests.CRLF;
        java.util.Optional<HttpReply> reply = java.util.Optional.empty();
        try (RawConnection c = ctx.raw().open()) {
            c.send(head);
            for (int i = 0; i < chunks; i++) {
                c.send(oneChunk);
            }
            reply = Replies.within(c, Waits.reply(ctx));
        } catch (AssertionError | RuntimeException e) {
            // a server may answer 413 and close while chunks are still being sent; the reset can eat the answer
            ctx.note("connection ended while sending: " + e.getMessage());
        }
        reply.ifPresent(r -> assertThat(r.status()).as("chunked upload of %d bytes", (long) chunk * chunks).isEqualTo(413));
        try {
            assertThat(Uploads.gone(ctx, name)).as("nothing stored for the refused chunked upload %s", name).isTrue();
        } finally {
            Uploads.remove(ctx, name);
        }
    }

    /**
     * An accepted upload is inside the root when it is served at the root under its base name (the
     * server clamped the climb) or a listing below the root shows it (the server kept an encoded
     * name as literal file or directory names).
     */
    private static boolean landedInside(CheckContext ctx, String base) {
        HttpReply clamped = Uploads.get(ctx, base);
        if (clamped.status() == 200 && clamped.text().contains(base)) {
            return true;
        }
        return Uploads.foundInTree(ctx, base, 40);
    }

    /** Upload names that climb out of the root must be refused or land inside it. */
    @Needs(routes = {"files", "upload"}, params = {"authPassword", "authUser"})
    @Check("UP-01")
    void traversalUploadsStayInsideTheRoot(CheckContext ctx) {
        String base = Access.scratchName(".txt");
        List<String> escapes = new ArrayList<>();
        List<String> names = TraversalPaths.uploadNames(base);
        byte[] marker = ("uconform traversal marker " + base).getBytes(StandardCharsets.UTF_8);
        for (String name : names) {
            HttpReply reply = Exchange.once(ctx, Requests.bytes(Requests.head(ctx, "POST", Uploads.uploadPath(ctx, name),
                    "Authorization: " + Access.basic(Access.user(ctx), Access.password(ctx)),
                    "Content-Length: " + marker.length) + Requests.CRLF + new String(marker, StandardCharsets.UTF_8)));
            if (reply.status() >= 200 && reply.status() < 300) {
                if (!landedInside(ctx, base)) {
                    escapes.add(name + " -> " + reply.status());
                }
                Uploads.remove(ctx, name);
                Uploads.remove(ctx, base);
            }
        }
        ctx.note("UP traversal campaign: " + names.size() + " upload names, " + escapes.size() + " accepted outside the root");
        assertThat(escapes).as("uploads accepted with 2xx but not found inside the web root").isEmpty();
    }
}
