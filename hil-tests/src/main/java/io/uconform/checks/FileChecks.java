package io.uconform.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.uconform.checks.support.Answers;
import io.uconform.checks.support.Access;
import io.uconform.checks.support.Escapes;
import io.uconform.checks.support.Exchange;
import io.uconform.checks.support.Payloads;
import io.uconform.checks.support.Requests;
import io.uconform.checks.support.TraversalPaths;
import io.uconform.checks.support.Uploads;
import io.uconform.client.HttpReply;
import io.uconform.suite.Check;
import io.uconform.suite.CheckContext;
import io.uconform.suite.ConformanceChecks;
import io.uconform.suite.Needs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * FILE: static files. Roles: {@code files} (the file server's prefix, ending in {@code /}; a GET of
 * it lists the web root), {@code filesIndex} (where the web root's {@code index.html} is served),
 * {@code upload} (to place files with known content; needs {@code authUser}/{@code authPassword}).
 */
@ConformanceChecks
public class FileChecks {
    private static final Map<String, String> TYPES = Map.of(".txt", "text/plain", ".html", "text/html",
            ".json", "application/json", ".css", "text/css", ".js", "javascript", ".png", "image/png");

    private static String mediaType(HttpReply reply) {
        return reply.header("Content-Type").orElse("").toLowerCase(Locale.ROOT).split(";")[0].trim();
    }

    @Needs(routes = "filesIndex")
    @Check("FILE-01")
    void indexPageIsServedAsHtml(CheckContext ctx) {
        HttpReply reply = ctx.http().get(ctx.route("filesIndex"));
        Answers.expectStatus(ctx, reply, String.format("GET %s (body: %.200s)", ctx.route("filesIndex"), reply.text()), 200);
        assertThat(mediaType(reply)).as("Content-Type of index.html").isEqualTo("text/html");
        assertThat(reply.text().toLowerCase(Locale.ROOT)).as("index.html is an HTML page").contains("<html");
    }

    @Needs(routes = {"files", "upload"}, params = {"authPassword", "authUser"})
    @Check("FILE-01")
    void uploadedFilesComeBackByteIdenticalWithTheirType(CheckContext ctx) {
        for (Map.Entry<String, String> type : TYPES.entrySet()) {
            String name = Access.scratchName(type.getKey());
            byte[] content = Payloads.text(name.hashCode(), 300).getBytes(StandardCharsets.UTF_8);
            Uploads.put(ctx, name, content);
            try {
                HttpReply reply = Uploads.get(ctx, name);
                Answers.expectStatus(ctx, reply, String.format("GET %s", Uploads.filePath(ctx, name)), 200);
                assertThat(reply.body()).as("bytes of %s", name).isEqualTo(content);
                assertThat(mediaType(reply)).as("Content-Type of a %s file", type.getKey()).contains(type.getValue());
            } finally {
                Uploads.remove(ctx, name);
            }
        }
    }

    @Needs(routes = "files")
    @Check("FILE-01")
    void listedFilesAreServedWithTheListedSize(CheckContext ctx) {
        JsonNode list = listing(ctx, ctx.route("files")).path("list");
        int served = 0;
        for (JsonNode entry : list) {
            if ("file".equals(entry.path("type").asText()) && served < 5) {
                HttpReply reply = ctx.http().get(ctx.route("files") + entry.path("path").asText());
                Answers.expectStatus(ctx, reply, String.format("GET of listed file %s", entry.path("path").asText()), 200);
                if (entry.path("size").isNumber()) { // the listing's own shape is FILE-03's business
                    assertThat((long) reply.body().length).as("size of %s", entry.path("path").asText())
                            .isEqualTo(entry.path("size").asLong());
                }
                served++;
            }
        }
        ctx.note("served " + served + " listed files");
    }

    @Needs(routes = "files")
    @Check("FILE-02")
    void missingFileIs404(CheckContext ctx) {
        HttpReply reply = ctx.http().get(ctx.route("files") + Access.scratchName(".txt"));
        Answers.expectStatus(ctx, reply, String.format("GET of a missing file (body: %s)", reply.text()), 404);
    }

    @Needs(routes = "files")
    @Check("FILE-02")
    void missingDirectoryIs404(CheckContext ctx) {
        HttpReply reply = ctx.http().get(ctx.route("files") + Access.scratchName("") + "/");
        Answers.expectStatus(ctx, reply, String.format("GET of a missing directory (body: %s)", reply.text()), 404);
    }

    @Needs(routes = "files")
    @Check("FILE-03")
    void rootListingHasPathAndTypedEntries(CheckContext ctx) {
        JsonNode listing = listing(ctx, ctx.route("files"));
        assertThat(listing.path("path").isTextual()).as("\"path\" of %s", listing).isTrue();
        assertThat(listing.path("list").isArray()).as("\"list\" of %s", listing).isTrue();
        for (JsonNode entry : listing.path("list")) {
            assertThat(entry.path("path").isTextual()).as("entry path in %s", entry).isTrue();
            assertThat(entry.path("type").asText()).as("entry type in %s", entry).isIn("file", "directory");
            assertThat(entry.path("size").isNumber()).as("entry size in %s", entry).isTrue();
        }
    }

    @Needs(routes = {"files", "upload"}, params = {"authPassword", "authUser"})
    @Check("FILE-03")
    void listingShowsAnUploadedFileWithItsSize(CheckContext ctx) {
        String dir = Access.scratchName("") + "/";
        String name = dir + "entry.txt";
        Uploads.put(ctx, name, "12345".getBytes(StandardCharsets.UTF_8));
        try {
            JsonNode listing = listing(ctx, ctx.route("files") + dir);
            assertThat(listing.path("path").asText()).as("listing path").endsWith(dir);
            List<String> found = new ArrayList<>();
            for (JsonNode entry : listing.path("list")) {
                found.add(entry.path("path").asText() + ":" + entry.path("type").asText() + ":" + entry.path("size").asText());
            }
            assertThat(found).as("entries of %s", dir).contains("entry.txt:file:5");
        } finally {
            Uploads.remove(ctx, name);
            Uploads.remove(ctx, dir);
        }
    }

    /** At least 50 encodings against reads; the count is reported as evidence. */
    @Needs(routes = "files")
    @Check("FILE-04")
    void traversalNeverLeavesTheWebRoot(CheckContext ctx) {
        List<String> escapes = new ArrayList<>();
        List<String> paths = TraversalPaths.toPasswd();
        for (String path : paths) {
            HttpReply reply = Exchange.once(ctx, Requests.get(ctx, ctx.route("files") + path));
            if (Escapes.leaked(reply)) {
                escapes.add(path + " -> " + reply.status());
            }
        }
        ctx.note("FILE traversal campaign: " + paths.size() + " encodings, " + escapes.size() + " escapes");
        assertThat(paths).hasSizeGreaterThanOrEqualTo(50);
        assertThat(escapes).as("requests answered with content from outside the web root").isEmpty();
    }

    @Needs(routes = "files")
    @Check("FILE-04")
    void doubledSlashesAndBackslashesStayInside(CheckContext ctx) {
        for (String path : List.of("/etc/passwd", "//etc/passwd", "\\etc\\passwd", "%5c%5cetc%5cpasswd", "..%5c..%5c..%5c..%5c..%5c..%5c..%5c..%5cetc%5cpasswd")) {
            HttpReply reply = Exchange.once(ctx, Requests.get(ctx, ctx.route("files") + path));
            assertThat(Escapes.leaked(reply)).as("GET %s%s leaked (status %d)", ctx.route("files"), path, reply.status()).isFalse();
        }
    }

    @Needs(routes = {"files", "upload"}, limits = "maxUploadBytes", params = {"authPassword", "authUser"})
    @Check("FILE-05")
    void largeFileArrivesCompleteAndIdentical(CheckContext ctx) {
        int size = (int) Math.min(ctx.limit("maxUploadBytes"), 1024 * 1024);
        String name = Access.scratchName(".bin");
        byte[] content = Payloads.text(size, size).getBytes(StandardCharsets.US_ASCII);
        Uploads.put(ctx, name, content);
        try {
            HttpReply reply = Uploads.get(ctx, name);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body().length).as("bytes received of a %d-byte file", size).isEqualTo(size);
            assertThat(reply.body()).as("content of the %d-byte file", size).isEqualTo(content);
            ctx.note(size + " bytes, framed by " + reply.header("Transfer-Encoding").map(v -> "Transfer-Encoding: " + v)
                    .orElse("Content-Length"));
        } finally {
            Uploads.remove(ctx, name);
        }
    }

    /** On targets that report free heap (SYS-01): serving a file larger than the drop allowed keeps heap bounded. */
    @Needs(routes = {"files", "upload", "system"}, limits = "maxUploadBytes", params = {"authPassword", "authUser"})
    @Check("FILE-05")
    void servingALargeFileKeepsFreeHeapBounded(CheckContext ctx) {
        long before = RobustnessChecks.freeHeap(ctx);
        long maxDrop = ctx.profile().param("maxHeapDropBytes").map(Long::parseLong).orElse(Math.max(16 * 1024, before / 10));
        int size = (int) Math.min(ctx.limit("maxUploadBytes"), 1024 * 1024);
        String name = Access.scratchName(".bin");
        Uploads.put(ctx, name, new byte[size]);
        try {
            long lowest = before;
            for (int i = 0; i < 3; i++) {
                assertThat(Uploads.get(ctx, name).body().length).as("download %d of a %d-byte file", i + 1, size).isEqualTo(size);
                lowest = Math.min(lowest, RobustnessChecks.freeHeap(ctx));
            }
            ctx.note("free heap before " + before + ", lowest after downloads " + lowest + " (file " + size + " bytes)");
            assertThat(before - lowest).as("free heap drop while serving a %d-byte file", size).isLessThanOrEqualTo(maxDrop);
        } finally {
            Uploads.remove(ctx, name);
        }
    }

    private static JsonNode listing(CheckContext ctx, String path) {
        HttpReply reply = ctx.http().get(path);
        Answers.expectStatus(ctx, reply, String.format("GET %s (body: %.200s)", path, reply.text()), 200);
        return reply.json();
    }
}
