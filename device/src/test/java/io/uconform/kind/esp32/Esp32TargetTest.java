package io.uconform.kind.esp32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.uconform.console.ConsoleLine;
import io.uconform.credentials.DeviceSettings;
import io.uconform.credentials.WifiCredentials;
import io.uconform.profile.Profile;
import io.uconform.simulator.esp32.ChipModel;
import io.uconform.simulator.esp32.Esp32Faults;
import io.uconform.simulator.esp32.Esp32Options;
import io.uconform.simulator.esp32.SyntheticFirmware;
import io.uconform.simulator.esp32.VirtualEsp32;
import io.uconform.simulator.serial.RawTcpServer;
import io.uconform.spi.RunningTarget;
import io.uconform.spi.TargetException;
import io.uconform.spi.TargetSpec;
import io.uconform.testsupport.Boards;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(90)
class Esp32TargetTest {

    static final String PASSWORD = "hunter2-Very-Secret";
    static final WifiCredentials WIFI = new WifiCredentials("uconform-ap", PASSWORD);

    /** A stand-in firmware app: joins "Wi-Fi" from config.json, serves HTTP on loopback, announces itself. */
    static final String MAIN_PY = String.join("\n",
            "import json, threading, http.server",
            "cfg = json.load(open('config.json'))",
            "print('wifi: connecting to', cfg['sta']['ssid'], 'with', cfg['sta']['password'])",
            "if cfg['sta']['password'] != '" + PASSWORD + "':",
            "    raise OSError('wifi: wrong password')",
            "class H(http.server.BaseHTTPRequestHandler):",
            "    def do_GET(self):",
            "        body = b'{\"data\":\"hello\"}'",
            "        self.send_response(200)",
            "        self.send_header('Content-Length', str(len(body)))",
            "        self.end_headers()",
            "        self.wfile.write(body)",
            "    def log_message(self, *a):",
            "        pass",
            "srv = http.server.HTTPServer(('127.0.0.1', 0), H)",
            "threading.Thread(target=srv.serve_forever, daemon=True).start()",
            "print('UCONFORM READY url=http://127.0.0.1:%d/' % srv.server_address[1])",
            "import time",
            "while True:",
            "    time.sleep(0.2)",
            "");

    @TempDir
    Path fs;
    @TempDir
    Path work;

    @BeforeEach
    void needsPython() {
        assumeTrue(Boards.pythonAvailable(), "python3 is not on PATH: the virtual ESP32 runs code with it");
    }

    private Path app(String mainPy) throws Exception {
        Path app = Files.createDirectories(work.resolve("app"));
        Files.writeString(app.resolve("main.py"), mainPy);
        Files.createDirectories(app.resolve("lib"));
        Files.writeString(app.resolve("lib/helper.py"), "VALUE = 7\n");
        return app;
    }

    private Esp32TargetOptions options(Map<String, String> raw) {
        return Esp32TargetOptions.parse(new TargetSpec("esp32", raw, profile()), Map.of());
    }

    private static Profile profile() {
        return new Profile("test", "", java.util.Set.of(), Map.of(), io.uconform.profile.Limits.reference(), Map.of(),
                Map.of());
    }

    @Test
    void flashesPushesBootsAndServesOverTcpWithThePasswordMaskedEverywhere() throws Exception {
        Path image = work.resolve("micropython.bin");
        Files.write(image, SyntheticFirmware.micropython(ChipModel.ESP32, 512 * 1024, 11));
        try (VirtualEsp32 esp = VirtualEsp32.create(Esp32Options.of(ChipModel.ESP32, fs));
             RawTcpServer tcp = esp.serveTcp()) {
            esp.resetIntoBootloader(); // TCP has no reset lines: the board waits in the loader
            Esp32TargetOptions opts = options(Map.of("tcp", "127.0.0.1:" + tcp.port(), "image", image.toString(),
                    "app", app(MAIN_PY).toString(), "chip", "esp32", "boot-timeout-seconds", "20"));
            DeviceSettings settings = new DeviceSettings(Optional.of(WIFI), Optional.empty(), Optional.empty(), List.of());
            try (Esp32Target target = new Esp32Target(opts, settings, LinkOpener.from(opts))) {
                RunningTarget running = target.start();
                assertThat(running.baseUri().toString()).startsWith("http://127.0.0.1:");
                HttpResponse<String> reply = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(running.baseUri()).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(reply.body()).isEqualTo("{\"data\":\"hello\"}");
                assertThat(running.facts()).containsEntry("chip", "ESP32").containsEntry("image.flashed", "written")
                        .containsKey("firmware");
                assertThat(Files.readString(fs.resolve("lib/helper.py"))).isEqualTo("VALUE = 7\n");
                assertThat(Files.readString(fs.resolve("config.json"))).contains(PASSWORD); // on the board only
                List<String> lines = running.console().lines().stream().map(ConsoleLine::text).toList();
                assertThat(lines).anyMatch(l -> l.contains("wifi: connecting to uconform-ap with ****"));
                assertThat(lines).filteredOn(l -> l.contains(PASSWORD)).isEmpty();
            }
        }
    }

