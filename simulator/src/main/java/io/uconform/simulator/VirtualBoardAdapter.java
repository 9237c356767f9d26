package io.uconform.simulator;

import io.uconform.server.HttpError;
import io.uconform.server.board.AdcView;
import io.uconform.server.board.Board;
import io.uconform.server.board.PinView;
import io.uconform.simulator.board.AdcReading;
import io.uconform.simulator.board.BoardException;
import io.uconform.simulator.board.NoSuchPinException;
import io.uconform.simulator.board.PinCapabilityException;
import io.uconform.simulator.board.PinMode;
import io.uconform.simulator.board.PinState;
import io.uconform.simulator.board.Pull;
import io.uconform.simulator.board.VirtualBoard;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The server's {@link Board} view of a {@link VirtualBoard}: what the board API routes drive. */
final class VirtualBoardAdapter implements Board {

    private final VirtualBoard board;
    private final String firmwareVersion;
    private final Runnable softReset;

    /** @param softReset what a {@code POST /system/reset} does (the device reboots the board) */
    VirtualBoardAdapter(VirtualBoard board, String firmwareVersion, Runnable softReset) {
        this.board = board;
        this.firmwareVersion = firmwareVersion;
        this.softReset = softReset;
    }

    @Override
    public String name() {
        return board.profile().id();
    }

    @Override
    public String firmwareVersion() {
        return firmwareVersion;
    }

    @Override
    public int ledPin() {
        return board.profile().ledPin();
    }

    @Override
    public List<PinView> pins() {
        return board.pins().stream().map(VirtualBoardAdapter::view).toList();
    }

    @Override
    public Optional<PinView> pin(int pin) {
        return board.profile().hasPin(pin) ? Optional.of(view(board.pin(pin))) : Optional.empty();
    }

    @Override
    public PinView configure(int pin, String mode, String pull) {
        return guarded(() -> view(board.configure(pin, mode == null ? null : PinMode.parse(mode),
                pull == null ? null : Pull.parse(pull))));
    }

    @Override
    public PinView write(int pin, int value) {
        return guarded(() -> {
            board.configure(pin, PinMode.OUT, null);
            return view(board.write(pin, value));
        });
    }

    @Override
    public PinView pwm(int pin, int freq, int duty) {
        return guarded(() -> view(board.pwm(pin, freq, duty)));
    }

    @Override
    public AdcView readAdc(int pin) {
        return guarded(() -> {
            AdcReading r = board.readAdc(pin);
            return new AdcView(r.raw(), r.millivolts());
        });
    }

    @Override
    public long uptimeMillis() {
        return board.uptimeMillis();
    }

    /** The heap left to the JVM that hosts the virtual board (a real measurement, not a model). */
    @Override
    public long freeHeapBytes() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    @Override
    public String resetCause() {
        return board.resetCause().wireName();
    }

    @Override
    public void softReset() {
        softReset.run();
    }

    private static PinView view(PinState s) {
        return new PinView(s.pin(), s.mode().wireName(), s.value(), s.pull().wireName(), s.inputOnly(), s.adc(),
                s.pwmFreq(), s.pwmDuty());
    }

    private static <T> T guarded(Supplier<T> action) {
        try {
            return action.get();
        } catch (NoSuchPinException e) {
            throw new HttpError(404, e.getMessage());
        } catch (PinCapabilityException e) {
            throw new HttpError(409, e.getMessage());
        } catch (BoardException | IllegalArgumentException e) {
            throw new HttpError(400, e.getMessage());
        }
    }
}
