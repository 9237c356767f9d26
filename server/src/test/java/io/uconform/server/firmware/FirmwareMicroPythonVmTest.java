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
 * Runs the firmware's transport-free core tests inside the real MicroPython VM: the WebAssembly
 * port from npm, installed into target/wasm at test time (never committed), driven by Node.
 * Skipped with the reason when node/npm are missing or the package cannot be installed (offline).
 */
class FirmwareMicroPythonVmTest {

    static final String PACKAGE = "@micropython/micropython-webassembly-pyscript@1.27.0";

    @Test
    @Timeout(400)
    void coreTestsPassInsideMicroPython() throws Exception {
        assumeTrue(ProcessRun.onPath("node").isPresent(), "node is not on PATH");
        assumeTrue(ProcessRun.onPath("npm").isPresent(), "npm is not on PATH");
        Path prefix = Path.of("target", "wasm").toAbsolutePath();
        Files.createDirectories(prefix);
        Path installed = prefix.resolve("node_modules/@micropython/micropython-webassembly-pyscript/micropython.mjs");
        if (!Files.exists(installed)) {
            ProcessRun install = ProcessRun.run(prefix, Duration.ofSeconds(180), List.of("npm", "install",
                    "--no-save", "--no-audit", "--no-fund", "--prefix", prefix.toString(), PACKAGE));
            assumeTrue(install.exitCode() == 0 && Files.exists(installed),
                    "npm could not install " + PACKAGE + " (offline?): " + install.tail(3).replace('\n', ' '));
        }
        Path firmware = FirmwarePythonTest.FIRMWARE;
        ProcessRun run = ProcessRun.run(firmware, Duration.ofSeconds(180), List.of("node",
                firmware.resolve("tests/wasm/run_core_tests.mjs").toString(), prefix.toString(), firmware.toString()));
        assertThat(run.timedOut()).as("MicroPython VM run timed out:\n%s", run.tail(30)).isFalse();
        assertThat(run.exitCode()).as("core tests failed inside MicroPython:\n%s", run.tail(40)).isZero();
        Matcher summary = Pattern.compile("MICROPYTHON VM TESTS passed=(\\d+) failed=(\\d+)").matcher(run.output());
        assertThat(summary.find()).as("no summary line in:\n%s", run.tail(20)).isTrue();
        assertThat(Integer.parseInt(summary.group(1))).isGreaterThanOrEqualTo(30);
        System.out.println(summary.group(0));
    }
}
