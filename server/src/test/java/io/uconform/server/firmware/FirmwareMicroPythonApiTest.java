package io.uconform.server.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The firmware stays MicroPython code: no module or API that MicroPython lacks (the list kept
 * beside it, {@code server/firmware/micropython-api.txt}) in any firmware file outside tests/ and
 * bench/ (which run on the host).
 * Only compat.py may reach one, on a line marked {@code # CPython only} (a guarded fallback).
 */
class FirmwareMicroPythonApiTest {

    static final Path FIRMWARE = Path.of("firmware").toAbsolutePath();
    static final String MARK = "# CPython only";

    record Rule(String entry, Pattern pattern) {
    }

    static List<Rule> rules() throws IOException {
        List<Rule> rules = new ArrayList<>();
        for (String line : Files.readAllLines(FIRMWARE.resolve("micropython-api.txt"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String spec = line.substring(0, line.indexOf(" | "));
            String kind = spec.substring(0, spec.indexOf(' '));
            String what = spec.substring(spec.indexOf(' ') + 1);
            Pattern pattern = switch (kind) {
                case "module" -> Pattern.compile("^\\s*(import\\s+([\\w.]+\\s*,\\s*)*" + Pattern.quote(what)
                        + "\\b|from\\s+" + Pattern.quote(what) + "(\\.[\\w.]+)?\\s+import\\b)");
                case "regex" -> Pattern.compile(what);
                default -> throw new IllegalArgumentException("micropython-api.txt: unknown kind in: " + line);
            };
            rules.add(new Rule(spec, pattern));
        }
        return rules;
    }

    static List<String> violations(Path root, List<Rule> rules) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".py")).sorted().toList()) {
                String rel = root.relativize(file).toString().replace('\\', '/');
                if (rel.startsWith("tests/") || rel.startsWith("bench/")) { // host-side code: CPython
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (rel.equals("lib/uconform/compat.py") && line.stripTrailing().endsWith(MARK)) {
                        continue;
                    }
                    String code = withoutComment(line);
                    for (Rule rule : rules) {
                        if (rule.pattern().matcher(code).find()) {
                            found.add(rel + ":" + (i + 1) + ": " + line.strip() + "   <- " + rule.entry());
                        }
                    }
                }
            }
        }
        return found;
    }

    /** Drops a trailing comment when no quote precedes its '#' (enough for this code base). */
    static String withoutComment(String line) {
        int hash = line.indexOf('#');
        if (hash < 0) {
            return line;
        }
        String before = line.substring(0, hash);
        return before.indexOf('"') < 0 && before.indexOf('\'') < 0 ? before : line;
    }

    @Test
    void firmwareCodeUsesNothingMicroPythonLacks() throws IOException {
        List<Rule> rules = rules();
        assertThat(rules).as("entries in micropython-api.txt").hasSizeGreaterThan(40);
        assertThat(violations(FIRMWARE, rules)).as("CPython-only modules or APIs in firmware code "
                + "(see server/firmware/micropython-api.txt)").isEmpty();
    }

    @Test
    void theCheckCatchesWhatItLists(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("lib/uconform"));
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(dir.resolve("lib/uconform/bad.py"), String.join("\n",
                "import threading", "from http.server import HTTPServer", "import os, base64",
                "x = os.path.join('a', 'b')", "y = json.dumps(v, sort_keys=True)", "s.casefold()",
                "except TimeoutError:", "z = 1  # os.path in a comment is fine", ""));
        Files.writeString(dir.resolve("lib/uconform/compat.py"), "import tracemalloc  # CPython only\n"
                + "import logging\n");
        Files.writeString(dir.resolve("tests/t.py"), "import threading\n");
        assertThat(violations(dir, rules())).extracting(v -> v.substring(0, v.indexOf(':', v.indexOf(':') + 1)))
                .containsExactly("lib/uconform/bad.py:1", "lib/uconform/bad.py:2", "lib/uconform/bad.py:3",
                        "lib/uconform/bad.py:4", "lib/uconform/bad.py:5", "lib/uconform/bad.py:6",
                        "lib/uconform/bad.py:7", "lib/uconform/compat.py:2");
    }
}
