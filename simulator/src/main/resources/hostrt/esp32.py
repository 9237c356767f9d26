# Stand-in `esp32`: the few functions apps commonly call, answered by the virtual board.
import _uconform_bridge as _bridge


def mcu_temperature():
    return _bridge.call("board.temperature")


def raw_temperature():
    return int(mcu_temperature() * 9 / 5 + 32)
