package io.uconform.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The static half of the needs audit: from the suite's sources, what each check can reach from the
 * profile (through its own body, the helpers of its class and the support classes it calls,
 * transitively) and which of those it did not declare in {@code @Needs}. It reads
 * {@code ctx.route("x")}, {@code ctx.param("x")}, {@code ctx.limit("x")} and {@code ctx.limits().x()};
 * names given as variables are left to the run-time audit (a check asking for an undeclared name
 * fails as a suite error). Reads of {@code ctx.limits()} in the methods named {@code sizing} only size
 * waits or hostile input, never a verdict, and need no declaration.
 */
final class NeedsAudit {

    /** A limit accessor of {@code Limits} by its profile-file name. */
    static final Map<String, String> LIMIT_NAMES = Map.ofEntries(
            Map.entry("maxClients", "maxClients"), Map.entry("maxHeaderBytes", "maxHeaderBytes"),
            Map.entry("maxTargetBytes", "maxTargetBytes"), Map.entry("maxBodyBytes", "maxBodyBytes"),
            Map.entry("maxUploadBytes", "maxUploadBytes"), Map.entry("headerTimeout", "headerTimeoutMs"),
            Map.entry("keepAliveIdle", "keepAliveIdleMs"), Map.entry("maxRequestsPerConnection",
                    "maxRequestsPerConnection"), Map.entry("maxSseSubscribers", "maxSseSubscribers"),
            Map.entry("maxWsMessageBytes", "maxWsMessageBytes"), Map.entry("bodyTimeout", "bodyTimeoutMs"),
            Map.entry("wsFrameTimeout", "wsFrameTimeoutMs"));

    private static final Set<String> KEYWORDS = Set.of("if", "for", "while", "switch", "catch", "synchronized",
            "try", "return", "new", "else", "do", "throw", "case", "assert", "super", "this");
    private static final Pattern HEADER = Pattern.compile("(\\w+)\\s*\\(([^;{}()]|\\([^()]*\\))*\\)\\s*"
            + "(throws\\s+[\\w.,\\s]+)?\\{");
    private static final Pattern QUALIFIED_CALL = Pattern.compile("\\b([A-Z]\\w*)(?:\\.|::)(\\w+)\\b\\s*\\(?");
    private static final Pattern INSTANCE_CALL = Pattern.compile("\\b[a-z]\\w*\\.(\\w+)\\s*\\(");
    private static final Pattern PLAIN_CALL = Pattern.compile("(?<![.\\w])(\\w+)\\s*\\(");
    private static final Pattern ASK = Pattern.compile("\\bctx\\.(route|param|limit)\\(\"([^\"]+)\"\\)");
    private static final Pattern LIMITS_READ = Pattern.compile("\\bctx\\.limits\\(\\)\\.(\\w+)\\(\\)");

    /** The bodies of every method, by {@code Class.method} (overloads and nested classes together). */
    private final Map<String, List<String>> bodies = new LinkedHashMap<>();
    private final Set<String> sizing;

    /**
     * @param roots  source folders to read ({@code .java} files, named by their top-level class)
     * @param sizing {@code Class.method}s whose {@code ctx.limits()} reads only size waits or input
     */
    NeedsAudit(List<Path> roots, Set<String> sizing) {
        this.sizing = sizing;
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String name = file.getFileName().toString().replace(".java", "");
                    index(name, Files.readString(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading the suite's sources under " + root, e);
            }
        }
    }

    /** What {@code Class.method} reaches (kind:name: {@code route:ws}, {@code limit:maxClients}). */
    Set<String> reaches(String method) {
        return new TreeSet<>(reachesVia(method).keySet());
    }

