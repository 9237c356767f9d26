package io.uconform.server.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The JSON listing of a directory (FILE-03), in the shape of uhttpd:
 * {@code {"path":"/sub/","list":[{"path":"name","type":"file|directory","size":n}]}}, sorted by
 * name. Upload temp files and entries that are neither files nor directories are left out.
 */
final class DirectoryListing {
    /** Bound on entries listed, so a huge directory cannot exhaust memory. */
    static final int MAX_ENTRIES = 4096;

    private DirectoryListing() {
    }

    static Map<String, Object> of(WebRoot root, Path directory, boolean withSize) throws IOException {
        List<Map<String, Object>> entries = new ArrayList<>();
        try (Stream<Path> children = Files.list(directory)) {
            children.filter(child -> !UploadStore.isTempName(child.getFileName().toString()))
                    .sorted()
                    .limit(MAX_ENTRIES)
                    .forEach(child -> entry(child, withSize).ifPresent(entries::add));
        }
        String clientPath = root.clientPath(directory);
        Map<String, Object> listing = new LinkedHashMap<>();
        listing.put("path", clientPath.endsWith("/") ? clientPath : clientPath + "/");
        listing.put("list", entries);
        return listing;
    }

    private static java.util.Optional<Map<String, Object>> entry(Path child, boolean withSize) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(child, BasicFileAttributes.class);
        } catch (IOException e) {
            return java.util.Optional.empty(); // vanished while listing
        }
        if (!attributes.isRegularFile() && !attributes.isDirectory()) {
            return java.util.Optional.empty();
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("path", child.getFileName().toString());
        entry.put("type", attributes.isDirectory() ? "directory" : "file");
        if (withSize) {
            entry.put("size", attributes.isDirectory() ? 0L : attributes.size());
        }
        return java.util.Optional.of(entry);
    }
}
