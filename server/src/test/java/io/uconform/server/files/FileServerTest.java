package io.uconform.server.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.server.ServerFault;
import io.uconform.server.auth.AccessServer;
import io.uconform.server.auth.Raw;
import io.uconform.server.support.RawHttp;
import io.uconform.server.support.RawResponse;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FileServerTest {
    @TempDir
    static Path dir;
    private static AccessServer access;
    private static byte[] large;

    @BeforeAll
    static void start() throws Exception {
        access = AccessServer.start(dir);
        Files.createDirectories(access.webRoot.resolve("css"));
        Files.writeString(access.webRoot.resolve("css/site.css"), "body{}");
        Files.writeString(access.webRoot.resolve("data.json"), "{\"a\":1}");
        large = new byte[3 * 1024 * 1024 + 17];
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) (i * 31 + (i >> 8));
        }
        Files.write(access.webRoot.resolve("firmware.bin"), large);
    }

    @AfterAll
    static void stop() {
        access.close();
    }

    @Test
    void file01_servesBytesWithTypeFromExtension() throws Exception {
        RawResponse css = Raw.get(access.port(), "/files/css/site.css");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.header("Content-Type")).isEqualTo("text/css; charset=utf-8");
        assertThat(css.text()).isEqualTo("body{}");
        assertThat(Raw.get(access.port(), "/files/data.json").header("Content-Type")).isEqualTo("application/json");
        RawResponse bin = Raw.get(access.port(), "/files/firmware.bin");
        assertThat(bin.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(bin.body()).isEqualTo(large);
    }

    @Test
    void file01_prefixServesTheBoardsIndexPage() throws Exception {
        RawResponse index = Raw.get(access.port(), "/files");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.header("Content-Type")).startsWith("text/html");
        assertThat(index.text()).startsWith("<!DOCTYPE html>").contains("<title>uconform board</title>");
    }

    @Test
    void file02_missingIs404() throws Exception {
        assertThat(Raw.get(access.port(), "/files/nope.txt").status()).isEqualTo(404);
        assertThat(Raw.get(access.port(), "/files/css").status()).isEqualTo(404);
        assertThat(Raw.get(access.port(), "/files/nope/").status()).isEqualTo(404);
    }

    @Test
    @SuppressWarnings("unchecked")
    void file03_directoryListing() throws Exception {
        RawResponse root = Raw.get(access.port(), "/files/");
        assertThat(root.header("Content-Type")).isEqualTo("application/json");
        Map<String, Object> listing = (Map<String, Object>) root.json();
        assertThat(listing.get("path")).isEqualTo("/");
        List<Map<String, Object>> list = (List<Map<String, Object>>) listing.get("list");
        assertThat(list).extracting(e -> e.get("path")).contains("css", "data.json", "firmware.bin", "index.html");
        assertThat(list).filteredOn(e -> "css".equals(e.get("path"))).singleElement()
                .satisfies(e -> assertThat(e.get("type")).isEqualTo("directory"));
        assertThat(list).filteredOn(e -> "firmware.bin".equals(e.get("path"))).singleElement()
                .satisfies(e -> assertThat(((Number) e.get("size")).longValue()).isEqualTo(large.length));
        Map<String, Object> css = (Map<String, Object>) Raw.get(access.port(), "/files/css/").json();
        assertThat(css.get("path")).isEqualTo("/css/");
    }

    @Test
    void file05_largeFilesStreamInSmallChunks() throws Exception {
        try (RawHttp http = RawHttp.connect(access.port())) {
            http.get("/files/firmware.bin", "Connection: close");
            InputStream in = http.input();
            String head = readHead(in);
            assertThat(head).containsIgnoringCase("Transfer-Encoding: chunked").doesNotContainIgnoringCase("Content-Length");
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int chunks = 0;
            int largest = 0;
            while (true) {
                int size = Integer.parseInt(readLine(in).split(";")[0].trim(), 16);
                if (size == 0) {
                    assertThat(readLine(in)).isEmpty();
                    break;
                }
                body.write(in.readNBytes(size));
                assertThat(readLine(in)).isEmpty();
                chunks++;
                largest = Math.max(largest, size);
            }
            assertThat(body.toByteArray()).isEqualTo(large);
            assertThat(largest).isLessThanOrEqualTo(FileBody.CHUNK_BYTES);
            System.out.printf("FILE-05: %d bytes streamed in %d chunks of at most %d bytes%n", large.length, chunks, largest);
        }
    }

    @Test
    void chunk02_smallFileOnRequestIsChunkedAndHeadHasNoBody() throws Exception {
        RawResponse chunked = Raw.get(access.port(), "/files/css/site.css?chunked=1");
        assertThat(chunked.header("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(chunked.text()).isEqualTo("body{}");
        RawResponse head = Raw.send(access.port(), "HEAD", "/files/css/site.css", List.of(), null);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Length")).isEqualTo("6");
    }

    @Test
    void faultsBreakTheirRequirement() throws Exception {
        try (AccessServer faulty = AccessServer.start(dir.resolve("f1"), ServerFault.FILE_WRONG_CONTENT_TYPE)) {
            assertThat(Raw.get(faulty.port(), "/files/index.html").header("Content-Type")).isEqualTo("application/octet-stream");
        }
        try (AccessServer faulty = AccessServer.start(dir.resolve("f2"), ServerFault.FILE_MISSING_EMPTY_200)) {
            assertThat(Raw.get(faulty.port(), "/files/nope.txt").status()).isEqualTo(200);
        }
        try (AccessServer faulty = AccessServer.start(dir.resolve("f3"), ServerFault.LISTING_WITHOUT_SIZE)) {
            assertThat(Raw.get(faulty.port(), "/files/").text()).contains("\"index.html\"").doesNotContain("size");
        }
    }

    private static String readHead(InputStream in) throws Exception {
        StringBuilder head = new StringBuilder();
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            head.append(line).append('\n');
        }
        return head.toString();
    }

    private static String readLine(InputStream in) throws Exception {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new java.io.EOFException("connection closed mid-line");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        assertThat(text).endsWith("\r");
        return text.substring(0, text.length() - 1);
    }
}
