package io.uconform.server.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.server.ServerFault;
import io.uconform.server.auth.AccessServer;
import io.uconform.server.auth.Raw;
import io.uconform.server.support.RawHttp;
import io.uconform.server.support.RawResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UploadTest {
    @TempDir
    static Path dir;
    private static AccessServer access;

    @BeforeAll
    static void start() throws Exception {
        access = AccessServer.start(dir);
    }

    @AfterAll
    static void stop() {
        access.close();
    }

    private static RawResponse send(String method, String path, byte[] body) throws Exception {
        return Raw.send(access.port(), method, path, List.of(AccessServer.basic()), body);
    }

    @Test
    void up01_putGetReplaceDelete() throws Exception {
        byte[] content = new byte[40_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i % 253);
        }
        assertThat(send("PUT", "/files/new/dir/blob.bin", content).status()).isEqualTo(201);
        assertThat(Raw.get(access.port(), "/files/new/dir/blob.bin").body()).isEqualTo(content);
        assertThat(send("POST", "/files/new/dir/blob.bin", "v2".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
        assertThat(Raw.get(access.port(), "/files/new/dir/blob.bin").text()).isEqualTo("v2");
        assertThat(send("DELETE", "/files/new/dir/blob.bin", null).status()).isEqualTo(200);
        assertThat(Raw.get(access.port(), "/files/new/dir/blob.bin").status()).isEqualTo(404);
        assertThat(send("DELETE", "/files/new/dir/blob.bin", null).status()).isEqualTo(404);
    }

    @Test
    void up01_trailingSlashCreatesAndRemovesADirectory() throws Exception {
        assertThat(send("PUT", "/files/made/", new byte[0]).status()).isEqualTo(201);
        assertThat(Files.isDirectory(access.webRoot.resolve("made"))).isTrue();
        assertThat(Raw.get(access.port(), "/files/made/").text()).isEqualTo("{\"path\":\"/made/\",\"list\":[]}");
        assertThat(send("DELETE", "/files/made", null).status()).isEqualTo(409);
        assertThat(send("DELETE", "/files/made/", null).status()).isEqualTo(200);
        assertThat(Files.exists(access.webRoot.resolve("made"))).isFalse();
    }

    @Test
    void up03_overTheLimitIs413AndLeavesNothing() throws Exception {
        byte[] tooBig = new byte[64 * 1024 + 1];
        assertThat(send("PUT", "/files/big.bin", tooBig).status()).isEqualTo(413);
        try (RawHttp http = RawHttp.connect(access.port())) {
            http.send("PUT /files/big2.bin HTTP/1.1\r\nHost: t\r\n" + AccessServer.basic()
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n");
            String chunk = Integer.toHexString(16 * 1024) + "\r\n" + "x".repeat(16 * 1024) + "\r\n";
            for (int i = 0; i < 5; i++) {
                http.send(chunk);
            }
            assertThat(http.read().status()).isEqualTo(413);
        }
        assertThat(Raw.get(access.port(), "/files/big.bin").status()).isEqualTo(404);
        try (Stream<Path> all = Files.walk(access.webRoot)) {
            assertThat(all.map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.startsWith("big") || name.startsWith(".uconform-upload-"));
        }
    }

    @Test
    void chunk01_chunkedUploadWithExtensionsAndTrailersIsDecoded() throws Exception {
        try (RawHttp http = RawHttp.connect(access.port())) {
            http.send("PUT /files/chunked.txt HTTP/1.1\r\nHost: t\r\n" + AccessServer.basic()
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5;name=value\r\nhello\r\n1;x\r\n \r\n5\r\nworld\r\n0\r\nX-Checksum: abc\r\n\r\n"
                    + "GET /files/chunked.txt HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(http.read().status()).isEqualTo(201);
            assertThat(http.read().text()).isEqualTo("hello world");
        }
    }

    @Test
    void up02_falsyJsonBodiesReachTheHandlerIntact() throws Exception {
        for (String json : List.of("{}", "[]", "0", "false", "null", "\"\"")) {
            RawResponse reply = Raw.send(access.port(), "POST", "/echo", List.of("Content-Type: application/json"),
                    json.getBytes(StandardCharsets.UTF_8));
            assertThat(reply.text()).as(json).isEqualTo("{\"data\":" + json + "}");
        }
    }

    @Test
    void auth06_writesWithoutCredentialsAreRefused() throws Exception {
        RawResponse reply = Raw.send(access.port(), "PUT", "/files/anon.txt", List.of(), new byte[] {1});
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).startsWith("Basic ");
        assertThat(Files.exists(access.webRoot.resolve("anon.txt"))).isFalse();
    }

    @Test
    void deleteIgnoredFaultKeepsTheFile() throws Exception {
        try (AccessServer faulty = AccessServer.start(dir.resolve("f"), ServerFault.DELETE_IGNORED)) {
            RawResponse reply = Raw.send(faulty.port(), "DELETE", "/files/index.html", List.of(AccessServer.basic()), null);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(Files.exists(faulty.webRoot.resolve("index.html"))).isTrue();
        }
    }
}
