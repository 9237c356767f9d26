# ST NUCLEO-F767ZI (MicroPython board NUCLEO_F767ZI; emulated by Renode's
# platforms/boards/nucleo_f767zi.repl). Pin numbers are port * 16 + bit: PA0 = 0, PB0 = 16,
# PC13 = 45. LEDs: LD1 green PB0 (16), LD2 blue PB7 (23), LD3 red PB14 (30); user button B1 on
# PC13 (45, pressed = high). ADC1 inputs used here: PA0, PA3, PA4, PA5, PA6, PC0, PC3 (ST UM1974).
# Ports A-G, 16 pins each (ports H-K are not on the board's connectors).


def layout(board_layout):
    pins = list(range(0, 7 * 16))
    adc = [0, 3, 4, 5, 6, 32, 35]
    return board_layout("nucleo-f767zi", pins, [], adc, 16, 45)
