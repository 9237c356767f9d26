package io.uconform.server.files;

import io.uconform.server.HttpError;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes into the web root (UP-01/03): a file is written to a temp file beside its target and
 * moved into place atomically, so a failed or rejected upload never leaves a partial file; a
 * readers sees the old or the new content, never a mix.
 */
final class UploadStore {
    private static final String TEMP_PREFIX = ".uconform-upload-";

    private UploadStore() {
    }

    static boolean isTempName(String name) {
        return name.startsWith(TEMP_PREFIX);
    }

    /** @return true when the file was created, false when it replaced an existing one */
    static boolean store(Path target, byte[] content) throws IOException {
        if (Files.isDirectory(target)) {
            throw new HttpError(409, "cannot write a file over the directory " + target.getFileName());
        }
        Path parent = target.getParent();
        if (Files.exists(parent) && !Files.isDirectory(parent)) {
            throw new HttpError(409, "parent of " + target.getFileName() + " is a file");
        }
        Files.createDirectories(parent);
        boolean created = !Files.exists(target);
        Path temp = Files.createTempFile(parent, TEMP_PREFIX, ".tmp");
        try {
            Files.write(temp, content);
            move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
        return created;
    }

    /** @return true when the directory was created, false when it existed */
    static boolean mkdirs(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return false;
        }
        if (Files.exists(directory)) {
            throw new HttpError(409, "a file named " + directory.getFileName() + " already exists");
        }
        Files.createDirectories(directory);
        return true;
    }

    /** Deletes a file, or an empty directory when {@code directory} is true. */
    static void delete(Path path, boolean directory) throws IOException {
        if (directory != Files.isDirectory(path)) {
            throw new HttpError(409, directory
                    ? "not a directory: " + path.getFileName() : "is a directory (add a trailing /): " + path.getFileName());
        }
        try {
            Files.delete(path);
        } catch (NoSuchFileException e) {
            throw new HttpError(404, "no such file: " + path.getFileName());
        } catch (DirectoryNotEmptyException e) {
            throw new HttpError(409, "directory not empty: " + path.getFileName());
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
