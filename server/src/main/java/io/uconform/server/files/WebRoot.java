package io.uconform.server.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The directory files are served from and stored into (FILE-04). A request path is accepted only
 * when every segment is a plain name: no empty segment (doubled or leading slashes), no {@code .}
 * or {@code ..}, no backslash, colon or control character (NUL included). The result is then
 * normalized and must start with the root, and the real path of its deepest existing ancestor
 * (symlinks resolved) must stay under the real root. Thread-safe.
 */
public final class WebRoot {
    private final Path root;

    private WebRoot(Path root) {
        this.root = root;
    }

    /** @throws UncheckedIOException when {@code directory} is not an existing directory */
    public static WebRoot at(Path directory) {
        try {
            return new WebRoot(directory.toRealPath());
        } catch (IOException e) {
            throw new UncheckedIOException("web root " + directory + " does not exist", e);
        }
    }

    public Path path() {
        return root;
    }

    /**
     * The file or directory for a path relative to the root ({@code "a/b.txt"}, {@code "a/"} or
     * {@code ""} for the root itself); empty when the path is not acceptable or would leave the root.
     */
    public Optional<Path> resolve(String relative) {
        String trimmed = relative.endsWith("/") ? relative.substring(0, relative.length() - 1) : relative;
        if (trimmed.isEmpty()) {
            return relative.isEmpty() || relative.equals("/") ? Optional.of(root) : Optional.empty();
        }
        for (String segment : trimmed.split("/", -1)) {
            if (!plainName(segment)) {
                return Optional.empty();
            }
        }
        Path candidate = root.resolve(trimmed).normalize();
        return candidate.startsWith(root) && realPathInside(candidate) ? Optional.of(candidate) : Optional.empty();
    }

    /**
     * Fault FILE_TRAVERSAL: the naive resolution many small servers use ({@code root + path},
     * normalized, never checked against the root). Only ever used for reads.
     */
    Optional<Path> resolveUnconfined(String relative) {
        if (relative.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        String stripped = relative.replace('\\', '/').replaceAll("^/+", "");
        return Optional.of(root.resolve(stripped).normalize());
    }

    /** The path as clients see it: {@code /} plus the root-relative name with {@code /} separators. */
    public String clientPath(Path path) {
        String relative = root.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
        return "/" + relative;
    }

    private static boolean plainName(String segment) {
        if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\' || c == ':') {
                return false;
            }
        }
        return true;
    }

    private boolean realPathInside(Path candidate) {
        Path existing = candidate;
        while (existing != null && !Files.exists(existing, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return false;
        }
        try {
            return existing.toRealPath().startsWith(root);
        } catch (IOException e) {
            return false; // e.g. a dangling symlink: refuse rather than guess
        }
    }
}
