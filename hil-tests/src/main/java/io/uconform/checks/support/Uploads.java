package io.uconform.checks.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.client.HttpReply;
import io.uconform.suite.CheckContext;
import java.util.Map;

/**
 * Upload helpers bound to the profile's {@code upload} role (a prefix ending in {@code /}) and
 * {@code files} role (the file server's prefix ending in {@code /}). Writes carry the profile's
 * credentials (writes are always protected, AUTH-06).
 */
public final class Uploads {
    private Uploads() {
    }

    public static String filePath(CheckContext ctx, String name) {
        return ctx.route("files") + name;
    }

    public static String uploadPath(CheckContext ctx, String name) {
        return ctx.route("upload") + name;
    }

    /** POSTs {@code content} as {@code name} (uhttpd accepts only POST); asserts a 2xx answer. */
    public static HttpReply put(CheckContext ctx, String name, byte[] content) {
        HttpReply reply = ctx.http().send("POST", uploadPath(ctx, name), Access.authorized(ctx), content);
        assertThat(reply.status()).as("POST %s with valid credentials (body: %s)", uploadPath(ctx, name), reply.text())
                .isBetween(200, 299);
        return reply;
    }

    /** Best-effort cleanup: DELETE with credentials, whatever the answer. */
    public static void remove(CheckContext ctx, String name) {
        ctx.http().send("DELETE", uploadPath(ctx, name), Access.authorized(ctx), null);
    }

    /**
     * True when {@code name} is not stored: a 404, or (for servers that answer a missing file
     * otherwise) no entry of that name in its directory's listing.
     */
    public static boolean gone(CheckContext ctx, String name) {
        HttpReply reply = get(ctx, name);
        if (reply.status() == 404) {
            return true;
        }
        String trimmed = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        int slash = trimmed.lastIndexOf('/');
        String parent = slash < 0 ? "" : trimmed.substring(0, slash + 1);
        String leaf = trimmed.substring(slash + 1);
        HttpReply listing = ctx.http().get(filePath(ctx, parent));
        if (listing.status() == 404) {
            return true;
        }
        if (listing.status() != 200) {
            return false;
        }
        for (com.fasterxml.jackson.databind.JsonNode entry : listing.json().path("list")) {
            if (leaf.equals(entry.path("path").asText())) {
                return false;
            }
        }
        return listing.json().path("list").isArray();
    }

    /**
     * True when some file under the root (searched breadth-first through the listings, at most
     * {@code maxListings} directories) has a name containing {@code fragment}.
     */
    public static boolean foundInTree(CheckContext ctx, String fragment, int maxListings) {
        java.util.ArrayDeque<String> directories = new java.util.ArrayDeque<>(java.util.List.of(""));
        int listed = 0;
        while (!directories.isEmpty() && listed < maxListings) {
            String dir = directories.poll();
            HttpReply listing = ctx.http().get(filePath(ctx, dir));
            listed++;
            if (listing.status() != 200) {
                continue;
            }
            for (com.fasterxml.jackson.databind.JsonNode entry : listing.json().path("list")) {
                String name = entry.path("path").asText();
                if (name.contains(fragment)) {
                    return true;
                }
                if ("directory".equals(entry.path("type").asText()) && !name.equals("..") && !name.equals(".")) {
                    directories.add(dir + encodeSegment(name) + "/");
                }
            }
        }
        return false;
    }

    /** Percent-encodes one path segment (everything but RFC 3986 unreserved characters). */
    public static String encodeSegment(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    public static HttpReply get(CheckContext ctx, String name) {
        return ctx.http().send("GET", filePath(ctx, name), Map.of(), null);
    }
}
