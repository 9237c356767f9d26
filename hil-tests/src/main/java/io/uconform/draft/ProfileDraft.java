package io.uconform.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Drafts a profile from what a running server shows ({@code uconform profile init --url URL}): its
 * route index when {@code GET /} lists routes, the status each listed route answers to a GET, and
 * the header and request-target sizes it accepts, probed with a few growing requests within a time
 * budget. The draft is for the user to review: it claims only the transport groups (and CORE when
 * the index has the CORE-01 shape) and binds only routes it saw answer.
 */
public final class ProfileDraft {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int[] SIZES = {1024, 2048, 4096, 8192, 16384};

    private final URI base;
    private final long deadline;
    private final Duration readTimeout;
    private final List<String> notes = new ArrayList<>();
    private int requests;

    private ProfileDraft(URI base, Duration budget) {
        this.base = base;
        this.deadline = System.nanoTime() + budget.toNanos();
        this.readTimeout = Duration.ofSeconds(3);
    }

    /** What one probe got: a status (0 when none came) and the body. */
    record Answer(int status, String body, String how) {
    }

    /** Probes the server at {@code base} for at most {@code budget} and returns the draft profile as JSON. */
    public static ObjectNode draft(URI base, String name, Duration budget) {
        return new ProfileDraft(base, budget).build(name);
    }

    private ObjectNode build(String name) {
        Map<String, String> routes = new LinkedHashMap<>();
        List<String> groups = new ArrayList<>(List.of("PROTO", "ERR", "KA", "LIM", "ROB"));
        Answer index = get("/", "");
        if (index.status() == 0) {
            throw new IllegalArgumentException("no HTTP answer from " + base + " to GET / (" + index.how() + ")");
        }
        notes.add("GET / answered " + index.status());
        if (index.status() / 100 == 2) {
            routes.put("index", "/");
        }
        List<String> listed = listedRoutes(index.body());
        if (!listed.isEmpty()) {
            groups.add(1, "CORE");
            notes.add("GET / lists " + listed.size() + " routes (a CORE-01 index): " + listed);
        }
        for (String route : listed) {
            if (route.equals("/") || route.contains("{") || route.contains("*") || over()) {
                continue;
            }
            Answer a = get(route, "");
            notes.add("GET " + route + " answered " + (a.status() == 0 ? a.how() : a.status()));
            if (a.status() == 200 && !routes.containsKey("data")) {
                routes.put("data", route);
            }
        }
        if (!routes.containsKey("data") && routes.containsKey("index")) {
            routes.put("data", "/");
        }
        Answer missing = get("/no-such-route-uconform", "");
        if (missing.status() == 404) {
            routes.put("missing", "/no-such-route-uconform");
        }
        notes.add("GET /no-such-route-uconform answered " + (missing.status() == 0 ? missing.how() : missing.status()));
        ObjectNode limits = JSON.createObjectNode();
        largestAccepted("header", size -> get("/", "X-Uconform-Probe: " + "h".repeat(size) + "\r\n"))
                .ifPresent(n -> limits.put("maxHeaderBytes", n));
        largestAccepted("request target", size -> get("/?" + "q".repeat(size), ""))
                .ifPresent(n -> limits.put("maxTargetBytes", n));
        ObjectNode root = JSON.createObjectNode();
        root.put("name", name);
        root.put("description", "Drafted by uconform profile init from " + base + " (" + requests
                + " requests): review the groups, bind the other roles your server has (uconform run --explain "
                + "lists them) and state its real limits. " + String.join("; ", notes));
        groups.forEach(root.putArray("groups")::add);
        ObjectNode r = root.putObject("routes");
        routes.forEach(r::put);
        root.set("limits", limits);
        root.putObject("params");
        root.putObject("waivers");
        return root;
    }

    /**
     * The largest probe size answered 2xx when a larger one was refused (4xx or a close): the limit
     * lies between them, and the draft states the accepted size; empty when nothing was refused.
     */
    private Optional<Integer> largestAccepted(String what, java.util.function.IntFunction<Answer> probe) {
        Integer accepted = null;
        for (int size : SIZES) {
            if (over()) {
                notes.add(what + " probe stopped: time budget spent");
                return Optional.empty();
            }
            Answer a = probe.apply(size);
            if (a.status() / 100 == 2) {
                accepted = size;
                continue;
            }
            notes.add("a " + size + "-byte " + what + " got " + (a.status() == 0 ? a.how() : a.status()));
            return Optional.ofNullable(accepted);
        }
        notes.add("every " + what + " up to " + SIZES[SIZES.length - 1] + " bytes was accepted: no limit found");
        return Optional.empty();
    }

    static List<String> listedRoutes(String body) {
        List<String> routes = new ArrayList<>();
        try {
            JsonNode root = JSON.readTree(body);
            JsonNode list = root == null ? null : root.path("data").path("routes");
            if (list == null || !list.isArray()) {
                list = root == null ? null : root.path("routes");
            }
            if (list != null && list.isArray()) {
                list.forEach(n -> {
                    if (n.isTextual() && n.asText().startsWith("/")) {
                        routes.add(n.asText());
                    }
                });
            }
        } catch (IOException e) {
            // not JSON: no index to read
        }
        return routes;
    }

    private boolean over() {
        return System.nanoTime() > deadline;
    }

    /** One GET on a fresh connection with {@code Connection: close}; bounded by the read timeout. */
    private Answer get(String target, String extraHeaders) {
        requests++;
        int port = base.getPort() > 0 ? base.getPort() : 80;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(base.getHost(), port), (int) readTimeout.toMillis());
            s.setSoTimeout((int) readTimeout.toMillis());
            s.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: " + base.getRawAuthority()
                    + "\r\n" + extraHeaders + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[4096];
            int n;
            while (got.size() < 256 * 1024 && (n = in.read(buf)) > 0) {
                got.write(buf, 0, n);
            }
            String text = got.toString(StandardCharsets.ISO_8859_1);
            if (!text.startsWith("HTTP/")) {
                return new Answer(0, "", text.isEmpty() ? "a close without a response" : "no HTTP response");
            }
            int status = Integer.parseInt(text.substring(9, 12));
            int bodyStart = text.indexOf("\r\n\r\n");
            String body = bodyStart < 0 ? "" : new String(got.toByteArray(), bodyStart + 4, got.size() - bodyStart - 4,
                    StandardCharsets.UTF_8);
            return new Answer(status, body, "");
        } catch (java.net.SocketTimeoutException e) {
            return new Answer(0, "", "no answer within " + readTimeout.toMillis() + " ms");
        } catch (IOException | RuntimeException e) {
            return new Answer(0, "", "a reset or error (" + e.getMessage() + ")");
        }
    }
}
