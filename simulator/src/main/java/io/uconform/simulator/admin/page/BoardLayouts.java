package io.uconform.simulator.admin.page;

import static io.uconform.simulator.admin.page.HeaderPin.enable;
import static io.uconform.simulator.admin.page.HeaderPin.gpio;
import static io.uconform.simulator.admin.page.HeaderPin.ground;
import static io.uconform.simulator.admin.page.HeaderPin.power;

import io.uconform.simulator.board.BoardProfile;
import io.uconform.simulator.board.BoardProfiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The header layouts of the boards the simulator knows, as in Espressif's user guides (pin 1 at
 * the antenna end), and a plain two-column layout for any other board profile.
 */
public final class BoardLayouts {

    /**
     * ESP32-DevKitC V4 with an ESP32-WROOM-32: J1 on the left, J3 on the right. D0-D3, CMD and CLK
     * are GPIO6-11, the module's SPI flash; VP and VN are GPIO36 and GPIO39.
     */
    static final BoardLayout ESP32_DEVKITC = new BoardLayout("ESP32-WROOM-32",
            "J1", List.of(power("3V3"), enable("EN"), gpio("VP", 36), gpio("VN", 39), gpio(34), gpio(35),
                    gpio(32), gpio(33), gpio(25), gpio(26), gpio(27), gpio(14), gpio(12), ground(), gpio(13),
                    gpio("D2", 9), gpio("D3", 10), gpio("CMD", 11), power("5V")),
            "J3", List.of(ground(), gpio(23), gpio(22), gpio("TX", 1), gpio("RX", 3), gpio(21), ground(),
                    gpio(19), gpio(18), gpio(5), gpio(17), gpio(16), gpio(4), gpio(0), gpio(2), gpio(15),
                    gpio("D1", 8), gpio("D0", 7), gpio("CLK", 6)),
            "EN", false);

    /** ESP32-C3-DevKitM-1 with an ESP32-C3-MINI-1: J1 on the left, J3 on the right; TX/RX are GPIO21/20. */
    static final BoardLayout ESP32C3_DEVKITM = new BoardLayout("ESP32-C3-MINI-1",
            "J1", List.of(ground(), power("3V3"), power("3V3"), gpio(2), gpio(3), ground(), enable("RST"), ground(),
                    gpio(0), gpio(1), gpio(10), ground(), power("5V"), power("5V"), ground()),
            "J3", List.of(ground(), gpio("TX", 21), gpio("RX", 20), ground(), gpio(9), gpio(8), ground(), gpio(7),
                    gpio(6), gpio(5), gpio(4), ground(), gpio(18), gpio(19), ground()),
            "RESET", true);

    private static final Map<String, BoardLayout> BY_BOARD = Map.of(
            BoardProfiles.ESP32_DEVKITC.id(), ESP32_DEVKITC,
            BoardProfiles.ESP32C3_DEVKITM.id(), ESP32C3_DEVKITM);

    private BoardLayouts() {
    }

    /** The layout of that board; boards without a drawing get their GPIOs in two columns. */
    public static BoardLayout forProfile(BoardProfile profile) {
        BoardLayout known = BY_BOARD.get(profile.id());
        return known != null ? known : twoColumns(profile);
    }

    private static BoardLayout twoColumns(BoardProfile profile) {
        List<HeaderPin> left = new ArrayList<>(List.of(power("3V3"), enable("EN")));
        List<HeaderPin> right = new ArrayList<>(List.of(ground()));
        List<Integer> gpios = profile.gpios();
        for (int i = 0; i < gpios.size(); i++) {
            (i < (gpios.size() + 1) / 2 ? left : right).add(gpio(gpios.get(i)));
        }
        left.add(power("5V"));
        right.add(ground());
        return new BoardLayout(profile.description(), "left", left, "right", right, "EN", false);
    }
}
