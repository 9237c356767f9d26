package io.uconform.kind.renode;

import io.uconform.spi.TargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Renode start-up script ({@code .resc}) for one emulated board: the machine from its platform
 * description, the MicroPython image loaded into flash, the REPL UART on a server socket terminal
 * (raw bytes, telnet negotiation off, so the raw REPL works through it), the Ethernet MAC on a
 * switch joined to the host TAP. The script does not start the emulation: the target measures
 * the real-time factor and connects the UART first, then sends {@code start}.
 *
 * @param machine   the machine's name, also the monitor prompt once selected
 * @param board     the emulated board
 * @param firmware  the image (.hex, .elf or .bin), an absolute path as Renode's host sees it
 * @param uartPort  TCP port of the UART's server socket terminal
 * @param network   the TAP and addresses
 */
public record RescScript(String machine, BoardProfile board, String firmware, int uartPort, AddressPlan network) {

    public RescScript {
        if (!machine.matches("[A-Za-z0-9_-]+")) {
            throw new TargetException("renode: machine name '" + machine + "' must be letters, digits, _ or -");
        }
        if (firmware.isBlank() || firmware.chars().anyMatch(c -> c == '"' || c == '\n' || c == '\r' || c == ' ')) {
            throw new TargetException("renode: the firmware path '" + firmware + "' must be non-empty and hold no"
                    + " space, quote or line break (Renode's @path syntax)");
        }
        if (uartPort < 1 || uartPort > 65535) {
            throw new TargetException("renode: UART port " + uartPort + " is not 1..65535");
        }
    }

    public static RescScript of(String machine, BoardProfile board, Path firmware, int uartPort, AddressPlan network) {
        return new RescScript(machine, board, firmware.toAbsolutePath().toString(), uartPort, network);
    }

    /** The monitor commands of the script, one per line, in order. */
    public List<String> commands() {
        List<String> c = new ArrayList<>();
        c.add("mach create \"" + machine + "\"");
        c.add("machine LoadPlatformDescription @" + board.platform());
        c.addAll(load());
        c.add("emulation CreateServerSocketTerminal " + uartPort + " \"uart\" false");
        c.add("connector Connect " + board.uart() + " uart");
        c.add("emulation CreateSwitch \"switch\"");
        c.add("connector Connect " + board.ethernet() + " switch");
        c.add("emulation CreateTap \"" + network.tap() + "\" \"tap\" true");
        c.add("connector Connect host.tap switch");
        return List.copyOf(c);
    }

    private List<String> load() {
        String lower = firmware.toLowerCase(Locale.ROOT);
        String vectors = "sysbus.cpu VectorTableOffset 0x" + Long.toHexString(board.flashBase());
        if (lower.endsWith(".elf")) {
            return List.of("sysbus LoadELF @" + firmware);
        }
        if (lower.endsWith(".hex")) {
            return List.of("sysbus LoadHEX @" + firmware, vectors);
        }
        if (lower.endsWith(".bin")) {
            return List.of("sysbus LoadBinary @" + firmware + " 0x" + Long.toHexString(board.flashBase()), vectors);
        }
        throw new TargetException("renode: the firmware '" + firmware + "' is not a .hex, .elf or .bin image");
    }

    /** The script's text, with a header saying what it is. */
    public String render() {
        StringBuilder s = new StringBuilder();
        s.append(":name: uconform ").append(board.name()).append('\n');
        s.append(":description: MicroPython on ").append(board.name())
                .append(", REPL UART on TCP ").append(uartPort).append(", Ethernet on TAP ").append(network.tap())
                .append(" (host ").append(network.hostIp()).append(", board ").append(network.boardIp()).append(")\n\n");
        commands().forEach(line -> s.append(line).append('\n'));
        return s.toString();
    }
}
