package io.uconform.simulator.bridge;

import io.uconform.simulator.board.AdcReading;
import io.uconform.simulator.board.BoardException;
import io.uconform.simulator.board.Edge;
import io.uconform.simulator.board.PinMode;
import io.uconform.simulator.board.PinState;
import io.uconform.simulator.board.Pull;
import io.uconform.simulator.board.ResetCause;
import io.uconform.simulator.board.VirtualBoard;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Executes one bridge request (an {@code op} with flat arguments) on the virtual board. Thread-safe. */
final class BridgeCommands {

    /** Simulated die temperature reported by {@code esp32.mcu_temperature()}. */
    static final int DIE_TEMPERATURE_C = 42;

    private final VirtualBoard board;
    private final VirtualAccessPoint accessPoint;
    private final BridgeEvents events;
    private final Runnable onReset;

    BridgeCommands(VirtualBoard board, VirtualAccessPoint accessPoint, BridgeEvents events, Runnable onReset) {
        this.board = board;
        this.accessPoint = accessPoint;
        this.events = events;
        this.onReset = onReset;
    }

    Object execute(String op, Map<String, Object> args) {
        try {
            return switch (op) {
                case "pin.get" -> state(board.pin(pin(args)));
                case "pin.init" -> initPin(args);
                case "pin.read" -> board.pin(pin(args)).value();
                case "pin.write" -> state(board.write(pin(args), integer(args, "value")));
                case "pin.irq" -> irq(args);
                case "adc.init" -> state(board.configure(pin(args), PinMode.ADC, null));
                case "adc.read" -> adc(board.readAdc(pin(args)));
                case "pwm.set" -> state(board.pwm(pin(args), integer(args, "freq"), integer(args, "duty")));
                case "reset" -> reset();
                case "board.reset_cause" -> board.resetCause().wireName();
                case "board.id" -> uniqueId();
                case "board.temperature" -> DIE_TEMPERATURE_C;
                case "wlan.connect" -> accessPoint.join(text(args, "ssid"), text(args, "key"));
                case "wlan.scan" -> List.of(accessPoint.ssid());
                default -> throw new BridgeFailure("os", "unknown bridge op '" + op + "'");
            };
        } catch (BoardException | IllegalArgumentException e) {
            throw new BridgeFailure("value", e.getMessage());
        }
    }

    private Object initPin(Map<String, Object> args) {
        int pin = pin(args);
        PinMode mode = args.containsKey("mode") ? PinMode.parse(text(args, "mode")) : null;
        Pull pull = args.containsKey("pull") ? Pull.parse(text(args, "pull")) : null;
        if (args.get("value") != null) {
            board.write(pin, integer(args, "value"));  // latch first: no glitch when it becomes an output
        }
        return state(board.configure(pin, mode, pull));
    }

    private Object irq(Map<String, Object> args) {
        int pin = pin(args);
        board.pin(pin);
        String edge = text(args, "edge");
        if ("none".equals(edge)) {
            events.unsubscribe(pin);
        } else {
            events.subscribe(board, pin, Edge.valueOf(edge.toUpperCase(java.util.Locale.ROOT)));
        }
        return null;
    }

    private Object reset() {
        board.reset(ResetCause.SOFT);
        onReset.run();
        return null;
    }

    private String uniqueId() {
        int h = board.profile().id().hashCode();
        return String.format("24a1%08x", h);
    }

    private static Map<String, Object> state(PinState s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("pin", s.pin());
        out.put("mode", s.mode().wireName());
        out.put("pull", s.pull().wireName());
        out.put("value", s.value());
        return out;
    }

    private static Map<String, Object> adc(AdcReading r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("raw", r.raw());
        out.put("mv", r.millivolts());
        return out;
    }

    private static int pin(Map<String, Object> args) {
        return integer(args, "pin");
    }

    private static int integer(Map<String, Object> args, String name) {
        if (!(args.get(name) instanceof Long value)) {
            throw new BridgeFailure("value", "argument '" + name + "' must be an integer");
        }
        return Math.toIntExact(value);
    }

    private static String text(Map<String, Object> args, String name) {
        if (!(args.get(name) instanceof String value)) {
            throw new BridgeFailure("value", "argument '" + name + "' must be a string");
        }
        return value;
    }
}
