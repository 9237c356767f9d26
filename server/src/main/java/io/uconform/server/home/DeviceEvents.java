package io.uconform.server.home;

/**
 * What a board reports to the server's event outlets (SSE {@code /events}, the home URL). The
 * device that owns the board calls it (the simulator feeds its virtual board's edges); the server
 * never depends on a board implementation. Implementations are thread-safe and never block.
 */
public interface DeviceEvents {

    /** The device (re)started; {@code resetCause} as {@code GET /system} reports it. */
    void boot(String resetCause);

    /** A pin's digital level changed; {@code tMillis} is the board's uptime at the change. */
    void pinChanged(int pin, int value, long tMillis);
}
