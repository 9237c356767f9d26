package io.uconform.credentials;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Puts station credentials into the board's {@code config.json} (the shape the reference firmware
 * reads: {@code "sta": {"ssid": ..., "password": ...}}), keeping every other key of the app's file.
 */
public final class DeviceConfigJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DeviceConfigJson() {
    }

    /** @param existing the app's config.json, or null/empty when it has none */
    public static byte[] withStation(byte[] existing, WifiCredentials wifi) {
        ObjectNode root = parse(existing);
        ObjectNode sta = section(root, "sta");
        sta.put("ssid", wifi.ssid());
        sta.put("password", wifi.password());
        return write(root);
    }

    /** Binds the server to loopback on a free port (a virtual board runs on this host). */
    public static byte[] withLoopbackServer(byte[] existing) {
        ObjectNode root = parse(existing);
        ObjectNode server = section(root, "server");
        server.put("host", "127.0.0.1");
        server.put("port", 0);
        return write(root);
    }

    private static ObjectNode section(ObjectNode root, String name) {
        return root.has(name) && root.get(name).isObject() ? (ObjectNode) root.get(name) : root.putObject(name);
    }

    private static ObjectNode parse(byte[] existing) {
        ObjectNode root;
        try {
            root = existing == null || existing.length == 0 ? JSON.createObjectNode()
                    : (ObjectNode) JSON.readTree(existing);
        } catch (IOException | ClassCastException e) {
            throw new CredentialsException("the app's config.json is not a JSON object: " + e.getMessage().lines().findFirst().orElse(""));
        }
        return root;
    }

    private static byte[] write(ObjectNode root) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("JSON serialisation cannot fail for a tree", e);
        }
    }
}
