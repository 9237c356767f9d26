package io.uconform.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uconform.client.HttpExchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A recording directory in WireMock's own layout, so that WireMock (or anyone) serves it as is:
 * {@code mappings/<check>-<n>.json} (one stub per distinct request of a check),
 * {@code __files/<check>-<n>.body} (the reply bodies), {@code checks/<check>.json} (verdict,
 * timing, transcript, console and why a check is not replayable, {@link RecordedCheck}) and
 * {@code target.json} (the recorded target's name, facts and limits). Everything is masked
 * before it is written. Thread-safe: checks finish side by side.
 */
public final class Recording {

    /** Configuration parameter (and system property, e.g. Maven {@code -Drecord=DIR}): the directory to record into. */
    public static final String PARAMETER = "record";
    static final String MAPPINGS = "mappings";
    static final String FILES = "__files";
    static final String CHECKS = "checks";
    static final String TARGET = "target.json";
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private boolean targetWritten;

    private Recording(Path dir) {
        this.dir = dir;
    }

    /**
     * Opens {@code dir} for recording, creating its folders. A recording must not mix two runs:
     * a directory that already holds mappings is refused.
     *
     * @throws IllegalArgumentException one line naming the directory and the problem
     */
    public static Recording into(Path dir) {
        if (Files.isDirectory(dir.resolve(MAPPINGS)) && !isEmpty(dir.resolve(MAPPINGS))) {
            throw new IllegalArgumentException("record directory " + dir + " already holds a recording ("
                    + MAPPINGS + "/ is not empty); give a new or empty directory");
        }
        try {
            Files.createDirectories(dir.resolve(MAPPINGS));
            Files.createDirectories(dir.resolve(FILES));
            Files.createDirectories(dir.resolve(CHECKS));
        } catch (IOException e) {
            throw new IllegalArgumentException("record directory " + dir + " cannot be created: " + e.getMessage(), e);
        }
        return new Recording(dir);
    }

    public Path dir() {
        return dir;
    }

    /** The file-safe form of a check id. */
    public static String fileName(String checkId) {
        return UNSAFE.matcher(checkId).replaceAll("_");
    }

    /** Writes {@code target.json} once (the first check that finished reports the target). */
    public synchronized void target(String label, Map<String, String> facts, Map<String, Long> limits,
                                    String profile, UnaryOperator<String> mask) {
        if (targetWritten) {
            return;
        }
        ObjectNode target = JSON.createObjectNode();
        target.put("target", label);
        target.put("profile", profile);
        ObjectNode factsNode = target.putObject("facts");
        new TreeMap<>(facts).forEach((k, v) -> factsNode.put(k, mask.apply(v)));
        if (!limits.isEmpty()) {
            ObjectNode limitsNode = target.putObject("limits");
            limits.forEach(limitsNode::put);
        }
        write(dir.resolve(TARGET), target);
        targetWritten = true;
    }

    /** Writes one check's record and its exchanges as stub mappings (masked with {@code mask}). */
    public void check(RecordedCheck check, List<HttpExchange> exchanges, UnaryOperator<String> mask) {
        String file = fileName(check.id());
        for (StubMappings.Stub stub : new StubMappings(JSON, mask).of(check.id(), exchanges)) {
            String name = fileName(stub.name());
            if (stub.bodyFile() != null) {
                String bodyFile = fileName(stub.bodyFile());
                stub.mapping().with("response").put("bodyFileName", bodyFile);
                writeBytes(dir.resolve(FILES).resolve(bodyFile), stub.body());
            }
            write(dir.resolve(MAPPINGS).resolve(name + ".json"), stub.mapping());
        }
        write(dir.resolve(CHECKS).resolve(file + ".json"), JSON.valueToTree(check));
    }

    private static void write(Path file, Object tree) {
        try {
            JSON.writeValue(file.toFile(), tree);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the recording file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void writeBytes(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the recording file " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean isEmpty(Path dir) {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
