package io.uconform.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads profiles: a name found on the class path ({@code profiles/NAME.json}) or a path to a JSON
 * file. Every problem is a {@link ProfileException} with one line naming the source.
 */
public final class Profiles {

    /** The profiles shipped with uconform (CONFORMANCE section 1). */
    public static final List<String> BUILT_IN =
            List.of("reference", "firmware", "http11-embedded", "microserver", "uhttpd", "uhttp", "mongoose-api");

    private static final ObjectMapper JSON = new ObjectMapper();

    private Profiles() {
    }

    public static Profile load(String nameOrPath) {
        Path path = Path.of(nameOrPath);
        if (nameOrPath.endsWith(".json") || Files.exists(path)) {
            if (!Files.isRegularFile(path)) {
                throw new ProfileException("profile file not found: " + nameOrPath);
            }
            try (InputStream in = Files.newInputStream(path)) {
                return parse(in, path.toString());
            } catch (IOException e) {
                throw new ProfileException("cannot read profile " + path + ": " + e.getMessage(), e);
            }
        }
        String resource = "profiles/" + nameOrPath + ".json";
        try (InputStream in = Profiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ProfileException("unknown profile '" + nameOrPath + "' (built in: "
                        + String.join(", ", BUILT_IN) + "; or give a path to a .json file)");
            }
            return parse(in, resource);
        } catch (IOException e) {
            throw new ProfileException("cannot read profile " + resource + ": " + e.getMessage(), e);
        }
    }

    static Profile parse(InputStream in, String source) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new ProfileException("profile " + source + " is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "): "
                    + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ProfileException("profile " + source + " must be a JSON object");
        }
        String name = text(root, "name", source);
        Set<String> groups = new LinkedHashSet<>();
        JsonNode g = root.path("groups");
        if (!g.isArray() || g.isEmpty()) {
            throw new ProfileException("profile " + source + ": 'groups' must be a non-empty array of group names");
        }
        g.forEach(n -> groups.add(n.asText()));
        JsonNode limits = root.path("limits");
        Set<String> given = new LinkedHashSet<>();
        if (limits.isObject()) {
            limits.fieldNames().forEachRemaining(given::add);
        }
        return new Profile(name, root.path("description").asText(""), groups,
                stringMap(root.path("routes"), "routes", source), limits(limits, source),
                stringMap(root.path("params"), "params", source),
                waivers(root.path("waivers"), source), given);
    }

    private static String text(JsonNode root, String field, String source) {
        JsonNode n = root.get(field);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw new ProfileException("profile " + source + ": '" + field + "' must be a non-empty string");
        }
        return n.asText();
    }

    private static Map<String, String> stringMap(JsonNode node, String field, String source) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return map;
        }
        if (!node.isObject()) {
            throw new ProfileException("profile " + source + ": '" + field + "' must be an object");
        }
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    /** Waivers by requirement ID or group name, each with a reason (an empty reason explains nothing). */
    private static Map<String, String> waivers(JsonNode node, String source) {
        Map<String, String> waivers = stringMap(node, "waivers", source);
        waivers.forEach((key, reason) -> {
            if (reason.isBlank()) {
                throw new ProfileException("profile " + source + ": waiver '" + key + "' needs a reason");
            }
        });
        return waivers;
    }

    private static Limits limits(JsonNode node, String source) {
        Limits d = Limits.reference();
        if (node.isMissingNode() || node.isNull()) {
            return d;
        }
        if (!node.isObject()) {
            throw new ProfileException("profile " + source + ": 'limits' must be an object");
        }
        Set<String> known = Set.of("maxClients", "maxHeaderBytes", "maxTargetBytes", "maxBodyBytes",
                "maxUploadBytes", "headerTimeoutMs", "keepAliveIdleMs", "maxRequestsPerConnection",
                "maxSseSubscribers", "maxWsMessageBytes", "bodyTimeoutMs", "wsFrameTimeoutMs");
        node.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) {
                throw new ProfileException("profile " + source + ": unknown limit '" + f + "' (known: "
                        + String.join(", ", new java.util.TreeSet<>(known)) + ")");
            }
            if (!node.get(f).canConvertToLong() || node.get(f).asLong() <= 0) {
                throw new ProfileException("profile " + source + ": limit '" + f + "' must be a positive integer");
            }
        });
        return new Limits(
                node.path("maxClients").asInt(d.maxClients()),
                node.path("maxHeaderBytes").asInt(d.maxHeaderBytes()),
                node.path("maxTargetBytes").asInt(d.maxTargetBytes()),
                node.path("maxBodyBytes").asInt(d.maxBodyBytes()),
                node.path("maxUploadBytes").asLong(d.maxUploadBytes()),
                Duration.ofMillis(node.path("headerTimeoutMs").asLong(d.headerTimeout().toMillis())),
                Duration.ofMillis(node.path("keepAliveIdleMs").asLong(d.keepAliveIdle().toMillis())),
                node.path("maxRequestsPerConnection").asInt(d.maxRequestsPerConnection()),
                node.path("maxSseSubscribers").asInt(d.maxSseSubscribers()),
                node.path("maxWsMessageBytes").asInt(d.maxWsMessageBytes()),
                Duration.ofMillis(node.path("bodyTimeoutMs").asLong(d.bodyTimeout().toMillis())),
                Duration.ofMillis(node.path("wsFrameTimeoutMs").asLong(d.wsFrameTimeout().toMillis())));
    }
}
