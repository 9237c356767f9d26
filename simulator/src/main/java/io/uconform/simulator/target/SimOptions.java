package io.uconform.simulator.target;

import io.uconform.server.ServerFault;
import io.uconform.simulator.board.BoardProfile;
import io.uconform.simulator.board.BoardProfiles;
import io.uconform.target.TargetException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed options of the {@code sim} target, parsed from {@code TargetSpec.options()}. Immutable.
 *
 * @param board  {@code board=esp32-devkitc} (default) or {@code esp32c3-devkitm}
 * @param port   {@code port=0} (default: ephemeral)
 * @param faults {@code faults=NAME,NAME}: server faults for the suite's self-tests
 * @param timers {@code timers=fast} (default) or {@code device}
 */
public record SimOptions(BoardProfile board, int port, Set<ServerFault> faults, SimTimers timers) {

    static final Set<String> KNOWN = Set.of("board", "port", "faults", "timers");

    public SimOptions {
        faults = faults.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(faults));
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
            return new SimOptions(board, port(raw.getOrDefault("port", "0")), faults(raw.getOrDefault("faults", "")),
                    SimTimers.parse(raw.getOrDefault("timers", "fast")));
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

    private static Set<ServerFault> faults(String text) {
        Set<ServerFault> out = EnumSet.noneOf(ServerFault.class);
        for (String name : text.split(",")) {
            String n = name.trim().toUpperCase(Locale.ROOT);
            if (n.isEmpty()) {
                continue;
            }
            try {
                out.add(ServerFault.valueOf(n));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown server fault '" + name.trim() + "' (known: "
                        + String.join(", ", Arrays.stream(ServerFault.values()).map(Enum::name).toList()) + ")");
            }
        }
        return out;
    }
}
