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
 * @param python          the host interpreter command
 * @param modulePath      extra module directories (e.g. stand-in {@code machine}/{@code network})
 * @param environment     extra environment for the interpreter
 * @param resetCircuit    how DTR/RTS reach reset and boot strap: a USB-UART bridge's transistors
 *                        (default) or the native USB-Serial/JTAG port
 * @param flashTiming     how long the flash chip takes to erase and program ({@link FlashTiming#W25Q32FV}
 *                        by default, so that flashing takes as long as on a board; {@link FlashTiming#NONE}
 *                        for tests where that time is not what they test)
 * @param efuses          what the eFuses hold (MAC, the ESP32 ROM's crystal estimate)
 */
public record Esp32Options(ChipModel chip, int flashSize, Path filesystem, Esp32Faults faults,
                           boolean modelLineSpeed, String python, List<Path> modulePath,
                           Map<String, String> environment, ResetCircuit resetCircuit,
                           FlashTiming flashTiming, Efuses efuses) {

    public Esp32Options {
        Objects.requireNonNull(chip, "chip");
        Objects.requireNonNull(filesystem, "filesystem");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(python, "python");
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
        return new Esp32Options(chip, 4 * 1024 * 1024, filesystem, Esp32Faults.none(), false, "python3",
                List.of(), Map.of(),
                ResetCircuit.AUTO_RESET_TRANSISTORS, FlashTiming.W25Q32FV, Efuses.forSerial("uconform-" + chip.name()));
    }

    public Esp32Options withFaults(Esp32Faults f) {
        return new Esp32Options(chip, flashSize, filesystem, f, modelLineSpeed, python, modulePath, environment,
                resetCircuit, flashTiming, efuses);
    }

    public Esp32Options withLineSpeedModel() {
        return new Esp32Options(chip, flashSize, filesystem, faults, true, python, modulePath, environment,
                resetCircuit, flashTiming, efuses);
    }

    /** The board on its native USB-Serial/JTAG port (S3/C3/C6) instead of a USB-UART bridge. */
    public Esp32Options withUsbSerialJtag() {
        return new Esp32Options(chip, flashSize, filesystem, faults, modelLineSpeed, python, modulePath, environment,
                ResetCircuit.USB_SERIAL_JTAG, flashTiming, efuses);
    }

    /** Flash erase and program take no time (tests where that time is not what they test). */
    public Esp32Options withoutFlashTiming() {
        return withFlashTiming(FlashTiming.NONE);
    }

    public Esp32Options withFlashTiming(FlashTiming timing) {
        return new Esp32Options(chip, flashSize, filesystem, faults, modelLineSpeed, python, modulePath, environment,
                resetCircuit, timing, efuses);
    }

    public Esp32Options withFlashSize(int bytes) {
        return new Esp32Options(chip, bytes, filesystem, faults, modelLineSpeed, python, modulePath, environment,
                resetCircuit, flashTiming, efuses);
    }

    public Esp32Options withEfuses(Efuses e) {
        return new Esp32Options(chip, flashSize, filesystem, faults, modelLineSpeed, python, modulePath, environment,
                resetCircuit, flashTiming, e);
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
        return new Esp32Options(chip, flashSize, filesystem, faults, modelLineSpeed, python, dirs, env,
                resetCircuit, flashTiming, efuses);
    }
}
