package io.uconform.kind.renode;

import io.uconform.link.Link;
import io.uconform.repl.ConsoleTap;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** Reads everything the emulated board prints on its UART into the console, on a daemon thread, until closed. */
final class UartPump implements AutoCloseable {

    private final Link link;
    private final ConsoleTap tap;
    private final Thread thread;
    private volatile boolean running = true;

    UartPump(Link link, ConsoleTap tap) {
        this.link = link;
        this.tap = tap;
        this.thread = new Thread(this::run, "renode-uart " + link.name());
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
                    tap.flush();
                    continue;
                }
                if (n < 0) {
                    break;
                }
                tap.accept(buf, 0, n);
            }
        } catch (IOException e) {
            if (running) {
                tap.capture().accept("[uconform] UART link lost: " + e.getMessage());
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
