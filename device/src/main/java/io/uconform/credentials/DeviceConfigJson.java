package io.uconform.credentials;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Puts station credentials into the board's {@code config.json} (the seeds/001 shape the firmware
 * reads: {@code "sta": {"ssid": ..., "pass": ...}}), keeping every other key of the app's file.
 */
public final class DeviceConfigJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DeviceConfigJson() {
    }

    /** @param existing the app's config.json, or null/empty when it has none */
    public static byte[] withStation(byte[] existing, WifiCredentials wifi) {
        ObjectNode root;
        try {
            root = existing == null || existing.length == 0 ? JSON.createObjectNode()
                    : (ObjectNode) JSON.readTree(existing);
        } catch (IOException | ClassCastException e) {
            throw new CredentialsException("the app's config.json is not a JSON object: " + e.getMessage().lines().findFirst().orElse(""));
        }
        ObjectNode sta = root.has("sta") && root.get("sta").isObject() ? (ObjectNode) root.get("sta") : root.putObject("sta");
        sta.put("ssid", wifi.ssid());
        sta.put("pass", wifi.password());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("JSON serialisation cannot fail for a tree", e);
        }
    }
}
