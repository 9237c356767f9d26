package io.uconform.kind.renode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.uconform.spi.TargetException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Download, check and cache against a loopback server: the real image is never downloaded here. */
@Timeout(20)
class FirmwareCacheTest {

    private static final byte[] IMAGE = ":020000040800F2\n:00000001FF\n".getBytes(StandardCharsets.US_ASCII);
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    @TempDir
    Path dir;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/resources/firmware/", exchange -> {
            requests.incrementAndGet();
            boolean known = exchange.getRequestURI().getPath().endsWith("/NUCLEO_F767ZI-20240222-v1.22.2.hex");
            exchange.sendResponseHeaders(known ? 200 : 404, known ? IMAGE.length : -1);
            if (known) {
                exchange.getResponseBody().write(IMAGE);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private PinnedFirmware pin(String file, String sha) {
        return new PinnedFirmware("NUCLEO_F767ZI", "v1.22.2",
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/resources/firmware/" + file), Optional.ofNullable(sha));
    }

    private static String sha(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void aMatchingImageIsCachedOnceAndCheckedAgainOnEveryUse() throws Exception {
        FirmwareCache cache = new FirmwareCache(dir, Duration.ofSeconds(5));
        PinnedFirmware pin = pin("NUCLEO_F767ZI-20240222-v1.22.2.hex", sha(IMAGE));
        Path file = cache.fetch(pin);
        assertThat(file).isEqualTo(dir.resolve("NUCLEO_F767ZI-20240222-v1.22.2.hex")).hasBinaryContent(IMAGE);
        assertThat(cache.fetch(pin)).isEqualTo(file);
        assertThat(requests).hasValue(1);
        Files.write(file, new byte[] {1, 2, 3}); // a damaged cache entry is fetched again
        assertThat(cache.fetch(pin)).hasBinaryContent(IMAGE);
        assertThat(requests).hasValue(2);
    }

    @Test
    void anImageWithAnotherSha256IsRefusedAndNotCached() {
        FirmwareCache cache = new FirmwareCache(dir, Duration.ofSeconds(5));
        String wrong = "0".repeat(64);
        assertThatThrownBy(() -> cache.fetch(pin("NUCLEO_F767ZI-20240222-v1.22.2.hex", wrong)))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("has SHA-256 ").hasMessageContaining("pinned " + wrong + ": refused (not cached)");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void withoutAPinnedSha256NothingIsDownloaded() {
        FirmwareCache cache = new FirmwareCache(dir, Duration.ofSeconds(5));
        assertThatThrownBy(() -> cache.fetch(pin("NUCLEO_F767ZI-20240222-v1.22.2.hex", null)))
                .isInstanceOf(TargetException.class).hasMessageContaining("refusing to download it unchecked");
        assertThat(requests).hasValue(0);
    }

    @Test
    void anHttpErrorIsOneLineWithTheStatus() {
        FirmwareCache cache = new FirmwareCache(dir, Duration.ofSeconds(5));
        assertThatThrownBy(() -> cache.fetch(pin("NUCLEO_F767ZI-19990101-v0.0.hex", "0".repeat(64))))
                .isInstanceOf(TargetException.class).hasMessageEndingWith("answered HTTP 404");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void theUserCacheFollowsXdgCacheHome() {
        assertThat(FirmwareCache.ofUser(java.util.Map.of("XDG_CACHE_HOME", "/x/cache"), Duration.ofSeconds(1)).dir())
                .isEqualTo(Path.of("/x/cache/uconform/firmware"));
    }
}
