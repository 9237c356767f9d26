package io.uconform.simulator.board;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The boards the simulator knows, by id. */
public final class BoardProfiles {

    /**
     * ESP32-DevKitC (ESP32-WROOM-32): the chip has GPIO 0-19, 21-23, 25-27 and 32-39 (no 20, 24,
     * 28-31); 34-39 are input-only; ADC1 is on 32-39. LED on GPIO2, BOOT on GPIO0. GPIO6-11 (the
     * headers' CLK, D0, D1, D2, D3, CMD) are the ESP32-WROOM-32's SPI flash bus.
     */
    public static final BoardProfile ESP32_DEVKITC = new BoardProfile("esp32-devkitc",
            "ESP32-DevKitC (ESP32-D0WD, Xtensa LX6 dual core)", 2, 0,
            concat(range(0, 19), range(21, 23), range(25, 27), range(32, 39)),
            Set.copyOf(range(34, 39)), Set.copyOf(range(32, 39)), Set.copyOf(range(6, 11)));

    /**
     * ESP32-C3-DevKitM-1: GPIO 0-21, ADC1 on 0-4, LED (RGB data line) on GPIO8, BOOT on GPIO9.
     * GPIO11-17 serve the ESP32-C3-MINI-1's in-package flash (11 is its VDD_SPI supply, 12-17 its
     * SPI bus) and are not on the headers.
     */
    public static final BoardProfile ESP32C3_DEVKITM = new BoardProfile("esp32c3-devkitm",
            "ESP32-C3-DevKitM-1 (ESP32-C3, RISC-V single core)", 8, 9, range(0, 21),
            Set.of(), Set.copyOf(range(0, 4)), Set.copyOf(range(11, 17)));

    private static final Map<String, BoardProfile> BY_ID = List.of(ESP32_DEVKITC, ESP32C3_DEVKITM).stream()
            .collect(Collectors.toUnmodifiableMap(BoardProfile::id, p -> p));

    private BoardProfiles() {
    }

    /** Ids of every known board, sorted. */
    public static List<String> ids() {
        return BY_ID.keySet().stream().sorted().toList();
    }

    /** The board with that id; {@link IllegalArgumentException} naming the known ids otherwise. */
    public static BoardProfile byId(String id) {
        BoardProfile p = BY_ID.get(id);
        if (p == null) {
            throw new IllegalArgumentException("unknown board '" + id + "' (known: " + String.join(", ", ids()) + ")");
        }
        return p;
    }

    private static List<Integer> range(int from, int toInclusive) {
        return IntStream.rangeClosed(from, toInclusive).boxed().toList();
    }

    @SafeVarargs
    private static List<Integer> concat(List<Integer>... parts) {
        return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
    }
}
