package io.uconform.kind.renode;

import java.util.Map;
import java.util.Optional;

/**
 * An emulated board: the Renode platform it is built from, where its console and Ethernet MAC
 * are, and which of its pins the monitor can reach (LEDs and the user button declared in the
 * board's {@code .repl}). Pin numbers are the firmware's: {@code port * 16 + bit} (PB0 = 16,
 * PC13 = 45), as in the firmware's board file {@code uconform/board_nucleo_f767zi.py}.
 *
 * @param name          the firmware's board name ({@code device.board} in config.json)
 * @param platform      the platform description, a path Renode resolves in its install dir
 * @param uart          the peripheral MicroPython's REPL is on
 * @param ethernet      the Ethernet MAC peripheral
 * @param leds          firmware pin to LED peripheral ({@code sysbus.gpioPortB.GreenLED})
 * @param buttonPin     the user button's firmware pin
 * @param button        the button peripheral
 * @param pressedLevel  the level the button pin reads while pressed
 * @param flashBase     where a raw {@code .bin} image is loaded and the vector table is
 */
public record BoardProfile(String name, String platform, String uart, String ethernet, Map<Integer, String> leds,
                           int buttonPin, String button, int pressedLevel, long flashBase) {

    public BoardProfile {
        leds = Map.copyOf(leds);
    }

    /**
     * ST NUCLEO-F767ZI (Renode {@code platforms/boards/nucleo_f767zi.repl}): LD1 green PB0, LD2 blue PB7,
     * LD3 red PB14, B1 user button PC13 (pressed = high, ST UM1974), REPL on USART3 (the ST-LINK
     * virtual COM port in MicroPython's NUCLEO_F767ZI board), Synopsys Ethernet MAC with its PHY.
     */
    public static final BoardProfile NUCLEO_F767ZI = new BoardProfile("nucleo-f767zi",
            "platforms/boards/nucleo_f767zi.repl", "sysbus.usart3", "sysbus.ethernet",
            Map.of(16, "sysbus.gpioPortB.GreenLED", 23, "sysbus.gpioPortB.BlueLED", 30, "sysbus.gpioPortB.RedLED"),
            45, "sysbus.gpioPortC.UserButton1", 1, 0x0800_0000L);

    /** The boards this kind knows (option {@code platform}). */
    public static Optional<BoardProfile> named(String name) {
        return NUCLEO_F767ZI.name().equals(name) ? Optional.of(NUCLEO_F767ZI) : Optional.empty();
    }
}
