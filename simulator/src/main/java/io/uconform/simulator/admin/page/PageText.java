package io.uconform.simulator.admin.page;

import io.uconform.simulator.board.AdcCurve;
import io.uconform.simulator.board.BoardEvent;
import io.uconform.simulator.board.BoardProfile;
import io.uconform.simulator.board.PinMode;
import io.uconform.simulator.board.PinState;
import io.uconform.simulator.board.Pull;
import java.util.ArrayList;
import java.util.List;

/**
 * The words the board page shows for pins, events and console lines. The page's script says the
 * same things in the same words (board.js: {@code badge}, {@code eventText}, {@code markTracebacks}).
 */
final class PageText {

    private PageText() {
    }

    /** The short state shown beside a pin: {@code out 1}, {@code in 0 ↑}, {@code pwm 50%}, {@code adc 1650 mV}. */
    static String badge(PinState s, BoardProfile profile) {
        if (profile.isFlashPin(s.pin())) {
            return "flash";
        }
        return switch (s.mode()) {
            case OUT -> "out " + s.level();
            case IN -> "in " + s.level() + (s.pull() == Pull.UP ? " \u2191" : s.pull() == Pull.DOWN ? " \u2193" : "");
            case PWM -> "pwm " + Math.round(s.pwmDuty() * 100.0 / 1023) + "%";
            case ADC -> "adc " + AdcCurve.millivoltsFor(s.value()) + " mV";
        };
    }

    /** The CSS classes of a pin's group in the drawing. */
    static String pinClasses(PinState s, BoardProfile profile) {
        StringBuilder c = new StringBuilder("pin gpio mode-").append(s.mode().wireName());
        c.append(s.mode() == PinMode.IN || s.mode() == PinMode.OUT ? " lvl-" + s.level() : "");
        if (s.driven()) {
            c.append(" driven");
        }
        if (profile.isFlashPin(s.pin())) {
            c.append(" flash");
        }
        return c.toString();
    }

    /** One timeline entry in words, e.g. {@code GPIO2 went 1 (out)}. */
    static String event(BoardEvent e) {
        String pin = "GPIO" + e.pin();
        return switch (e.kind()) {
            case PIN_CHANGE -> pin + " went " + e.value() + " (" + e.detail() + ")";
            case MODE_CHANGE -> pin + " " + e.detail();
            case PWM_CHANGE -> pin + " PWM " + e.detail();
            case INPUT_INJECTED -> pin + " " + e.detail();
            case RESET -> "reset (" + e.detail() + ")";
            case FAULT -> (e.pin() >= 0 ? pin + " " : "") + "fault " + e.detail();
        };
    }

    /**
     * Which console lines belong to a traceback: from {@code Traceback (most recent call last):}
     * through the indented frame lines to the exception line that ends it.
     */
    static List<Boolean> tracebackMarks(List<String> lines) {
        List<Boolean> marks = new ArrayList<>(lines.size());
        boolean inside = false;
        for (String line : lines) {
            if (line.startsWith("Traceback (most recent call last)")) {
                inside = true;
                marks.add(true);
            } else if (inside) {
                marks.add(true);
                inside = line.startsWith(" ") || line.startsWith("\t");
            } else {
                marks.add(false);
            }
        }
        return marks;
    }
}
