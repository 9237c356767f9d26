package io.uconform.repl;

import io.uconform.link.Link;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Reads everything a board prints on its serial link (an ESP32's UART, an emulated board's UART
 * socket) into the console, on a daemon thread, until closed.
 */
public final class ConsolePump implements AutoCloseable {

    private final Link link;
    private final ConsoleTap tap;
    private final Thread thread;
    private volatile boolean running = true;

    /** @param threadName names the reading thread in dumps, e.g. {@code esp32-console /dev/ttyUSB0} */
    public ConsolePump(Link link, ConsoleTap tap, String threadName) {
        this.link = link;
        this.tap = tap;
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        byte[] buf = new byte[2048];
        try {
            link.setReadTimeout(Duration.ofMillis(200));
            while (running) {
                int n;
                try {
                    n = link.input().read(buf);
                } catch (SocketTimeoutException e) {
                    tap.flush(); // a prompt or a line without its newline yet
                    continue;
                }
                if (n < 0) {
                    break;
                }
                tap.accept(buf, 0, n);
            }
        } catch (IOException e) {
            if (running) { // a link closed by close() is no loss
                tap.capture().accept("[uconform] console link lost: " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
