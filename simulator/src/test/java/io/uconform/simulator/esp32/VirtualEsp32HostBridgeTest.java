package io.uconform.simulator.esp32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.uconform.simulator.board.BoardProfiles;
import io.uconform.simulator.board.VirtualBoard;
import io.uconform.simulator.bridge.HostBridge;
import io.uconform.simulator.bridge.VirtualAccessPoint;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Code on the virtual ESP32 drives the virtual board through the stand-in machine/network modules. */
@Timeout(30)
class VirtualEsp32HostBridgeTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path fs;
    @TempDir
    Path runtime;

    @Test
    void machinePinAndWlanReachTheVirtualBoard() throws Exception {
        assumeTrue(new ProcessBuilder("python3", "--version").start().waitFor() == 0, "python3 is not on PATH");
        VirtualBoard board = VirtualBoard.powerOn(BoardProfiles.ESP32_DEVKITC);
        try (HostBridge bridge = HostBridge.start(board, new VirtualAccessPoint("uconform-ap", "ap-pass-1"));
             VirtualEsp32 esp = VirtualEsp32.create(Esp32Options.of(ChipModel.ESP32, fs)
                     .withHostBridge(HostRuntime.extractTo(runtime), bridge.address()))) {
            esp.preload(0x1000, SyntheticFirmware.micropython(ChipModel.ESP32, 64 * 1024, 5));
            SerialScript serial = new SerialScript(esp.hostLink());
            esp.powerOn();
            serial.readUntil(">>> ", WAIT);
            serial.send("import machine, network\r");
            serial.readUntil(">>> ", WAIT);
            serial.send("machine.Pin(2, machine.Pin.OUT).value(1)\r");
            serial.readUntil(">>> ", WAIT);
            assertThat(board.pin(2).value()).isEqualTo(1);
            serial.send("w = network.WLAN(network.STA_IF); w.active(True); w.connect('uconform-ap', 'ap-pass-1')\r");
            serial.readUntil(">>> ", WAIT);
            serial.send("print('joined', w.isconnected())\r");
            assertThat(serial.readUntil(">>> ", WAIT)).contains("joined True");
        }
    }
}
