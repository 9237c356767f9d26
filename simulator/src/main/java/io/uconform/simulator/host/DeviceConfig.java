package io.uconform.simulator.host;

import io.uconform.profile.Limits;

/**
 * The {@code config.json} the host target writes: station Wi-Fi = the virtual access point,
 * loopback bind, the effective limits. Immutable; {@link #toString()} masks the secrets.
 */
public record DeviceConfig(String deviceName, String board, String ssid, String wifiPassword, String authUser,
                    String authPassword, String bind, int port, boolean cors, Limits limits) {

    public String toJson() {
        return "{\n"
                + "  \"device\": {\"name\": " + q(deviceName) + ", \"board\": " + q(board) + "},\n"
                + "  \"sta\": {\"ssid\": " + q(ssid) + ", \"password\": " + q(wifiPassword) + ", \"join_timeout_ms\": 2000},\n"
                + "  \"ap\": {\"essid\": \"uconform-host\", \"password\": \"\", \"authmode\": 0},\n"
                + "  \"app\": \"reference\",\n"
                + "  \"home\": {\"url\": \"\"},\n"
                + "  \"auth\": {\"user\": " + q(authUser) + ", \"password\": " + q(authPassword) + "},\n"
                + "  \"server\": {\"host\": " + q(bind) + ", \"port\": " + port + ", \"cors\": " + cors + ", \"limits\": {"
                + "\"max_clients\": " + limits.maxClients()
                + ", \"max_header_bytes\": " + limits.maxHeaderBytes()
                + ", \"max_target_bytes\": " + limits.maxTargetBytes()
                + ", \"max_body_bytes\": " + limits.maxBodyBytes()
                + ", \"max_upload_bytes\": " + limits.maxUploadBytes()
                + ", \"header_timeout_ms\": " + limits.headerTimeout().toMillis()
                + ", \"keep_alive_idle_ms\": " + limits.keepAliveIdle().toMillis()
                + ", \"max_requests_per_connection\": " + limits.maxRequestsPerConnection()
                + ", \"max_sse_subscribers\": " + limits.maxSseSubscribers()
                + ", \"max_ws_message_bytes\": " + limits.maxWsMessageBytes() + "}}\n"
                + "}\n";
    }

    private static String q(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    @Override
    public String toString() {
        return "DeviceConfig[" + deviceName + ", board=" + board + ", ssid=" + ssid + ", port=" + port + ", secrets=****]";
    }
}
