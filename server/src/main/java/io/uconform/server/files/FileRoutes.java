package io.uconform.server.files;

import io.uconform.server.App;
import io.uconform.server.HttpError;
import io.uconform.server.Request;
import io.uconform.server.Response;
import io.uconform.server.ServerFault;
import io.uconform.server.auth.AccessGuard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The file server and receiver under a prefix such as {@code /files} (FILE, UP, AUTH-06):
 * {@code GET prefix} serves the root's {@code index.html}; {@code GET prefix/a/b.txt} a file with its
 * content type (small files with Content-Length, larger ones or {@code ?chunked=1} streamed chunked);
 * {@code GET prefix/dir/} a JSON listing; {@code PUT}/{@code POST} store a file or, with a trailing
 * slash, create a directory; {@code DELETE} removes a file or an empty directory. Writes and
 * deletes always need credentials.
 */
public final class FileRoutes {
    /** Files up to this size are answered with Content-Length; larger ones are streamed. */
    static final int FIXED_LENGTH_MAX = 16 * 1024;

    private final WebRoot root;
    private final AccessGuard writeGuard;
    private final Set<ServerFault> faults;

    public FileRoutes(WebRoot root, AccessGuard writeGuard, Set<ServerFault> faults) {
        this.root = root;
        this.writeGuard = writeGuard;
        this.faults = faults.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(faults));
    }

    /** Registers the routes under {@code prefix} (e.g. {@code /files}, no trailing slash). */
    public App install(App app, String prefix) {
        app.route(prefix, Set.of("GET"), request -> serve(request, "index.html"));
        app.route(prefix + "/*", Set.of("GET"), request -> serve(request, rest(request, prefix)));
        app.upload(prefix + "/*", Set.of("PUT", "POST"), writeGuard.protect((request, user) -> write(request, prefix)));
        app.route(prefix + "/*", Set.of("DELETE"), faults.contains(ServerFault.FILE_DELETE_UNPROTECTED)
                ? request -> delete(request, prefix) : writeGuard.protect((request, user) -> delete(request, prefix)));
        return app;
    }

    private Response serve(Request request, String relative) throws IOException {
        Path path = (faults.contains(ServerFault.FILE_TRAVERSAL) ? root.resolveUnconfined(relative) : root.resolve(relative))
                .orElseThrow(() -> new HttpError(404, "no such file: " + request.path()));
        boolean directoryWanted = relative.isEmpty() || relative.endsWith("/");
        if (directoryWanted && Files.isDirectory(path)) {
            return Response.json(200, DirectoryListing.of(root, path, !faults.contains(ServerFault.LISTING_WITHOUT_SIZE)));
        }
        if (directoryWanted || !Files.isRegularFile(path)) {
            if (faults.contains(ServerFault.FILE_MISSING_EMPTY_200)) {
                return Response.of(200, ContentTypes.OCTET_STREAM, new byte[0]);
            }
            throw new HttpError(404, Files.isDirectory(path) ? "is a directory (add a trailing / for its listing): "
                    + request.path() : "no such file: " + request.path());
        }
        String type = faults.contains(ServerFault.FILE_WRONG_CONTENT_TYPE)
                ? ContentTypes.OCTET_STREAM : ContentTypes.forName(path.getFileName().toString());
        boolean chunked = request.queryParam("chunked").map("1"::equals).orElse(false);
        if (!chunked && Files.size(path) <= FIXED_LENGTH_MAX) {
            return Response.of(200, type, Files.readAllBytes(path));
        }
        return Response.chunked(200, type, new FileBody(path));
    }

    private Response write(Request request, String prefix) throws IOException {
        String relative = rest(request, prefix);
        Path path = root.resolve(relative)
                .orElseThrow(() -> new HttpError(400, "path not allowed: " + request.path()));
        if (path.equals(root.path())) {
            throw new HttpError(400, "give a file name or a directory name ending in /");
        }
        boolean created = relative.endsWith("/") ? UploadStore.mkdirs(path) : UploadStore.store(path, request.body());
        Map<String, Object> data = Map.of("path", root.clientPath(path) + (relative.endsWith("/") ? "/" : ""),
                "size", relative.endsWith("/") ? 0 : request.bodyLength());
        return Response.data(created ? 201 : 200, data);
    }

    private Response delete(Request request, String prefix) throws IOException {
        String relative = rest(request, prefix);
        Path path = root.resolve(relative)
                .orElseThrow(() -> new HttpError(400, "path not allowed: " + request.path()));
        if (path.equals(root.path())) {
            throw new HttpError(403, "the web root cannot be deleted");
        }
        if (!Files.exists(path)) {
            throw new HttpError(404, "no such file: " + request.path());
        }
        if (!faults.contains(ServerFault.DELETE_IGNORED)) {
            UploadStore.delete(path, relative.endsWith("/"));
        }
        return Response.data(Map.of("deleted", root.clientPath(path)));
    }

    /**
     * The path below {@code prefix/}, taken from the decoded request path (not the route's wildcard
     * parameter) so that what is resolved is always what the web-root rules were checked against.
     */
    private static String rest(Request request, String prefix) {
        String path = request.path();
        return path.startsWith(prefix + "/") ? path.substring(prefix.length() + 1) : "";
    }
}
