package io.uconform.kind.renode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uconform.console.ConsoleLine;
import io.uconform.kind.renode.support.FakeLauncher;
import io.uconform.kind.renode.support.TranscriptMonitor;
import io.uconform.probe.LoopbackWires;
import io.uconform.profile.Profiles;
import io.uconform.simulator.bridge.VirtualAccessPoint;
import io.uconform.simulator.esp32.ChipModel;
import io.uconform.simulator.serial.RawTcpServer;
import io.uconform.simulator.esp32.VirtualDevBoard;
import io.uconform.simulator.host.FirmwareLocator;
import io.uconform.spi.RunningTarget;
import io.uconform.spi.TargetSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole start chain with the emulator replaced: the monitor is the written transcript, the
 * board's UART is the in-process virtual board's raw serial port (its MicroPython REPL model runs
 * the firmware with a host interpreter). What it proves: the script is sent, the real-time factor
 * measured, the app and config.json pushed over the raw REPL, the board rebooted and the READY line's
 * URL taken. The virtual board has no network.LAN, so the firmware says so and serves on the static
 * address it was given; Ethernet itself is not exercised here.
 */
@Timeout(180)
class RenodeTargetTest {

    @TempDir
    Path dir;

    @Test
    void pushesTheAppWithTheWiredNetworkConfigRebootsAndTakesTheReadyLinesUrl() throws Exception {
        Path app = copyOfTheReferenceFirmware();
        Path image = Files.writeString(dir.resolve("fw.hex"), ":00000001FF\n");
        VirtualDevBoard board = new VirtualDevBoard(ChipModel.ESP32, Optional.empty(), Optional.empty(),
                new VirtualAccessPoint("uconform-test-ap", "not-used-here"), LoopbackWires.none(), o -> o);
        try (VirtualDevBoard.Running running = board.start(); RawTcpServer uart = running.esp().serveTcp();
             TranscriptMonitor renode = TranscriptMonitor.play("nucleo_f767zi_boot.txt",
                     Map.of("FIRMWARE", image.toAbsolutePath().toString(), "UART_PORT", String.valueOf(uart.port())))) {
            Iterator<Integer> ports = List.of(uart.port(), 9).iterator(); // UART first, then the monitor
            RenodeOptions options = RenodeOptions.parse(new TargetSpec("renode", Map.of(), Profiles.load("reference")));
            RenodeTarget target = new RenodeTarget(options, () -> new FakeLauncher(renode), () -> image, () -> app, ports::next);
            RunningTarget started;
            try {
                started = target.start();
            } finally {
                target.close();
            }
            assertThat(started.baseUri().getHost()).isEqualTo("192.0.2.2");
            assertThat(started.facts()).containsKeys("renode", "realTimeFactor", "image", "network", "script");
            assertThat(started.facts().get("renode")).startsWith("1.16.1.1525 (transcript)");
            assertThat(started.facts().get("realTimeFactor")).matches("0\\.\\d\\d \\(0\\.95 s virtual in 2\\.\\d\\d s\\)");
            List<String> console = started.console().lines().stream().map(ConsoleLine::text).toList();
            assertThat(console).anyMatch(l -> l.startsWith("[uconform] pushed "))
                    .anyMatch(l -> l.equals("[uconform] wrote config.json (board nucleo-f767zi, LAN 192.0.2.2)"))
                    .anyMatch(l -> l.contains("UCONFORM NET mode=lan error=this firmware has no network.LAN"));
            ObjectNode cfg = (ObjectNode) new ObjectMapper().readTree(running.filesystem().resolve("config.json").toFile());
            assertThat(cfg.at("/net/mode").asText()).isEqualTo("lan");
            assertThat(cfg.at("/device/board").asText()).isEqualTo("nucleo-f767zi");
            assertThat(renode.unexpected()).isEmpty();
            assertThat(renode.received()).endsWith("quit");
        }
    }

    /** The reference firmware with its server on a free loopback port (the test runs on this host). */
    private Path copyOfTheReferenceFirmware() throws Exception {
        Path source = FirmwareLocator.referenceFirmware().orElseThrow();
        Path copy = dir.resolve("app");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path rel = source.relativize(p);
                if (rel.startsWith("tests") || rel.startsWith("bench")) {
                    continue;
                }
                Path to = copy.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode cfg = (ObjectNode) json.readTree(copy.resolve("config.json").toFile());
        ((ObjectNode) cfg.get("server")).put("host", "127.0.0.1").put("port", 0);
        json.writeValue(copy.resolve("config.json").toFile(), cfg);
        return copy;
    }
}
