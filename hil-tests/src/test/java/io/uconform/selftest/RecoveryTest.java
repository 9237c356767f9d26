package io.uconform.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.uconform.checks.CoreChecks;
import io.uconform.checks.GpioChecks;
import io.uconform.checks.SystemChecks;
import io.uconform.simulator.host.FirmwareLocator;
import io.uconform.suite.ReportKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A target serving its recovery app is not healthy: the firmware on {@code host} (CPython) made to
 * boot into recovery, or to fall into it mid-run, gives "not run: target in recovery (reason)" for
 * the checks it could not run, after one restart, never a wall of unrelated failures.
 */
class RecoveryTest {

    static final String SETUP_FAILS = "def setup(app, device, root):\n"
            + "    raise MemoryError('memory allocation failed, allocating 1552 bytes')\n";

    /** The reference app, except that answering an LED route crashes the server loop (an `after` hook raises). */
    static final String LED_CRASHES = "from apps import real\n"
            + "from uconform import response\n\n\n"
            + "def setup(app, device, root):\n"
            + "    real.setup(app, device, root)\n"
            + "    for path in ('/led', '/led/on', '/led/off', '/led/toggle'):\n"
            + "        app.route(path, _led, ('GET',))\n"
            + "        app.routes.insert(0, app.routes.pop())\n\n\n"
            + "def _led(req):\n"
            + "    resp = response.data({'pin': 2, 'value': 0})\n"
            + "    resp.after = _crash\n"
            + "    return resp\n\n\n"
            + "def _crash():\n"
            + "    raise RuntimeError('an LED route crashed the loop')\n";

    static Path firmwareWith(Path dir, String referenceApp, boolean keepReal) throws IOException {
        Path source = FirmwareLocator.referenceFirmware().orElseThrow();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = dir.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        if (keepReal) {
            Files.copy(dir.resolve("apps/reference.py"), dir.resolve("apps/real.py"));
        }
        Files.writeString(dir.resolve("apps/reference.py"), referenceApp);
        return dir;
    }

    static Map<String, String> host(Path app) {
        return Map.of("target", "host", "target.interpreter", "python3", "target.app", app.toString());
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aFirmwareThatBootsIntoRecoveryGivesNotRunWithTheReason(@TempDir Path dir) throws IOException {
        assumeTrue(onPath("python3"), "python3 is not on PATH");
        SuiteRun run = SuiteRun.of(List.of(CoreChecks.class, SystemChecks.class), host(firmwareWith(dir, SETUP_FAILS, false)));

        String reason = "not run: target in recovery (app: 'reference' failed in setup "
                + "(MemoryError: memory allocation failed, allocating 1552 bytes))";
        assertThat(run.failed()).as("failed checks").isEmpty();
        assertThat(run.passed()).as("passed checks").isEmpty();
        assertThat(run.notRun()).as("checks not run").hasSizeGreaterThan(10)
                .allSatisfy(o -> assertThat(o.message()).as("reason of %s", o).endsWith(reason));
        assertThat(run.reportEntries(ReportKeys.DOWN)).as("down entries").isNotEmpty()
                .allSatisfy(e -> assertThat(e).contains("in recovery: app: 'reference' failed in setup"));
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aFirmwareThatFallsIntoRecoveryMidRunIsRestartedOnceThenNotRun(@TempDir Path dir) throws IOException {
        assumeTrue(onPath("python3"), "python3 is not on PATH");
        SuiteRun run = SuiteRun.of(List.of(GpioChecks.class, SystemChecks.class),
                host(firmwareWith(dir, LED_CRASHES, true)));

        String reason = "crash: RuntimeError: an LED route crashed the loop";
        assertThat(run.reportEntries(ReportKeys.RESTARTED)).as("restarts after falling into recovery").singleElement()
                .asString().contains("fell into recovery").contains(reason).endsWith("; restarted");
        assertThat(run.reportEntries(ReportKeys.DOWN)).as("still in recovery after the one restart").isNotEmpty()
                .allSatisfy(e -> assertThat(e).contains("recovery").contains(reason));
        assertThat(run.notRun()).as("checks not run because of recovery")
                .filteredOn(o -> o.message().endsWith("not run: target in recovery (" + reason + ")")).isNotEmpty();
        assertThat(run.passed()).as("checks that ran before (and between) the falls").isNotEmpty();
    }

    static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, command)));
    }
}
