package io.uconform.kind.esp32;

import io.uconform.console.ConsoleLine;
import java.util.List;
import java.util.Locale;

/**
 * Says why no ready line came, from what the board printed since the reboot: it never left the
 * bootloader, the app crashed (with the exception line), Wi-Fi failed (with the reason), or it
 * printed nothing.
 */
final class BootDiagnosis {

    private BootDiagnosis() {
    }

    static String explain(List<ConsoleLine> since) {
        if (since.isEmpty()) {
            return "the board printed nothing";
        }
        String lastTraceback = null;
        for (int i = 0; i < since.size(); i++) {
            String text = since.get(i).text();
            if (text.startsWith("Traceback")) {
                lastTraceback = exceptionLine(since, i);
            }
        }
        String last = since.get(since.size() - 1).text();
        if (contains(since, "waiting for download") && !contains(since, "MicroPython v")) {
            return "the board never left the bootloader (still 'waiting for download')";
        }
        if (contains(since, "Guru Meditation")) {
            return "the app crashed: " + first(since, "Guru Meditation");
        }
        String wifi = lastTraceback != null && aboutWifi(lastTraceback) ? lastTraceback : wifiFailure(since);
        if (wifi != null) {
            return "Wi-Fi failed: " + wifi;
        }
        if (lastTraceback != null) {
            return "the app crashed: " + lastTraceback;
        }
        if (contains(since, "invalid header")) {
            return "no valid app in flash: " + first(since, "invalid header");
        }
        return "no ready line (last line: '" + last + "')";
    }

    private static String wifiFailure(List<ConsoleLine> lines) {
        for (ConsoleLine l : lines) {
            String t = l.text().toLowerCase(Locale.ROOT);
            boolean failed = t.contains("fail") || t.contains("error") || t.contains("wrong") || t.contains("timeout")
                    || t.contains("no ap") || t.contains("not found");
            // indented lines are traceback source, not what the firmware said
            if (!l.text().startsWith(" ") && aboutWifi(t) && failed) {
                return l.text().trim();
            }
        }
        return null;
    }

    private static boolean aboutWifi(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return t.contains("wifi") || t.contains("wi-fi") || t.contains("wlan");
    }

    private static String exceptionLine(List<ConsoleLine> lines, int tracebackAt) {
        for (int i = tracebackAt + 1; i < lines.size(); i++) {
            String t = lines.get(i).text();
            if (!t.startsWith(" ") && !t.isBlank()) {
                return t.trim();
            }
        }
        return "Traceback (incomplete)";
    }

    private static boolean contains(List<ConsoleLine> lines, String needle) {
        return lines.stream().anyMatch(l -> l.text().contains(needle));
    }

    private static String first(List<ConsoleLine> lines, String needle) {
        return lines.stream().map(ConsoleLine::text).filter(t -> t.contains(needle)).findFirst().orElse("").trim();
    }
}
