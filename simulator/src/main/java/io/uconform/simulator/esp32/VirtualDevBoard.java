package io.uconform.simulator.esp32;

import io.uconform.cleanup.TempDirectories;
import io.uconform.probe.LoopbackWires;
import io.uconform.simulator.board.BoardProfile;
import io.uconform.simulator.board.BoardProfiles;
import io.uconform.simulator.board.VirtualBoard;
import io.uconform.simulator.bridge.HostBridge;
import io.uconform.simulator.bridge.VirtualAccessPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A virtual ESP32 on its dev board, ready to be talked to: the chip ({@link VirtualEsp32}), the
 * board's pins ({@link VirtualBoard}, DevKitC for the Xtensa chips, DevKitM for the C3), the host
 * bridge its MicroPython's {@code machine}/{@code network} stand-ins talk to, a virtual access
 * point, and a filesystem directory (a temporary one, deleted on close, unless one is given). The
 * flash holds a stand-in MicroPython image unless told otherwise. What both the {@code esp32}
 * target ({@code virtual=...}) and {@code uconform esp32} run.
 *
 * @param chip        the chip
 * @param flash       what the flash holds at power-on: empty for a stand-in MicroPython image,
 *                    a zero-length array for an erased chip, or an image written at the chip's offset
 * @param filesystem  the MicroPython filesystem directory to use and keep, or empty for a temporary one
 * @param accessPoint the network the board can join
 * @param wires       jumper wires on the board, as on a bench
 * @param tune        last changes to the chip's options (line model, flash timing, ...)
 * @param holdBoot    power on with the BOOT button held: the ROM download mode instead of the app
 *                    (for a link without DTR/RTS)
 */
public record VirtualDevBoard(ChipModel chip, Optional<byte[]> flash, Optional<Path> filesystem,
                              VirtualAccessPoint accessPoint, LoopbackWires wires, UnaryOperator<Esp32Options> tune,
                              boolean holdBoot) {

    /** Powered on into its app (MicroPython, when the flash holds it). */
    public VirtualDevBoard(ChipModel chip, Optional<byte[]> flash, Optional<Path> filesystem,
                           VirtualAccessPoint accessPoint, LoopbackWires wires, UnaryOperator<Esp32Options> tune) {
        this(chip, flash, filesystem, accessPoint, wires, tune, false);
    }

    /** What a running board is made of; closing it stops the chip and the bridge and removes a temporary filesystem. */
    public static final class Running implements AutoCloseable {
        private final VirtualEsp32 esp;
        private final VirtualBoard board;
        private final HostBridge bridge;
        private final Path filesystem;
        private final Optional<Path> temporaryRoot;

        private Running(VirtualEsp32 esp, VirtualBoard board, HostBridge bridge, Path filesystem, Optional<Path> root) {
            this.esp = esp;
            this.board = board;
            this.bridge = bridge;
            this.filesystem = filesystem;
            this.temporaryRoot = root;
        }

        public VirtualEsp32 esp() {
            return esp;
        }

        public VirtualBoard board() {
            return board;
        }

        public Path filesystem() {
            return filesystem;
        }

        @Override
        public void close() {
            esp.close();
            bridge.close();
            temporaryRoot.ifPresent(Running::deleteTree);
        }

        private static void deleteTree(Path root) {
            TempDirectories.remove(root); // also removed if the run is killed (TempDirectories' shutdown hook)
        }
    }

    /** Builds the board and powers it on. */
    public Running start() {
        BoardProfile profile = chip == ChipModel.ESP32_C3 ? BoardProfiles.ESP32C3_DEVKITM : BoardProfiles.ESP32_DEVKITC;
        Path root = null;
        try {
            root = TempDirectories.create("uconform-virtual-esp32-");
            Path fs = filesystem.orElse(root.resolve("fs"));
            Files.createDirectories(fs);
            VirtualBoard board = VirtualBoard.powerOn(profile);
            wires.wires().forEach(w -> board.connect(w.from(), w.to()));
            HostBridge bridge = HostBridge.start(board, accessPoint);
            Esp32Options options = tune.apply(Esp32Options.of(chip, fs)
                    .withHostBridge(HostRuntime.extractTo(root.resolve("hostrt")), bridge.address()));
            VirtualEsp32 esp = VirtualEsp32.create(options);
            byte[] image = flash.orElseGet(() -> SyntheticFirmware.micropython(chip, 1536 * 1024, 1));
            if (image.length > 0) {
                esp.preload(chip.micropythonOffset(), image);
            }
            if (holdBoot) {
                esp.resetIntoBootloader();
            } else {
                esp.powerOn();
            }
            return new Running(esp, board, bridge, fs, Optional.of(root));
        } catch (IOException e) {
            if (root != null) {
                Running.deleteTree(root);
            }
            throw new UncheckedIOException("cannot create the virtual ESP32's directories: " + e.getMessage(), e);
        }
    }
}
