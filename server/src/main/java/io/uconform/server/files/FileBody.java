package io.uconform.server.files;

import io.uconform.server.BodyWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams a file in {@value #CHUNK_BYTES}-byte chunks (FILE-05): memory stays bounded whatever
 * the file's size, and each chunk is flushed as one HTTP chunk.
 */
final class FileBody implements BodyWriter {
    static final int CHUNK_BYTES = 4096;

    private final Path file;

    FileBody(Path file) {
        this.file = file;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        byte[] buffer = new byte[CHUNK_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        }
    }
}
