package io.uconform.kind.sim;

import io.uconform.server.ServerFault;
import io.uconform.simulator.board.ActiveFault;
import io.uconform.simulator.board.BoardFault;
import io.uconform.simulator.board.BoardProfile;
import io.uconform.simulator.board.BoardProfiles;
import io.uconform.spi.KindOption;
import io.uconform.spi.KindOptions;
import io.uconform.spi.TargetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Typed options of the {@code sim} target, parsed from {@code TargetSpec.options()}. Immutable.
 *
 * @param board  {@code board=esp32-devkitc} (default) or {@code esp32c3-devkitm}
 * @param port   {@code port=0} (default: ephemeral)
 * @param faults      {@code faults=NAME,NAME}: server faults ({@link ServerFault}) for the suite's
 *                    self-tests; board fault names ({@link BoardFault}, e.g. {@code DEAD_LED},
 *                    {@code STUCK_PIN@4}) in the same list go to {@code boardFaults}
 * @param boardFaults hardware faults switched on when the device starts
 * @param timers      {@code timers=fast} (default) or {@code device}
 * @param access      {@code cors}, {@code tls}, {@code bind}, {@code auth-user}, {@code auth-password}:
 *                    see {@link SimAccessOptions}
 */
public record SimOptions(BoardProfile board, int port, Set<ServerFault> faults, List<ActiveFault> boardFaults,
                         SimTimers timers, SimAccessOptions access) {

    /** Every option of the {@code sim} kind; any other is refused with their names. */
    public static final List<KindOption> OPTIONS = List.of(
            new KindOption("board", "board id", BoardProfiles.ESP32_DEVKITC.id(),
                    "the virtual board: esp32-devkitc or esp32c3-devkitm"),
            new KindOption("port", "number", "0", "HTTP port, 0 = a free one"),
            new KindOption("faults", "NAME,NAME", "", "server faults and board faults (DEAD_LED, STUCK_PIN@4) for self-tests"),
            new KindOption("timers", "fast|device", "fast",
                    "fast: header timeout 1 s, keep-alive idle 2 s, body 2 s; device: the profile's timers"),
            new KindOption("cors", "on|off", "off", "answer CORS requests"),
            new KindOption("tls", "on|off", "off", "an HTTPS listener too, its certificate generated at start"),
            new KindOption("bind", "127.0.0.1|::|::1|0.0.0.0", "127.0.0.1", "the address the server listens on"),
            new KindOption("auth-user", "name", "admin", "the device's Basic user"),
            new KindOption("auth-password", "secret", "", "the device's Basic password (default: the reference profile's)"));

    public SimOptions {
        faults = faults.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(faults));
        boardFaults = List.copyOf(boardFaults);
        access = access == null ? SimAccessOptions.defaults() : access;
    }

    public SimOptions(BoardProfile board, int port, Set<ServerFault> faults, List<ActiveFault> boardFaults,
                      SimTimers timers) {
        this(board, port, faults, boardFaults, timers, SimAccessOptions.defaults());
    }

    /** Parses raw options; every problem is a {@link TargetException} with one line. */
    public static SimOptions parse(Map<String, String> given) {
        Map<String, String> raw = KindOptions.canonical("sim", OPTIONS, given);
        try {
            BoardProfile board = BoardProfiles.byId(raw.getOrDefault("board", BoardProfiles.ESP32_DEVKITC.id()).trim());
            Set<ServerFault> serverFaults = EnumSet.noneOf(ServerFault.class);
            List<ActiveFault> boardFaults = new ArrayList<>();
            for (String name : raw.getOrDefault("faults", "").split(",")) {
                if (!name.isBlank()) {
                    addFault(name.trim(), board, serverFaults, boardFaults);
                }
            }
            return new SimOptions(board, port(raw.getOrDefault("port", "0")), serverFaults, boardFaults,
                    SimTimers.parse(raw.getOrDefault("timers", "fast")),
                    SimAccessOptions.parse(raw).withFaultPrerequisites(serverFaults));
        } catch (IllegalArgumentException e) {
            throw new TargetException("sim: " + e.getMessage());
        }
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        throw new IllegalArgumentException("port must be a number 0..65535, not '" + text + "'");
    }

    private static void addFault(String name, BoardProfile board, Set<ServerFault> serverFaults,
                                 List<ActiveFault> boardFaults) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (Arrays.stream(ServerFault.values()).anyMatch(f -> f.name().equals(upper))) {
            serverFaults.add(ServerFault.valueOf(upper));
            return;
        }
        String boardName = upper.contains("@") ? upper.substring(0, upper.indexOf('@')) : upper;
        if (Arrays.stream(BoardFault.values()).anyMatch(f -> f.name().equals(boardName))) {
            boardFaults.add(ActiveFault.parse(name, board));
            return;
        }
        throw new IllegalArgumentException("unknown fault '" + name + "' (server faults: "
                + String.join(", ", Arrays.stream(ServerFault.values()).map(Enum::name).toList())
                + "; board faults: " + String.join(", ", Arrays.stream(BoardFault.values()).map(Enum::name).toList()) + ")");
    }
}
