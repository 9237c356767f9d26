package io.uconform.testsupport;

import io.uconform.simulator.esp32.ChipModel;
import io.uconform.simulator.esp32.Esp32Faults;
import io.uconform.simulator.esp32.Esp32Options;
import io.uconform.simulator.esp32.SyntheticFirmware;
import io.uconform.simulator.esp32.VirtualEsp32;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;

/** Virtual boards for device tests. */
public final class Boards {

    private Boards() {
    }

    /** A powered ESP32 with MicroPython in flash, booted to its REPL. */
    public static VirtualEsp32 bootedMicroPython(Path fs, Esp32Faults faults) {
        VirtualEsp32 esp = VirtualEsp32.create(Esp32Options.of(ChipModel.ESP32, fs).withFaults(faults));
        esp.preload(ChipModel.ESP32.micropythonOffset(), SyntheticFirmware.micropython(ChipModel.ESP32, 64 * 1024, 42));
        esp.powerOn();
        Awaitility.await("the virtual ESP32 boots MicroPython").atMost(Duration.ofSeconds(10))
                .until(() -> esp.state() == VirtualEsp32.State.MICROPYTHON);
        return esp;
    }

    public static boolean pythonAvailable() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            return p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
