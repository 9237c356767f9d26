package io.uconform.probe;

import java.util.List;
import java.util.Optional;

final class NoBoardProbe implements BoardProbe {

    private final String reason;

    NoBoardProbe(String reason) {
        this.reason = reason;
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.of(reason);
    }

    @Override
    public PinReading read(int pin) {
        throw new UnsupportedOperationException(reason);
    }

    @Override
    public List<PinReading> changes(int pin, long sinceMillis) {
        throw new UnsupportedOperationException(reason);
    }

    @Override
    public long nowMillis() {
        throw new UnsupportedOperationException(reason);
    }

    @Override
    public void drive(int pin, PinInput input) {
        throw new UnsupportedOperationException(reason);
    }
}
