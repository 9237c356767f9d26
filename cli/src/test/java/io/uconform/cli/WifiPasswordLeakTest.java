package io.uconform.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real-target chain on the virtual ESP32 with Wi-Fi credentials from a config file: the
 * password reaches the board (it joins the network named there) and then appears in none of what
 * the run leaves behind: the CLI's output and log, the console captures and transcripts inside the
 * reports, report.json, report.html, the JUnit XML.
 */
@Timeout(300)
class WifiPasswordLeakTest {

    @TempDir
    Path dir;

    @Test
    void wifiPasswordAppearsInNoLogConsoleOrReport() throws Exception {
        assumeTrue(pythonOnPath(), "python3 is not on PATH: the virtual ESP32 runs its firmware under python3");
        String ssid = "leak-test-net";
        String password = "canary-" + UUID.randomUUID();
        Path credentials = dir.resolve("wifi.json");
        Files.writeString(credentials, "{\"ssid\":\"" + ssid + "\",\"password\":\"" + password + "\"}");
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-------"));
        Path reports = dir.resolve("reports");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = Uconform.execute(new String[] {"run", "--verbose", "--target", "esp32",
                "--option", "virtual=esp32", "--option", "credentials=" + credentials,
                "--profile", profile("CORE", "GPIO", "SYS", "BOOT").toString(), "--report-dir", reports.toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(exit).as("exit code; stderr: %s", err).isZero();
        String reportJson = Files.readString(reports.resolve("report.json"));
        assertThat(reportJson).as("the board joined the network of the credentials file")
                .contains("station '" + ssid + "'");
        List<Path> scanned = new ArrayList<>();
        try (Stream<Path> files = Files.walk(reports)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).as("%s", file).doesNotContain(password);
                scanned.add(file);
            }
        }
        assertThat(out.toString()).as("CLI output and log").doesNotContain(password).contains("passed");
        assertThat(err.toString()).as("CLI error output and log").doesNotContain(password);
        assertThat(scanned).extracting(p -> p.getFileName().toString())
                .contains("report.json", "report.html").anyMatch(n -> n.endsWith(".xml"));
    }

    /** The reference profile narrowed to a few groups, so the run stays short. */
    private Path profile(String... groups) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode reference;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("profiles/reference.json")) {
            reference = (ObjectNode) json.readTree(in);
        }
        reference.put("name", "leak-scan");
        reference.putArray("groups").addAll(Stream.of(groups).map(json.getNodeFactory()::textNode).toList());
        Path file = dir.resolve("leak-scan.json");
        json.writeValue(file.toFile(), reference);
        return file;
    }

    private static boolean pythonOnPath() {
        return io.uconform.simulator.host.Interpreter.find("python3").isPresent();
    }
}
