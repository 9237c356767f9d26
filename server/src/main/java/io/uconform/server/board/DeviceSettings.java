package io.uconform.server.board;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The device configuration (the shape of the firmware's {@code config.json}): device name and
 * board, station Wi-Fi ({@code sta}), access point ({@code ap}), app, home URL and Basic auth.
 * Immutable. Secrets (the three passwords) only ever leave through {@link #toJson()} masked.
 */
public record DeviceSettings(String name, String board, String staSsid, String staPassword, String apEssid,
                             String apPassword, String app, String homeUrl, String authUser,
                             String authPassword) {

    public static final String MASK = "****";

    public DeviceSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(board, "board");
        staSsid = orEmpty(staSsid);
        staPassword = orEmpty(staPassword);
        apEssid = orEmpty(apEssid);
        apPassword = orEmpty(apPassword);
        app = app == null ? "reference" : app;
        homeUrl = orEmpty(homeUrl);
        authUser = orEmpty(authUser);
        authPassword = orEmpty(authPassword);
    }

    /** Defaults for a board: no station Wi-Fi, an open {@code uconform} AP, no auth, no home URL. */
    public static DeviceSettings defaults(String deviceName, String board) {
        return new DeviceSettings(deviceName, board, "", "", "uconform", "", "reference", "", "", "");
    }

    /** The wire form with every secret that is set replaced by {@value #MASK}. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("device", section("name", name, "board", board));
        m.put("sta", section("ssid", staSsid, "password", mask(staPassword)));
        m.put("ap", section("essid", apEssid, "password", mask(apPassword)));
        m.put("app", app);
        m.put("home", section("url", homeUrl));
        m.put("auth", section("user", authUser, "password", mask(authPassword)));
        return m;
    }

    /** Every field by its dotted path ({@code device.name}, {@code sta.password}, {@code app}, ...), unmasked. */
    Map<String, String> fields() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("device.name", name);
        m.put("device.board", board);
        m.put("sta.ssid", staSsid);
        m.put("sta.password", staPassword);
        m.put("ap.essid", apEssid);
        m.put("ap.password", apPassword);
        m.put("app", app);
        m.put("home.url", homeUrl);
        m.put("auth.user", authUser);
        m.put("auth.password", authPassword);
        return m;
    }

    static DeviceSettings fromFields(Map<String, String> f) {
        return new DeviceSettings(f.get("device.name"), f.get("device.board"), f.get("sta.ssid"),
                f.get("sta.password"), f.get("ap.essid"), f.get("ap.password"), f.get("app"), f.get("home.url"),
                f.get("auth.user"), f.get("auth.password"));
    }

    /** The secrets that are set, for masking consoles and logs. */
    public java.util.List<String> secrets() {
        return java.util.stream.Stream.of(staPassword, apPassword, authPassword).filter(s -> !s.isEmpty()).toList();
    }

    private static String mask(String secret) {
        return secret.isEmpty() ? "" : MASK;
    }

    private static Map<String, Object> section(String... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
