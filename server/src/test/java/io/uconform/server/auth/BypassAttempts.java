package io.uconform.server.auth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Requests that must never authenticate against Basic credentials {@code user:password}. */
final class BypassAttempts {
    private BypassAttempts() {
    }

    static List<List<String>> headerSets(String user, String password) {
        String right = b64(user + ":" + password);
        List<List<String>> sets = new ArrayList<>();
        sets.add(List.of());
        sets.add(List.of(basic("mallory", password)));
        sets.add(List.of(basic(user, "wrong")));
        sets.add(List.of(basic(user, "")));
        sets.add(List.of(basic("", password)));
        sets.add(List.of(basic(user, password.substring(0, password.length() - 1))));
        sets.add(List.of(basic(user, password.substring(0, 8))));
        sets.add(List.of(basic(user, password + "x")));
        sets.add(List.of(basic(user + "x", password)));
        sets.add(List.of(basic(user.toUpperCase(java.util.Locale.ROOT), password)));
        sets.add(List.of(basic(user, password.toLowerCase(java.util.Locale.ROOT))));
        sets.add(List.of(basic(password, user)));
        sets.add(List.of(basic(user, password + "\u0000")));
        sets.add(List.of("Authorization: Basic " + right.substring(0, right.length() - 4)));
        sets.add(List.of("Authorization: Basic " + right + "AAAA"));
        sets.add(List.of("Authorization: Basic !" + right.substring(1)));
        sets.add(List.of("Authorization: Basic " + b64(user + password)));
        sets.add(List.of("Authorization: Basic " + b64(user)));
        sets.add(List.of("Authorization: Basic"));
        sets.add(List.of("Authorization: Basic "));
        sets.add(List.of("Authorization: " + right));
        sets.add(List.of("Authorization: Bearer " + right));
        sets.add(List.of("Authorization: Bearer " + password));
        sets.add(List.of("Authorization: Digest username=\"" + user + "\", response=\"" + password + "\""));
        sets.add(List.of("Authorization: BasicX " + right));
        sets.add(List.of("Authorization: Basic " + right + "=" + "A".repeat(1100)));
        sets.add(List.of("Cookie: auth=" + right));
        sets.add(List.of("Cookie: password=" + password + "; user=" + user));
        sets.add(List.of("X-Authorization: Basic " + right));
        sets.add(List.of("Proxy-Authorization: Basic " + right));
        sets.add(List.of(basic("guest", "guest")));
        return sets;
    }

    static List<String> querySuffixes(String user, String password) {
        return List.of("?user=" + user + "&password=" + password, "?auth=" + b64(user + ":" + password),
                "?access_token=" + password, "?authorization=Basic%20" + b64(user + ":" + password));
    }

    private static String basic(String user, String password) {
        return "Authorization: Basic " + b64(user + ":" + password);
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
