# Board layouts (match the simulator's board profiles).


class BoardLayout:
    def __init__(self, name, pins, input_only, adc, led, button):
        self.name = name
        self.pins = pins
        self.input_only = input_only
        self.adc = adc
        self.led = led
        self.button = button


def _esp32_devkitc():
    # The chip has no GPIO 20, 24, 28-31; 34-39 are input-only; ADC1 is on 32-39.
    pins = list(range(0, 20)) + [21, 22, 23, 25, 26, 27] + list(range(32, 40))
    return BoardLayout("esp32-devkitc", pins, list(range(34, 40)), list(range(32, 40)), 2, 0)


def _esp32c3_devkitm():
    return BoardLayout("esp32c3-devkitm", list(range(0, 22)), [], list(range(0, 5)), 8, 9)


def _nucleo_f767zi():
    from uconform import board_nucleo_f767zi
    return board_nucleo_f767zi.layout(BoardLayout)


BOARDS = {"esp32-devkitc": _esp32_devkitc, "esp32c3-devkitm": _esp32c3_devkitm, "nucleo-f767zi": _nucleo_f767zi}


def layout(name):
    factory = BOARDS.get(name)
    if factory is None:
        raise ValueError("unknown board '" + str(name) + "' (known: " + ", ".join(sorted(BOARDS)) + ")")
    return factory()
