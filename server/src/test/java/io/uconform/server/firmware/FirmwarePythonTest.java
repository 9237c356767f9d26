package io.uconform.server.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs the reference firmware's Python tests (server/firmware/tests) with CPython: the
 * transport-free core, the poll loop over loopback sockets, boot and recovery.
 */
class FirmwarePythonTest {

    static final Path FIRMWARE = Path.of("firmware").toAbsolutePath();

    @Test
    @Timeout(240)
    void firmwareUnitTestsPassUnderCPython() {
        assumeTrue(ProcessRun.onPath("python3").isPresent(), "python3 is not on PATH");
        assertThat(FIRMWARE.resolve("main.py")).exists();
        ProcessRun run = ProcessRun.run(FIRMWARE, Duration.ofSeconds(200),
                List.of("python3", "-m", "unittest", "discover", "-s", "tests", "-t", "."));
        assertThat(run.timedOut()).as("python3 -m unittest timed out; last lines:\n%s", run.tail(30)).isFalse();
        assertThat(run.exitCode()).as("python3 -m unittest failed:\n%s", run.tail(60)).isZero();
        Matcher ran = Pattern.compile("Ran (\\d+) tests").matcher(run.output());
        assertThat(ran.find()).as("no unittest summary in:\n%s", run.tail(20)).isTrue();
        assertThat(Integer.parseInt(ran.group(1))).isGreaterThanOrEqualTo(40);
        System.out.println("firmware python tests: " + ran.group(0) + ", " + run.tail(1).trim());
    }

    @Test
    void firmwareLayoutIsADeviceFilesystem() {
        for (String file : List.of("boot.py", "main.py", "config.json", "lib/uconform/server.py",
                "apps/reference.py", "README.md")) {
            assertThat(Files.exists(FIRMWARE.resolve(file))).as("firmware/%s", file).isTrue();
        }
    }
}
