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

    public static HttpReply get(CheckContext ctx, String name) {
        return ctx.http().send("GET", filePath(ctx, name), Map.of(), null);
    }
}
