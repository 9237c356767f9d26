package io.uconform.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.uconform.checks.AuthChecks;
import io.uconform.checks.CoreChecks;
import io.uconform.checks.CorsChecks;
import io.uconform.checks.GpioChecks;
import io.uconform.checks.MethodChecks;
import io.uconform.checks.SecretChecks;
import io.uconform.checks.SystemChecks;
import io.uconform.record.RecordedCheck;
import io.uconform.record.RecordedRun;
import io.uconform.suite.SuiteSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Record and replay proven on the suite itself: a {@code sim} run and a virtual-ESP32 run are
 * recorded ({@code record=DIR}), each recording is replayed through the {@code replay} kind, and
 * every replayable check must get its recorded verdict; one edited response makes exactly the
 * check that reads it fail.
 */
class RecordReplayTest {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * Groups CORE, METH, AUTH, CORS, GPIO, SYS and SEC: plain HTTP, a probe, a reset, fresh names,
     * credentials and Wi-Fi passwords. (ERR, FILE and UP replay as well, but their raw and upload
     * checks cost the budget of this test.)
     */
    static final List<Class<?>> SIM_CLASSES = List.of(CoreChecks.class, MethodChecks.class, AuthChecks.class,
            CorsChecks.class, GpioChecks.class, SystemChecks.class, SecretChecks.class);
    /** Groups CORE, METH and GPIO on the virtual ESP32 (its boot costs seconds; the rest is the same chain). */
    static final List<Class<?>> ESP32_CLASSES = List.of(CoreChecks.class, MethodChecks.class, GpioChecks.class);

    @TempDir
    static Path simDir;
    private static SuiteRun simRecorded;

