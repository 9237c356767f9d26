package io.uconform.kind.sim;

import io.uconform.probe.BoardProbe;
import io.uconform.probe.PinInput;
import io.uconform.probe.PinReading;
import io.uconform.probe.ProbeAbility;
import io.uconform.simulator.board.BoardEvent;
import io.uconform.simulator.board.PinMode;
import io.uconform.simulator.board.PinState;
import io.uconform.simulator.board.VirtualBoard;
import java.util.List;
import java.util.Optional;

/**
 * A {@link BoardProbe} looking straight at a {@link VirtualBoard}: what an oscilloscope on the pins
 * would see, independent of what the server answers. Digital readings are the physical level (a
 * dead LED reads 0 even when the firmware wrote 1); changes come from the board's timeline of the
 * current boot. Thread-safe.
 */
public final class VirtualBoardProbe implements BoardProbe {

    private final VirtualBoard board;

    public VirtualBoardProbe(VirtualBoard board) {
        this.board = board;
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.empty();
    }

    /** The whole board is in view: every ability on every pin. */
    @Override
    public Optional<String> cannot(ProbeAbility ability, int pin) {
        return Optional.empty();
    }

    @Override
    public PinReading read(int pin) {
        PinState s = board.pin(pin);
        int value = s.mode() == PinMode.IN || s.mode() == PinMode.OUT ? s.level() : s.value();
        return new PinReading(pin, s.mode().wireName(), value, s.pull().wireName(), board.uptimeMillis());
    }

    @Override
    public List<PinReading> changes(int pin, long sinceMillis) {
        String pull = board.pin(pin).pull().wireName();
        return board.timeline().since(board.bootCount(), sinceMillis).stream()
                .filter(e -> e.kind() == BoardEvent.Kind.PIN_CHANGE && e.pin() == pin)
                .map(e -> new PinReading(pin, e.detail(), e.value(), pull, e.atMillis()))
                .toList();
    }

    @Override
    public long nowMillis() {
        return board.uptimeMillis();
    }

    @Override
    public void drive(int pin, PinInput input) {
        if (input instanceof PinInput.Level level) {
            board.drive(pin, level.value());
        } else if (input instanceof PinInput.Millivolts mv) {
            board.driveMillivolts(pin, mv.millivolts());
        } else {
            throw new IllegalArgumentException("unsupported pin input: " + input);
        }
    }
}
