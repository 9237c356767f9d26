package io.uconform.kind.esp32;

import io.uconform.credentials.WifiCredentials;
import io.uconform.flash.Chip;
import io.uconform.kind.sim.VirtualBoardProbe;
import io.uconform.link.Link;
import io.uconform.probe.BoardProbe;
import io.uconform.probe.LoopbackWires;
import io.uconform.simulator.board.VirtualBoard;
import io.uconform.simulator.bridge.VirtualAccessPoint;
import io.uconform.simulator.esp32.ChipModel;
import io.uconform.simulator.esp32.Esp32Options;
import io.uconform.simulator.esp32.VirtualDevBoard;
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

    private final VirtualDevBoard.Running running;
    private final WifiCredentials accessPoint;

    private VirtualBoardConnection(VirtualDevBoard.Running running, WifiCredentials ap) {
        this.running = running;
        this.accessPoint = ap;
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
        WifiCredentials ap = network.orElseGet(VirtualBoardConnection::randomNetwork);
        VirtualDevBoard board = new VirtualDevBoard(ChipModel.valueOf(chip.name()),
                blank ? Optional.of(new byte[0]) : Optional.empty(), Optional.empty(),
                new VirtualAccessPoint(ap.ssid(), ap.password()), wires, options -> {
                    Esp32Options o = options.withInterpreter(interpreter.wanted(), interpreter.heap());
                    return pacedLine ? o.withLineSpeedModel() : o;
                });
        return new VirtualBoardConnection(board.start(), ap);
    }

    private static WifiCredentials randomNetwork() {
        byte[] secret = new byte[9];
        new SecureRandom().nextBytes(secret);
        return new WifiCredentials("uconform-virtual-ap", "v" + HexFormat.of().formatHex(secret));
    }

    @Override
    public Link open() {
        return new BorrowedLink(running.esp().hostLink());
    }

    @Override
    public Optional<WifiCredentials> wifi() {
        return Optional.of(accessPoint);
    }

    /** The virtual board itself (tests switch its faults on). */
    VirtualBoard board() {
        return running.board();
    }

    @Override
    public BoardProbe probe() {
        return new VirtualBoardProbe(running.board());
    }

    @Override
    public boolean loopbackServer() {
        return true;
    }

    /** The board, its filesystem, and what ran its code (once it has booted into MicroPython). */
    @Override
    public Map<String, String> facts() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("board", running.board().profile().id() + " (virtual)");
        facts.put("virtual.fs", running.filesystem().toString());
        running.esp().interpreterIdentity().ifPresent(who -> {
            facts.put("interpreter", who);
            if (who.startsWith("micropython")) {
                facts.put("heap", running.esp().heap());
            }
        });
        return facts;
    }

    @Override
    public void close() {
        running.close();
    }
}