    /** The sim run, recorded once for both sim tests. */
    @BeforeAll
    static void recordSim() {
        ClientWarmUp.once();
        simRecorded = SuiteRun.of(SIM_CLASSES, SuiteRun.pooled(Map.of("target", "sim", "record", simDir.toString()), 4));
        System.out.println("sim recorded in " + simRecorded.millis() + " ms: " + SuiteRun.describe(simRecorded.classSpans()));
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void simReplaysWithItsRecordedVerdicts() {
        SuiteRun replayed = replay(SIM_CLASSES, simDir);
        System.out.println("sim replayed in " + replayed.millis() + " ms: " + SuiteRun.describe(replayed.classSpans()));
        replayed.durations().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
                .forEach(e -> System.out.println("  slow: " + e));

        assertReplayedAsRecorded(RecordedRun.read(simDir), simRecorded, replayed);
    }

    /** The profile's credentials appear in no file of the recording: plain, Basic (base64) or URL-encoded. */
    @Test
    void theRecordingHoldsNoSecret() throws IOException {
        String password = io.uconform.profile.Profiles.load("reference").param("authPassword").orElseThrow();
        String user = io.uconform.profile.Profiles.load("reference").param("authUser").orElseThrow();
        String basic = java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<Path> files;
        try (java.util.stream.Stream<Path> walk = Files.walk(simDir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).as("recording files").hasSizeGreaterThan(50);
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(text).as("%s", simDir.relativize(file)).doesNotContain(password, basic,
                    java.net.URLEncoder.encode(user + ":" + password, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(RecordedRun.read(simDir).checks().values().stream().flatMap(c -> c.transcript().stream()))
                .as("transcripts kept, masked").anyMatch(line -> line.contains(io.uconform.console.SecretMask.MASK));
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void virtualEsp32ReplaysWithItsRecordedVerdicts(@TempDir Path dir) {
        assumeTrue(io.uconform.simulator.host.Interpreter.find("python3").isPresent(),
                "python3 is not on PATH: the virtual ESP32 runs code with it");
        SuiteRun recorded = SuiteRun.of(ESP32_CLASSES, Map.of("target", "esp32",
                "target.options", "virtual=esp32;bootTimeoutSeconds=90", "record", dir.toString()));
        assertThat(recorded.checksRun()).as("checks run on the virtual ESP32: %s", recorded.failureSummary()).isPositive();

        System.out.println("esp32 recorded in " + recorded.millis() + " ms");
        SuiteRun replayed = replay(ESP32_CLASSES, dir);
        System.out.println("esp32 replayed in " + replayed.millis() + " ms");

        assertReplayedAsRecorded(RecordedRun.read(dir), recorded, replayed);
    }

    /**
     * One reply of the recording edited (the index that {@code indexListsItself} read, now listing
     * another route): that check fails on the replay; every other check keeps its verdict.
     */
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void anEditedResponseFailsExactlyTheCheckThatReadsIt(@TempDir Path copy) throws IOException {
        copyTree(simDir, copy);
        SuiteRun before = replay(List.of(CoreChecks.class), copy);
        String edited = "CoreChecks.indexListsItself";
        assertThat(before.verdicts()).containsEntry(edited, "passed");
        Path mapping = copy.resolve("mappings/" + edited + "-1.json");
        com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode)
                JSON.readTree(mapping.toFile());
        com.fasterxml.jackson.databind.node.ObjectNode response = (com.fasterxml.jackson.databind.node.ObjectNode)
                json.get("response");
        byte[] body = "{\"data\":{\"name\":\"edited\",\"routes\":[\"/other\"]}}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(copy.resolve("__files").resolve(response.get("bodyFileName").asText()), body);
        ((com.fasterxml.jackson.databind.node.ObjectNode) response.get("headers"))
                .put("content-length", Integer.toString(body.length));
        JSON.writeValue(mapping.toFile(), json);

        SuiteRun after = replay(List.of(CoreChecks.class), copy);

        Map<String, String> changed = new TreeMap<>();
        after.verdicts().forEach((id, verdict) -> {
            if (!stable(verdict).equals(stable(before.verdicts().get(id)))) {
                changed.put(id, verdict);
            }
        });
        assertThat(changed).as("verdicts changed by editing %s", mapping.getFileName()).containsOnlyKeys(edited);
        assertThat(changed.get(edited)).isEqualTo("failed");
        assertThat(after.failed()).singleElement().satisfies(o -> assertThat(o.message()).isNotBlank());
    }

    /** A verdict without the fresh name a stray request carries. */
    private static String stable(String verdict) {
        return verdict.replaceFirst("not replayable: sent \\S+ \\S+", "not replayable: sent (a fresh request)");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    static SuiteRun replay(List<Class<?>> classes, Path dir) {
        return SuiteRun.of(classes, SuiteRun.pooled(Map.of("target", "replay",
                SuiteSettings.OPTIONS_JSON, SuiteSettings.optionsJson(Map.of("dir", dir.toString()))), 1));
    }

    /**
     * Every check the recording calls replayable has its recorded verdict on the replay, or was
     * found to send what the recording does not hold (a fresh name) and skipped for it; every other
     * check is skipped as not replayable.
     */
    static void assertReplayedAsRecorded(RecordedRun recording, SuiteRun recorded, SuiteRun replayed) {
        Map<String, String> expected = new TreeMap<>();
        Map<String, String> got = new TreeMap<>();
        int strayed = 0;
        for (RecordedCheck check : recording.checks().values()) {
            String verdict = replayed.verdicts().getOrDefault(check.id(), "(not in the replay)");
            if (!check.replayable()) {
                assertThat(verdict).as("%s, not replayable", check.id()).contains("not replayable: ");
            } else if (verdict.contains("not replayable: sent ")) {
                strayed++;
            } else {
                expected.put(check.id(), check.status());
                got.put(check.id(), verdict);
            }
        }
        System.out.printf("replay of %s: %d checks recorded, %d replayed with their verdicts, %d skipped for a fresh"
                + " name, %d not replayable%n", recording.target(), recording.checks().size(), expected.size(), strayed,
                recording.checks().size() - expected.size() - strayed);
        assertThat(got).isEqualTo(expected);
        assertThat(expected).as("checks replayed with a verdict").hasSizeGreaterThan(recording.checks().size() / 4);
        assertThat(recording.checks().keySet()).as("every check that ran on the recorded target is in the recording")
                .containsAll(recorded.passed().stream().map(SuiteRun.Outcome::check).toList());
    }
}
