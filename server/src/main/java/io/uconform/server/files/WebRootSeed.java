package io.uconform.server.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Puts the board's own {@code index.html} into a web root that has none. */
public final class WebRootSeed {
    private static final String INDEX = "index.html";

    private WebRootSeed() {
    }

    /** Creates {@code directory} if needed and writes the bundled page when no index.html exists. */
    public static WebRoot prepare(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path index = directory.resolve(INDEX);
        if (!Files.exists(index)) {
            try (InputStream page = WebRootSeed.class.getResourceAsStream(INDEX)) {
                if (page == null) {
                    throw new IOException("bundled " + INDEX + " is missing from the server jar");
                }
                Files.copy(page, index);
            }
        }
        return WebRoot.at(directory);
    }
}
