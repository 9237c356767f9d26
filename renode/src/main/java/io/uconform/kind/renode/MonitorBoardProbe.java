package io.uconform.kind.renode;

import io.uconform.kind.renode.monitor.MonitorClient;
import io.uconform.kind.renode.monitor.MonitorException;
import io.uconform.kind.renode.monitor.RealTimeFactor;
import io.uconform.probe.BoardProbe;
import io.uconform.probe.PinInput;
import io.uconform.probe.PinReading;
import io.uconform.probe.ProbeAbility;
import io.uconform.probe.ProbeException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Observes and drives the emulated board's pins through the Renode monitor, independently of the
 * firmware: the LEDs' {@code State} (what the GPIO output drives), the user button's
 * {@code Press}/{@code Release}, and the emulation's virtual clock as the board's time. Only the
 * pins the board's platform declares as LEDs or the button are reachable; for the others, and for
 * modes, pulls, PWM, ADC and timelines, {@link #cannot} says so and checks skip. Thread-safe (one
 * monitor command at a time).
 */
public final class MonitorBoardProbe implements BoardProbe {

    private final MonitorClient monitor;
    private final BoardProfile board;
    private final Duration timeout;

    public MonitorBoardProbe(MonitorClient monitor, BoardProfile board, Duration timeout) {
        this.monitor = monitor;
        this.board = board;
        this.timeout = timeout;
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.empty();
    }

    @Override
    public Optional<String> cannot(ProbeAbility ability, int pin) {
        String reach = "the Renode monitor reaches the LEDs (pins " + new TreeSet<>(board.leds().keySet())
                + ") and the user button (pin " + board.buttonPin() + ") of " + board.name() + " only";
        return switch (ability) {
            case READ_LEVEL -> board.leds().containsKey(pin) ? Optional.empty() : Optional.of(reach + " (levels: LEDs)");
            case DRIVE_LEVEL -> pin == board.buttonPin() ? Optional.empty() : Optional.of(reach + " (driving: the button)");
            default -> Optional.of("the Renode monitor probe cannot read " + ability.what() + " (pin " + pin + ")");
        };
    }

    @Override
    public PinReading read(int pin) {
        String led = board.leds().get(pin);
        if (led == null) {
            throw new ProbeException(cannot(ProbeAbility.READ_LEVEL, pin).orElseThrow());
        }
        String answer = run(led + " State").strip();
        int value;
        if (answer.equalsIgnoreCase("true")) {
            value = 1;
        } else if (answer.equalsIgnoreCase("false")) {
            value = 0;
        } else {
            throw new ProbeException("renode: '" + led + " State' answered '" + answer + "', not True/False");
        }
        return new PinReading(pin, PinReading.UNKNOWN, value, PinReading.UNKNOWN, nowMillis());
    }

    @Override
    public List<PinReading> changes(int pin, long sinceMillis) {
        throw new UnsupportedOperationException(cannot(ProbeAbility.TIMELINE, pin).orElseThrow());
    }

    @Override
    public long nowMillis() {
        return RealTimeFactor.elapsedVirtual(run("emulation GetTimeSourceInfo")).toMillis();
    }

    @Override
    public void drive(int pin, PinInput input) {
        if (pin != board.buttonPin() || !(input instanceof PinInput.Level level)) {
            throw new UnsupportedOperationException(cannot(ProbeAbility.DRIVE_LEVEL, pin)
                    .orElse("the Renode monitor probe drives digital levels only, not " + input));
        }
        run(board.button() + (level.value() == board.pressedLevel() ? " Press" : " Release"));
    }

    private String run(String command) {
        synchronized (monitor) {
            try {
                return monitor.execute(command, timeout);
            } catch (MonitorException e) {
                throw new ProbeException(e.getMessage());
            }
        }
    }
}
