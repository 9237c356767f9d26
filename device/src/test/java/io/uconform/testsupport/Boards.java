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
        VirtualEsp32 esp = VirtualEsp32.create(Esp32Options.of(ChipModel.ESP32, fs).withFaults(faults).withoutFlashTiming());
        esp.preload(ChipModel.ESP32.micropythonOffset(), SyntheticFirmware.micropython(ChipModel.ESP32, 64 * 1024, 42));
        esp.powerOn();
        Awaitility.await("the virtual ESP32 boots MicroPython").atMost(Duration.ofSeconds(10))
                .until(() -> esp.state() == VirtualEsp32.State.MICROPYTHON);
        return esp;
    }

    /** The link with a no-op close, for targets that close and reopen a link the test owns. */
    public static io.uconform.link.Link borrowed(io.uconform.link.Link link) {
        return new io.uconform.link.Link() {
            @Override
            public String name() {
                return link.name();
            }

            @Override
            public java.io.InputStream input() {
                return link.input();
            }

            @Override
            public java.io.OutputStream output() {
                return link.output();
            }

            @Override
            public void setControlLines(boolean dtr, boolean rts) throws java.io.IOException {
                link.setControlLines(dtr, rts);
            }

            @Override
            public void setBaudRate(int baud) throws java.io.IOException {
                link.setBaudRate(baud);
            }

            @Override
            public void setReadTimeout(Duration timeout) throws java.io.IOException {
                link.setReadTimeout(timeout);
            }

            @Override
            public void close() {
                // the test owns the link
            }
        };
    }

    /** Whether python3 is on PATH (the virtual ESP32 runs MicroPython code with it). */
    public static boolean pythonAvailable() {
        return io.uconform.simulator.host.Interpreter.find("python3").isPresent();
    }
}
