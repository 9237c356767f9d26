package io.uconform.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.uconform.simulator.SimulatedDevice;
import io.uconform.simulator.SimulatorLauncher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run of each target kind, in its own JVM with a private {@code java.io.tmpdir}, stopped by
 * SIGTERM or SIGINT ({@code kill -TERM}/{@code kill -INT}) once checks are running: it exits 143 or 130, prints where the partial report
 * is, writes it (JSON, HTML, JUnit XML) marked interrupted, and leaves no process of its tree alive
 * and no file in its temp directory; while it ran, its temp directories were owner-only.
 */
@Timeout(180)
class InterruptedRunTest {

    /**
     * A check that ran against the target (a skip may be printed before any instance started:
     * classes run concurrently in a pool, and profile-role skips need no target).
     */
    private static final Pattern CHECK_LINE = Pattern.compile("^\\s*\\d+ (pass|FAIL) ");
    private static final Duration FIRST_CHECK = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    private enum Signal {
        TERM(143), INT(130);

        final int exitCode;

        Signal(int exitCode) {
            this.exitCode = exitCode;
        }
    }

    @Test
    void simStoppedBySigterm() throws Exception {
        interrupt(Signal.TERM, false, true, "--target", "sim");
    }

    @Test
    void hostUnderPython3StoppedBySigint() throws Exception {
        assumeTrue(python3(), "python3 is not on PATH: the host target runs the firmware under it");
        interrupt(Signal.INT, true, true, "--target", "host", "--option", "interpreter=python3");
    }

    @Test
    void virtualEsp32StoppedBySigterm() throws Exception {
        assumeTrue(python3(), "python3 is not on PATH: the virtual ESP32 runs its firmware under it");
        interrupt(Signal.TERM, true, true, "--target", "esp32", "--option", "virtual=esp32");
    }

    @Test
    void urlStoppedBySigint() throws Exception {
        try (SimulatedDevice device = SimulatorLauncher.start("esp32-devkitc", 0, 0)) {
            interrupt(Signal.INT, false, false, "--target", "url", "--option", "url=" + device.baseUri(),
                    "--profile", "http11-embedded");
        }
    }

    private void interrupt(Signal signal, boolean spawnsChildren, boolean makesTempDirs, String... runArgs) throws Exception {
        if (signal == Signal.INT) {
            assumeTrue(envResetsSignals(), "env --default-signal is missing: a background JVM may ignore SIGINT");
        }
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path reports = dir.resolve("reports");
        List<String> command = new ArrayList<>();
        if (signal == Signal.INT) {
            command.addAll(List.of("env", "--default-signal=INT")); // a job started in the background ignores SIGINT
        }
        command.addAll(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Djava.io.tmpdir=" + tmp, "-Duconform.firmware=" + firmware(),
                "-cp", System.getProperty("java.class.path"), Uconform.class.getName(), "run", "--report-dir", reports.toString()));
        command.addAll(List.of(runArgs));
        Process run = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> read(run, output), "interrupted-run-output");
        reader.start();
        try {
            await("a check of the run that ran against the target").atMost(FIRST_CHECK)
                    .until(() -> output.stream().anyMatch(l -> CHECK_LINE.matcher(l).find()) || !run.isAlive());
            assertThat(run.isAlive()).as("the run is still going; output: %s", output).isTrue();
            List<ProcessHandle> children = run.toHandle().descendants().toList();
            if (spawnsChildren) {
                assertThat(children).as("the target's processes (interpreters) while checks run").isNotEmpty();
            }
            try (Stream<Path> live = Files.list(tmp)) {
                List<Path> dirs = live.filter(Files::isDirectory).toList();
                assertThat(dirs.isEmpty()).as("no temp directory while checks run: %s", dirs).isEqualTo(!makesTempDirs);
                assertThat(dirs).as("the run's temp directories while checks run")
                        .allSatisfy(d -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(d)))
                                .as("permissions of %s", d).isEqualTo("rwx------"));
            }

            send(signal, run);

            assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("the run exits after the signal").isTrue();
            reader.join(5000);
            assertThat(run.exitValue()).as("exit code; output: %s", output).isEqualTo(signal.exitCode);
            assertThat(output).anyMatch(l -> l.startsWith("uconform: interrupted: partial report of"))
                    .contains("  report.json: " + reports.resolve("report.json").toAbsolutePath());
            assertThat(Files.readString(reports.resolve("report.json"))).contains("\"interrupted\" : \"interrupted by a signal");
            assertThat(Files.readString(reports.resolve("report.html"))).contains("<strong>Interrupted:</strong>");
            assertThat(Files.readString(reports.resolve("TEST-junit-jupiter.xml"))).contains("uconform.interrupted", "<testcase");
            await("the killed run's processes gone").atMost(Duration.ofSeconds(5))
                    .until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
            try (Stream<Path> left = Files.list(tmp)) {
                assertThat(left.toList()).as("files the run left in its temp directory").isEmpty();
            }
        } finally {
            run.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
        }
    }

    /** By kill(1): Process.destroy() would send SIGTERM too, but close the output the test still reads. */
    private static void send(Signal signal, Process run) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal.name(), Long.toString(run.pid())).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -%s", signal).isTrue();
    }

    private static void read(Process run, List<String> output) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                output.add(line);
            }
        } catch (IOException e) {
            output.add("(output ended: " + e.getMessage() + ")");
        }
    }

    private static Path firmware() {
        return Path.of("").toAbsolutePath().getParent().resolve("server").resolve("firmware");
    }

    private static boolean python3() {
        return io.uconform.simulator.host.Interpreter.find("python3").isPresent();
    }

    private static boolean envResetsSignals() {
        try {
            Process p = new ProcessBuilder("env", "--default-signal=INT", "true").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
