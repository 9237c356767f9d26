package io.uconform.simulator.admin;

import io.uconform.console.ConsoleCapture;
import io.uconform.simulator.board.ResetCause;
import io.uconform.simulator.board.VirtualBoard;
import java.net.URI;

/**
 * What the admin face (REST endpoints, board page, live feed) needs of a device: its virtual board,
 * where its server answers, its console, what runs on it and a reset. Implemented by the JVM
 * reference board ({@code SimulatedDevice}) and by a user's app on the host runtime
 * ({@code LiveApp}). Implementations are thread-safe.
 */
public interface AdminDevice {

    VirtualBoard board();

    /** The device's HTTP base, e.g. {@code http://127.0.0.1:8080/}. */
    URI deviceUri();

    /** Everything the device printed, secrets masked. */
    ConsoleCapture console();

    /** Reboots the board with that cause; the device's configuration is kept. */
    void reset(ResetCause cause);

    /** What runs on the board now. */
    RunStatus status();

    /** Called (on any thread, without locks held) whenever {@link #status()} changes. */
    void onStatusChange(Runnable listener);
}
