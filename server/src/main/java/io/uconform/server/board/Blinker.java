package io.uconform.server.board;

/**
 * Toggles the LED in the background, one blink at a time: a new blink (or {@link #cancel()}, e.g.
 * before a reset) ends the running one at once, so a long blink never holds one of the server's
 * few background threads while newer work waits. A board reboot also ends it, as on a device.
 */
final class Blinker {

    private final Board board;
    private final Object lock = new Object();
    private long generation;

    Blinker(Board board) {
        this.board = board;
    }

    /** Toggles the LED {@code 2 * times} times, {@code intervalMillis} apart; blocks until done or superseded. */
    void blink(int times, int intervalMillis) throws InterruptedException {
        long mine;
        synchronized (lock) {
            mine = ++generation;
            lock.notifyAll();
        }
        int led = board.ledPin();
        long lastUptime = board.uptimeMillis();
        for (int i = 0; i < 2 * times; i++) {
            long uptime = board.uptimeMillis();
            if (uptime < lastUptime || !isCurrent(mine)) {
                return;
            }
            lastUptime = uptime;
            int now = board.pin(led).map(PinView::value).orElse(0);
            board.write(led, 1 - now);
            if (!waitTick(mine, intervalMillis)) {
                return;
            }
        }
    }

    /** Ends the running blink, if any. */
    void cancel() {
        synchronized (lock) {
            generation++;
            lock.notifyAll();
        }
    }

    private boolean isCurrent(long mine) {
        synchronized (lock) {
            return generation == mine;
        }
    }

    /** Waits one interval; false when superseded meanwhile. */
    private boolean waitTick(long mine, int intervalMillis) throws InterruptedException {
        long end = System.nanoTime() + intervalMillis * 1_000_000L;
        synchronized (lock) {
            long left;
            while (generation == mine && (left = end - System.nanoTime()) > 0) {
                lock.wait(Math.max(1, left / 1_000_000L));
            }
            return generation == mine;
        }
    }
}
