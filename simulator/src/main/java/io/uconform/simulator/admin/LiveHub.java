package io.uconform.simulator.admin;

import io.uconform.console.ConsoleLine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * What every live feed of one device shares: a numbered tail of the console and one change signal
 * that the board's timeline, the console and the run status bump. Thread-safe.
 */
final class LiveHub implements AutoCloseable {

    static final int CONSOLE_LINES = 2_000;

    private final AdminDevice device;
    private final ConsoleTail console = new ConsoleTail(CONSOLE_LINES);
    private final ChangeSignal signal = new ChangeSignal();
    /** Lines printed while the tail was being seeded; null once it is. */
    private List<ConsoleLine> early = new ArrayList<>();

    LiveHub(AdminDevice device) {
        this.device = device;
        device.console().onLine(this::printed);
        List<ConsoleLine> before = device.console().tail(CONSOLE_LINES);
        synchronized (this) {
            Set<ConsoleLine> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (ConsoleLine line : before) {
                console.add(line);
                seen.add(line);
            }
            // a line printed between the listener and the snapshot is in both: keep it once
            early.stream().filter(line -> !seen.contains(line)).forEach(console::add);
            early = null;
        }
        device.board().timeline().onAppend(signal::bump);
        device.onStatusChange(signal::bump);
    }

    private void printed(ConsoleLine line) {
        synchronized (this) {
            if (early != null) {
                early.add(line);
                return;
            }
        }
        if (!signal.isClosed()) {
            console.add(line);
            signal.bump();
        }
    }

    AdminDevice device() {
        return device;
    }

    ConsoleTail console() {
        return console;
    }

    ChangeSignal signal() {
        return signal;
    }

    @Override
    public void close() {
        signal.close();
    }
}
