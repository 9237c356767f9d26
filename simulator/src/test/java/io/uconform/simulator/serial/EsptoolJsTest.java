package io.uconform.simulator.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.uconform.simulator.esp32.ChipModel;
import io.uconform.simulator.esp32.Esp32Options;
import io.uconform.simulator.esp32.SyntheticFirmware;
import io.uconform.simulator.esp32.VirtualEsp32;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real third-party client: Espressif's esptool-js from npm (installed into target/esptool-js at
 * test time, never committed) runs under Node against the virtual ESP32 served over RFC 2217, with a
 * small Web-Serial-like port over TCP in the test tree: connect and detect the chip, write a 256 KB
 * image compressed at 921600, verify it by MD5, read it back, hard reset into the app. Skipped with
 * the reason when node or npm is missing or the package cannot be installed (offline).
 */
class EsptoolJsTest {

    static final String PACKAGE = "esptool-js@0.7.0";
    private static final Path SCRIPT = Path.of("src/test/node/esptool-js-over-rfc2217.mjs").toAbsolutePath();

    @Test
    @Timeout(300)
    void esptoolJsFlashesVerifiesReadsBackAndResetsTheVirtualEsp32(@TempDir Path fs) throws Exception {
        assumeTrue(onPath("node"), "node is not on PATH");
        assumeTrue(onPath("npm"), "npm is not on PATH");
        Path prefix = Path.of("target", "esptool-js").toAbsolutePath();
        Files.createDirectories(prefix);
        Path installed = prefix.resolve("node_modules/esptool-js/lib/index.js");
        if (!Files.exists(installed)) {
            Run install = run(prefix, Duration.ofSeconds(180), List.of("npm", "install", "--no-save", "--no-audit",
                    "--no-fund", "--prefix", prefix.toString(), PACKAGE));
            assumeTrue(install.exitCode == 0 && Files.exists(installed),
                    "npm could not install " + PACKAGE + " (offline?): " + install.tail(3));
        }
        byte[] image = SyntheticFirmware.micropython(ChipModel.ESP32, 256 * 1024, 2026);
        Path imageFile = fs.resolve("image.bin");
        Files.write(imageFile, image);
        try (VirtualEsp32 esp = VirtualEsp32.create(Esp32Options.of(ChipModel.ESP32, fs.resolve("board"))
                .withoutFlashTiming());
             Rfc2217Server server = Rfc2217Server.start(esp.hostLink(), 0, line -> { })) {
            esp.powerOn();
            Run js = run(prefix, Duration.ofSeconds(240), List.of("node", SCRIPT.toString(),
                    prefix.resolve("node_modules").toString(), String.valueOf(server.port()), imageFile.toString(),
                    "1000", "921600"));
            assertThat(js.timedOut).as("esptool-js run timed out:\n%s", js.tail(30)).isFalse();
            assertThat(js.output).as("esptool-js run:\n%s", js.tail(40))
                    .contains("STEP connect ok ESP32-D0WD-V3", "STEP write ok", "STEP verify ok", "STEP read-back ok",
                            "STEP hard-reset ok", "ESPTOOLJS RESULT ok");
            assertThat(js.exitCode).isZero();
            assertThat(esp.flashMd5(0x1000, image.length)).as("what esptool-js wrote is in flash")
                    .isEqualTo(md5(image));
            org.awaitility.Awaitility.await("the app booting after esptool-js's hard reset").atMost(Duration.ofSeconds(10))
                    .until(() -> esp.state() == VirtualEsp32.State.MICROPYTHON);
        }
    }

    private static String md5(byte[] data) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(data));
    }

    private record Run(int exitCode, boolean timedOut, String output) {
        String tail(int lines) {
            List<String> all = output.lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        }
    }

    private static Run run(Path dir, Duration timeout, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread pump = new Thread(() -> {
            try {
                p.getInputStream().transferTo(out);
            } catch (IOException e) {
                // the process ended
            }
        }, "esptool-js-output");
        pump.setDaemon(true);
        pump.start();
        boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!done) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        pump.join(5000);
        return new Run(done ? p.exitValue() : -1, !done, out.toString(StandardCharsets.UTF_8));
    }

    private static boolean onPath(String name) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, name)));
    }
}
