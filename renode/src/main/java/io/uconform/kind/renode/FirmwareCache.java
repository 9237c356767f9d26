package io.uconform.kind.renode;

import io.uconform.spi.TargetException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

/**
 * Firmware images in the user's cache ({@code $XDG_CACHE_HOME/uconform/firmware}, else
 * {@code ~/.cache/uconform/firmware}): a pinned image is downloaded once (connect and whole-request
 * timeouts), its SHA-256 checked before it is moved into place, and checked again on every use, so
 * a truncated or replaced file is never handed to Renode.
 */
public final class FirmwareCache {

    private final Path dir;
    private final HttpClient http;
    private final Duration timeout;

    public FirmwareCache(Path dir, Duration timeout) {
        this.dir = dir;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** The cache of this user (from the environment given). */
    public static FirmwareCache ofUser(Map<String, String> env, Duration timeout) {
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new FirmwareCache(base.resolve("uconform").resolve("firmware"), timeout);
    }

    public Path dir() {
        return dir;
    }

    /** Where the pinned image is (or will be) cached. */
    public Path location(PinnedFirmware pin) {
        return dir.resolve(pin.fileName());
    }

    /**
     * The cached image, downloaded first when missing or when the cached file does not match.
     *
     * @throws TargetException with one line: no pinned SHA-256, the download failed, or the SHA-256 differs
     */
    public Path fetch(PinnedFirmware pin) {
        String expected = pin.sha256().orElseThrow(() -> new TargetException("renode: no SHA-256 is pinned for "
                + pin.url() + ": refusing to download it unchecked (pass image=<file> or image-sha256=<hex>)"));
        Path file = location(pin);
        if (Files.isRegularFile(file) && sha256(file).equals(expected)) {
            return file;
        }
        Path part = null;
        try {
            Files.createDirectories(dir);
            part = Files.createTempFile(dir, pin.fileName(), ".part");
            HttpRequest request = HttpRequest.newBuilder(pin.url()).timeout(timeout).GET().build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new TargetException("renode: downloading " + pin.url() + " answered HTTP " + response.statusCode());
                }
                Files.copy(body, part, StandardCopyOption.REPLACE_EXISTING);
            }
            String actual = sha256(part);
            if (!actual.equals(expected)) {
                throw new TargetException("renode: " + pin.url() + " has SHA-256 " + actual + ", pinned " + expected
                        + ": refused (not cached)");
            }
            try {
                Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
            }
            part = null;
            return file;
        } catch (IOException e) {
            throw new TargetException("renode: cannot download " + pin.url() + " into " + dir + " within "
                    + timeout.toSeconds() + " s: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException("renode: interrupted while downloading " + pin.url(), e);
        } finally {
            if (part != null) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException e) {
                    // a stale .part file is overwritten by the next try
                }
            }
        }
    }

    /** Lower-case hex SHA-256 of a file. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new TargetException("renode: cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