    /** What {@code Class.method} reaches, each with the first method found to use it. */
    Map<String, String> reachesVia(String method) {
        Map<String, String> uses = new java.util.TreeMap<>();
        for (String owner : closure(method)) {
            for (String body : bodies.getOrDefault(owner, List.of())) {
                Matcher ask = ASK.matcher(body);
                while (ask.find()) {
                    uses.putIfAbsent(ask.group(1) + ":" + ask.group(2), owner);
                }
                if (!sizing.contains(owner)) {
                    Matcher read = LIMITS_READ.matcher(body);
                    while (read.find()) {
                        uses.putIfAbsent("limit:" + LIMIT_NAMES.getOrDefault(read.group(1), read.group(1)), owner);
                    }
                }
            }
        }
        return uses;
    }

    /** The {@code Class.method}s reachable from {@code method}, itself included. */
    Set<String> closure(String method) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> unvisited = new ArrayDeque<>(List.of(method));
        while (!unvisited.isEmpty()) {
            String next = unvisited.pop();
            if (!seen.add(next)) {
                continue;
            }
            String owner = next.substring(0, next.indexOf('.'));
            for (String body : bodies.getOrDefault(next, List.of())) {
                String code = stripLiterals(body);
                Matcher qualified = QUALIFIED_CALL.matcher(code);
                while (qualified.find()) {
                    enqueue(qualified.group(1) + "." + qualified.group(2), unvisited);
                }
                Matcher plain = PLAIN_CALL.matcher(code);
                while (plain.find()) {
                    enqueue(owner + "." + plain.group(1), unvisited);
                }
                // an instance call resolves to the classes the body declares or builds (Hostile h = new Hostile(..))
                for (String type : typesNamed(code)) {
                    Matcher again = INSTANCE_CALL.matcher(code);
                    while (again.find()) {
                        enqueue(type + "." + again.group(1), unvisited);
                    }
                }
            }
        }
        return seen;
    }

    private Set<String> typesNamed(String code) {
        Set<String> types = new LinkedHashSet<>();
        Matcher m = Pattern.compile("\\b(?:new\\s+)?([A-Z]\\w*)\\s+\\w+\\s*[=;)]|\\bnew\\s+([A-Z]\\w*)\\s*\\(").matcher(code);
        while (m.find()) {
            types.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return types;
    }

    private void enqueue(String method, Deque<String> unvisited) {
        if (bodies.containsKey(method)) {
            unvisited.push(method);
        }
    }

    private void index(String className, String source) {
        String code = stripLiterals(source);
        Matcher header = HEADER.matcher(code);
        int from = 0;
        while (header.find(from)) {
            String name = header.group(1);
            int open = header.end() - 1;
            int close = matching(code, open);
            if (!KEYWORDS.contains(name) && !Character.isUpperCase(name.charAt(0)) && !precededByNew(code, header.start())) {
                bodies.computeIfAbsent(className + "." + name, k -> new ArrayList<>()).add(source.substring(open, close));
            }
            from = open + 1;  // nested declarations (anonymous classes, records) are indexed too
        }
    }

    private static boolean precededByNew(String code, int at) {
        String before = code.substring(Math.max(0, at - 8), at).trim();
        return before.endsWith("new") || before.endsWith(".");
    }

    private static int matching(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i + 1;
            }
        }
        return code.length();
    }

    /** The source with string, char and comment contents blanked (same length, so offsets hold). */
    static String stripLiterals(String source) {
        StringBuilder out = new StringBuilder(source);
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = blank(out, i, end < 0 ? source.length() : end);
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = blank(out, i, end < 0 ? source.length() : end + 2);
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                i = blank(out, i + 3, end < 0 ? source.length() : end) + 3;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < source.length() && source.charAt(j) != c) {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                i = blank(out, i + 1, Math.min(j, source.length())) + 1;
            } else {
                i++;
            }
        }
        return out.toString();
    }

    private static int blank(StringBuilder out, int from, int to) {
        for (int k = from; k < to; k++) {
            if (out.charAt(k) != '\n') {
                out.setCharAt(k, ' ');
            }
        }
        return to;
    }
}
