package io.uconform.simulator.esp32;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a {@link VirtualEsp32} is built. Immutable; start from {@link #of(ChipModel, Path)}.
 *
 * @param chip            the chip it is (and reports, unless a fault says otherwise)
 * @param flashSize       flash size in bytes (4 MB by default)
 * @param filesystem      the MicroPython filesystem: a host directory, the interpreter's cwd
 * @param faults          injected faults
 * @param modelLineSpeed  hold the device until bytes could have crossed the line at the current
 *                        baud (10 bits per byte), for throughput benchmarks
 * @param interpreter     what runs the board's MicroPython code: {@code auto} (the MicroPython unix
 *                        port when {@code micropython} is on PATH, else CPython), {@code micropython}
 *                        or {@code python3}
 * @param modulePath      the stand-in modules ({@link HostRuntime}); empty: the board brings its own
 *                        virtual board and stand-ins
 * @param environment     extra environment for the interpreter
 * @param resetCircuit    how DTR/RTS reach reset and boot strap: a USB-UART bridge's transistors
 *                        (default) or the native USB-Serial/JTAG port
 * @param heap            the MicroPython heap ({@code -X heapsize=}, e.g. {@code 128K}: about what an
 *                        ESP32 without PSRAM leaves MicroPython); unused under CPython
 * @param flashTiming     how long the flash chip takes to erase and program ({@link FlashTiming#W25Q32FV}
 *                        by default, so that flashing takes as long as on a board; {@link FlashTiming#NONE}
 *                        for tests where that time is not what they test)
 * @param efuses          what the eFuses hold (MAC, the ESP32 ROM's crystal estimate)
 */
public record Esp32Options(ChipModel chip, int flashSize, Path filesystem, Esp32Faults faults,
                           boolean modelLineSpeed, String interpreter, List<Path> modulePath,
                           Map<String, String> environment, ResetCircuit resetCircuit, String heap,
                           FlashTiming flashTiming, Efuses efuses) {

    public Esp32Options {
        Objects.requireNonNull(chip, "chip");
        Objects.requireNonNull(filesystem, "filesystem");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(interpreter, "interpreter");
        Objects.requireNonNull(heap, "heap");
        if (!List.of("auto", "micropython", "python3").contains(interpreter)) {
            throw new IllegalArgumentException("interpreter must be auto, micropython or python3, not '" + interpreter + "'");
        }
        if (!heap.matches("\\d+[KkMm]?")) {
            throw new IllegalArgumentException("heap must look like 128K or 2M, not '" + heap + "'");
        }
        Objects.requireNonNull(resetCircuit, "resetCircuit");
        Objects.requireNonNull(flashTiming, "flashTiming");
        Objects.requireNonNull(efuses, "efuses");
        modulePath = List.copyOf(modulePath);
        environment = Map.copyOf(environment);
        if (flashSize < 0x10000 || Integer.bitCount(flashSize) != 1) {
            throw new IllegalArgumentException("flash size must be a power of two of at least 64 KB, got " + flashSize);
        }
    }

    public static Esp32Options of(ChipModel chip, Path filesystem) {
        return new Esp32Options(chip, 4 * 1024 * 1024, filesystem, Esp32Faults.none(), false, "auto",
                List.of(), Map.of(), ResetCircuit.AUTO_RESET_TRANSISTORS, "128K", FlashTiming.W25Q32FV,
                Efuses.forSerial("uconform-" + chip.name()));
    }

    public Esp32Options withFaults(Esp32Faults f) {
        return new Esp32Options(chip, flashSize, filesystem, f, modelLineSpeed, interpreter, modulePath, environment,
                resetCircuit, heap, flashTiming, efuses);
    }

    public Esp32Options withLineSpeedModel() {
        return new Esp32Options(chip, flashSize, filesystem, faults, true, interpreter, modulePath, environment,
                resetCircuit, heap, flashTiming, efuses);
    }

    /** The board on its native USB-Serial/JTAG port (S3/C3/C6) instead of a USB-UART bridge. */
    public Esp32Options withUsbSerialJtag() {
        return new Esp32Options(chip, flashSize, filesystem, faults, modelLineSpeed, interpreter, modulePath,
                environment, ResetCircuit.USB_SERIAL_JTAG, heap, flashTiming, efuses);
    }

    /** Flash erase and program take no time (tests where that time is not what they test). */
    public Esp32Options withoutFlashTiming() {
        return withFlashTiming(FlashTiming.NONE);
    }

    public Esp32Options withFlashTiming(FlashTiming timing) {
        return new Esp32Options(chip, flashSize, filesystem, faults, modelLineSpeed, interpreter, modulePath,
                environment, resetCircuit, heap, timing, efuses);
    }

    public Esp32Options withFlashSize(int bytes) {
        return new Esp32Options(chip, bytes, filesystem, faults, modelLineSpeed, interpreter, modulePath,
                environment, resetCircuit, heap, flashTiming, efuses);
    }

    public Esp32Options withEfuses(Efuses e) {
        return new Esp32Options(chip, flashSize, filesystem, faults, modelLineSpeed, interpreter, modulePath,
                environment, resetCircuit, heap, flashTiming, e);
    }

    /**
     * Runs code against a virtual board: the stand-in modules from {@code hostRuntimeDir} (see
     * {@link HostRuntime#extractTo}) on the module path, talking to the host bridge at
     * {@code bridgeAddress} ({@code 127.0.0.1:port}).
     */
    public Esp32Options withHostBridge(Path hostRuntimeDir, String bridgeAddress) {
        return withModulePath(List.of(hostRuntimeDir), Map.of("UCONFORM_BRIDGE", bridgeAddress));
    }

    public Esp32Options withModulePath(List<Path> dirs, Map<String, String> env) {
        return new Esp32Options(chip, flashSize, filesystem, faults, modelLineSpeed, interpreter, dirs, env,
                resetCircuit, heap, flashTiming, efuses);
    }

    /** What runs the board's code: {@code auto}, {@code micropython} or {@code python3}, and MicroPython's heap. */
    public Esp32Options withInterpreter(String wanted, String heapSize) {
        return new Esp32Options(chip, flashSize, filesystem, faults, modelLineSpeed, wanted, modulePath, environment,
                resetCircuit, heapSize, flashTiming, efuses);
    }
}
