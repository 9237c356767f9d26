package io.uconform.kind.renode;

import java.net.URI;
import java.util.Optional;

/**
 * The one place the emulated board's MicroPython release image is pinned: version, download URL
 * (micropython.org's release naming, {@code resources/firmware/<BOARD>-<build date>-<version>.hex})
 * and SHA-256. The image is downloaded on first use into the user's cache and checked against the
 * SHA-256 before Renode gets it; it is never committed and never downloaded by the tests.
 *
 * <p>micropython.org publishes no checksums, and none of the sources this build was written from
 * holds one for this file (this machine has no route to micropython.org), so {@link #sha256()} is
 * empty here: without it the kind does not download at all (it is unavailable with the reason)
 * and takes a local image ({@code image=<file>}) or a SHA-256 the user checked
 * ({@code image-sha256=<hex>}) instead. See renode/README.md, "Firmware image".
 *
 * @param board    MicroPython's board name
 * @param version  MicroPython release
 * @param url      where the release image is
 * @param sha256   lower-case hex SHA-256 of the file at {@code url}, when recorded
 */
public record PinnedFirmware(String board, String version, URI url, Optional<String> sha256) {

    public static final PinnedFirmware NUCLEO_F767ZI = new PinnedFirmware("NUCLEO_F767ZI", "v1.22.2",
            URI.create("https://micropython.org/resources/firmware/NUCLEO_F767ZI-20240222-v1.22.2.hex"),
            Optional.empty());

    /** The file name in the cache, e.g. {@code NUCLEO_F767ZI-20240222-v1.22.2.hex}. */
    public String fileName() {
        String path = url.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The same pin with a SHA-256 the user supplied. */
    public PinnedFirmware withSha256(String hex) {
        return new PinnedFirmware(board, version, url, Optional.of(hex));
    }
}
