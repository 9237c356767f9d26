package io.uconform.kind.sim;

import io.uconform.server.ServerFault;
import io.uconform.simulator.board.ActiveFault;
import io.uconform.simulator.board.BoardFault;
import io.uconform.simulator.board.BoardProfile;
import io.uconform.simulator.board.BoardProfiles;
import io.uconform.spi.TargetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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

    static final Set<String> KNOWN = known();

    public SimOptions {
        faults = faults.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(faults));
        boardFaults = List.copyOf(boardFaults);
        access = access == null ? SimAccessOptions.defaults() : access;
    }

    public SimOptions(BoardProfile board, int port, Set<ServerFault> faults, List<ActiveFault> boardFaults,
                      SimTimers timers) {
        this(board, port, faults, boardFaults, timers, SimAccessOptions.defaults());
    }

    private static Set<String> known() {
        Set<String> keys = new TreeSet<>(Set.of("board", "port", "faults", "timers"));
        keys.addAll(SimAccessOptions.KEYS);
        return Set.copyOf(keys);
    }

    /** Parses raw options; every problem is a {@link TargetException} with one line. */
    public static SimOptions parse(Map<String, String> raw) {
        for (String key : raw.keySet()) {
            if (!KNOWN.contains(key)) {
                throw new TargetException("sim: unknown option '" + key + "' (known: "
                        + String.join(", ", new TreeSet<>(KNOWN)) + ")");
            }
        }
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
