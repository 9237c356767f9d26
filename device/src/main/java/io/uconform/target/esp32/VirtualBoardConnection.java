package io.uconform.target.esp32;

import io.uconform.cleanup.TempDirectories;
import io.uconform.credentials.WifiCredentials;
import io.uconform.flash.Chip;
import io.uconform.link.Link;
import io.uconform.probe.BoardProbe;
import io.uconform.probe.LoopbackWires;
import io.uconform.simulator.board.BoardProfile;
import io.uconform.simulator.board.BoardProfiles;
import io.uconform.simulator.board.VirtualBoard;
import io.uconform.simulator.bridge.HostBridge;
import io.uconform.simulator.bridge.VirtualAccessPoint;
import io.uconform.simulator.esp32.ChipModel;
import io.uconform.simulator.esp32.Esp32Options;
import io.uconform.simulator.esp32.HostRuntime;
import io.uconform.simulator.esp32.SyntheticFirmware;
import io.uconform.simulator.esp32.VirtualEsp32;
import io.uconform.simulator.target.VirtualBoardProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The in-process virtual ESP32 as an esp32 target's board: a virtual board with its host bridge and
 * access point, a temporary filesystem, and MicroPython in flash (unless an image is to be flashed).
 * The whole real-board chain (flash, push, Wi-Fi config, reboot, ready line) runs against it.
 */
final class VirtualBoardConnection implements BoardConnection {

    private final VirtualBoard board;
    private final HostBridge bridge;
    private final VirtualEsp32 esp;
    private final WifiCredentials accessPoint;
    private final Path root;

    private VirtualBoardConnection(VirtualBoard board, HostBridge bridge, VirtualEsp32 esp, WifiCredentials ap, Path root) {
        this.board = board;
        this.bridge = bridge;
        this.esp = esp;
        this.accessPoint = ap;
        this.root = root;
    }

    /**
     * @param blank   leave the flash empty (an image will be flashed through the ROM)
     * @param network the user's Wi-Fi credentials (credentials file or environment): the virtual
     *                access point takes them, so the chain runs with them end to end; when absent it
     *                gets a random password
     * @param wires   jumper wires to connect on the virtual board, as on a bench
     */
    static VirtualBoardConnection start(Chip chip, boolean blank, Optional<WifiCredentials> network,
                                        LoopbackWires wires) {
        return start(chip, blank, network, wires, false);
    }

    /** @param pacedLine hold the UART to the modelled line rate, for run times like a real board's */
    static VirtualBoardConnection start(Chip chip, boolean blank, Optional<WifiCredentials> network,
                                        LoopbackWires wires, boolean pacedLine) {
        return start(chip, blank, network, wires, pacedLine, VirtualInterpreter.DEFAULT);
    }

    /** @param interpreter what runs the board's code (micropython with a heap, or python3) */
    static VirtualBoardConnection start(Chip chip, boolean blank, Optional<WifiCredentials> network,
                                        LoopbackWires wires, boolean pacedLine, VirtualInterpreter interpreter) {
        ChipModel model = ChipModel.valueOf(chip.name());
        BoardProfile profile = model == ChipModel.ESP32_C3 ? BoardProfiles.ESP32C3_DEVKITM : BoardProfiles.ESP32_DEVKITC;
        WifiCredentials ap = network.orElseGet(VirtualBoardConnection::randomNetwork);
        try {
            Path root = TempDirectories.create("uconform-virtual-esp32-");
            VirtualBoard board = VirtualBoard.powerOn(profile);
            wires.wires().forEach(w -> board.connect(w.from(), w.to()));
            HostBridge bridge = HostBridge.start(board, new VirtualAccessPoint(ap.ssid(), ap.password()));
            Esp32Options options = Esp32Options.of(model, Files.createDirectories(root.resolve("fs")))
                    .withHostBridge(HostRuntime.extractTo(root.resolve("hostrt")), bridge.address())
                    .withInterpreter(interpreter.wanted(), interpreter.heap());
            VirtualEsp32 esp = VirtualEsp32.create(pacedLine ? options.withLineSpeedModel() : options);
            if (!blank) {
                esp.preload(model.micropythonOffset(), SyntheticFirmware.micropython(model, 1536 * 1024, 1));
            }
            esp.powerOn();
            return new VirtualBoardConnection(board, bridge, esp, ap, root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the virtual ESP32's directories: " + e.getMessage(), e);
        }
    }

    private static WifiCredentials randomNetwork() {
        byte[] secret = new byte[9];
        new SecureRandom().nextBytes(secret);
        return new WifiCredentials("uconform-virtual-ap", "v" + HexFormat.of().formatHex(secret));
    }

    @Override
    public Link open() {
        return new BorrowedLink(esp.hostLink());
    }

    @Override
    public Optional<WifiCredentials> wifi() {
        return Optional.of(accessPoint);
    }

    /** The virtual board itself (tests switch its faults on). */
    VirtualBoard board() {
        return board;
    }

    @Override
    public BoardProbe probe() {
        return new VirtualBoardProbe(board);
    }

    @Override
    public boolean loopbackServer() {
        return true;
    }

    /** The board, its filesystem, and what ran its code (once it has booted into MicroPython). */
    @Override
    public Map<String, String> facts() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("board", board.profile().id() + " (virtual)");
        facts.put("virtual.fs", root.resolve("fs").toString());
        esp.interpreterIdentity().ifPresent(who -> {
            facts.put("interpreter", who);
            if (who.startsWith("micropython")) {
                facts.put("heap", esp.heap());
            }
        });
        return facts;
    }

    @Override
    public void close() {
        esp.close();
        bridge.close();
        TempDirectories.remove(root);
    }
}