    @Test
    void aSecondStartSkipsTheIdenticalImageAndUnchangedFiles() throws Exception {
        byte[] firmware = SyntheticFirmware.micropython(ChipModel.ESP32, 256 * 1024, 12);
        Path image = work.resolve("micropython.bin");
        Files.write(image, firmware);
        try (VirtualEsp32 esp = VirtualEsp32.create(Esp32Options.of(ChipModel.ESP32, fs))) {
            esp.preload(0x1000, firmware);
            esp.powerOn();
            Esp32TargetOptions opts = options(Map.of("port", "virtual", "image", image.toString(),
                    "app", app(MAIN_PY).toString(), "boot-timeout-seconds", "20"));
            DeviceSettings settings = new DeviceSettings(Optional.of(WIFI), Optional.empty(), Optional.empty(), List.of());
            try (Esp32Target target = new Esp32Target(opts, settings, () -> Boards.borrowed(esp.hostLink()))) {
                RunningTarget running = target.start();
                assertThat(running.facts()).containsEntry("image.flashed", "already up to date");
                assertThat(running.console().lines()).extracting(ConsoleLine::text)
                        .anyMatch(l -> l.contains("pushed") && l.contains("2 written"));
                RunningTarget again = target.restart();
                assertThat(again.console().lines()).extracting(ConsoleLine::text)
                        .anyMatch(l -> l.contains("0 written (0 bytes), 2 up to date"));
            }
        }
    }

    @Test
    void aCrashingAppIsReportedWithItsException() throws Exception {
        try (VirtualEsp32 esp = Boards.bootedMicroPython(fs, Esp32Faults.none())) {
            Esp32TargetOptions opts = options(Map.of("port", "virtual", "app",
                    app("import nosuchmodule\n").toString(), "boot-timeout-seconds", "5"));
            DeviceSettings none = new DeviceSettings(Optional.empty(), Optional.empty(), Optional.empty(), List.of());
            try (Esp32Target target = new Esp32Target(opts, none, () -> esp.hostLink())) {
                assertThatThrownBy(target::start).isInstanceOf(TargetException.class)
                        .hasMessageContaining("no ready line matching")
                        .hasMessageContaining("the app crashed: ModuleNotFoundError: No module named 'nosuchmodule'");
            }
        }
    }

    @Test
    void aWifiFailureIsReportedWithItsReason() throws Exception {
        try (VirtualEsp32 esp = Boards.bootedMicroPython(fs, Esp32Faults.none())) {
            Esp32TargetOptions opts = options(Map.of("port", "virtual", "app", app(MAIN_PY).toString(),
                    "boot-timeout-seconds", "5"));
            DeviceSettings wrong = new DeviceSettings(Optional.of(new WifiCredentials("uconform-ap", "wrong-pass")),
                    Optional.empty(), Optional.empty(), List.of());
            try (Esp32Target target = new Esp32Target(opts, wrong, () -> esp.hostLink())) {
                assertThatThrownBy(target::start).isInstanceOf(TargetException.class)
                        .hasMessageContaining("Wi-Fi failed: OSError: wifi: wrong password")
                        .satisfies(e -> assertThat(((TargetException) e).details()).doesNotContain("wrong-pass"));
            }
        }
    }

    @Test
    void aBoardThatCrashesAtBootIsReportedAsSuch() throws Exception {
        try (VirtualEsp32 esp = VirtualEsp32.create(Esp32Options.of(ChipModel.ESP32, fs)
                .withFaults(Esp32Faults.none().withCrashOnBoot()))) {
            esp.preload(0x1000, SyntheticFirmware.micropython(ChipModel.ESP32, 64 * 1024, 13));
            Path image = work.resolve("fw.bin");
            Files.write(image, SyntheticFirmware.micropython(ChipModel.ESP32, 64 * 1024, 13));
            Esp32TargetOptions opts = options(Map.of("port", "virtual", "image", image.toString(),
                    "boot-timeout-seconds", "3"));
            DeviceSettings none = new DeviceSettings(Optional.empty(), Optional.empty(), Optional.empty(), List.of());
            try (Esp32Target target = new Esp32Target(opts, none, () -> esp.hostLink())) {
                assertThatThrownBy(target::start).isInstanceOf(TargetException.class)
                        .hasMessageContaining("no raw REPL")
                        .hasMessageContaining("the app crashed: Guru Meditation Error")
                        .satisfies(e -> assertThat(((TargetException) e).details()).contains("Guru Meditation Error"));
            }
        }
    }

    @Test
    void unavailableWithTheReasonWhenNoPortIsConfigured() {
        Esp32TargetKind kind = new Esp32TargetKind();
        assertThat(kind.name()).isEqualTo("esp32");
        TargetSpec none = new TargetSpec("esp32", Map.of("credentials", "/nonexistent/wifi.json"), profile());
        assertThat(kind.availability(none).isAvailable()).isFalse();
        TargetSpec missing = new TargetSpec("esp32", Map.of("port", "/dev/ttyNOPE9"), profile());
        assertThat(kind.availability(missing).reason()).contains("serial port /dev/ttyNOPE9 not found");
        assertThatThrownBy(() -> kind.create(new TargetSpec("esp32", Map.of("port", "/dev/x", "baud", "fast"), profile())))
                .isInstanceOf(TargetException.class).hasMessage("esp32: option baud must be a positive whole number, got 'fast'");
        assertThat(io.uconform.spi.TargetKinds.find("esp32")).isPresent();
    }
}
