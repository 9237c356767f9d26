package io.uconform.server.home;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Posts device events to the configured home URL on its own thread (HOME-01): a bounded queue
 * (oldest dropped when full), bounded tries per event with exponential backoff on 5xx, timeouts
 * and unreachable servers; a 4xx is final. Events raised while no home URL is configured are not
 * queued, and queued events are dropped once the URL changes. Request serving never waits for
 * it. Thread-safe; {@link #close()} stops the thread.
 */
public final class HomeReporter implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("io.uconform.server.home");

    private final Supplier<String> homeUrl;
    private final Supplier<String> deviceName;
    private final HomeOptions options;
    private final HomePoster poster;
    private final BlockingQueue<HomeEvent> queue;
    private final AtomicLong seq = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong abandoned = new AtomicLong();
    private final Thread thread;

    /** Starts the reporter's thread; the URL and name are read per event, so config changes apply at once. */
    public HomeReporter(Supplier<String> homeUrl, Supplier<String> deviceName, HomeOptions options) {
        this.homeUrl = homeUrl;
        this.deviceName = deviceName;
        this.options = options;
        this.poster = new HomePoster(options.requestTimeout());
        this.queue = new ArrayBlockingQueue<>(options.queueCapacity());
        this.thread = new Thread(this::run, "uconform-home-reporter");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues an event when a home URL is configured; never blocks. */
    public void submit(String event, Map<String, Object> data) {
        String url = homeUrl.get();
        if (url == null || url.isBlank()) {
            return;
        }
        HomeEvent e = new HomeEvent(url.trim(), event, deviceName.get(), seq.incrementAndGet(), data);
        while (!queue.offer(e)) {
            if (queue.poll() != null) {
                abandoned.incrementAndGet();
            }
        }
    }

    private String currentUrl() {
        String url = homeUrl.get();
        return url == null ? "" : url.trim();
    }

    /** Events the home server accepted (2xx/3xx). */
    public long delivered() {
        return delivered.get();
    }

    /** Events given up on (tries exhausted, 4xx, or dropped from a full queue). */
    public long abandoned() {
        return abandoned.get();
    }

    @Override
    public void close() {
        thread.interrupt();
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                deliver(queue.take());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(HomeEvent event) throws InterruptedException {
        for (int attempt = 1; attempt <= options.maxAttempts(); attempt++) {
            if (!event.url().equals(currentUrl())) {
                // the home URL changed (or was removed) since the event: it belongs to the old home
                abandoned.incrementAndGet();
                return;
            }
            String failure;
            try {
                int status = poster.post(event, attempt);
                if (status < 400) {
                    delivered.incrementAndGet();
                    return;
                }
                if (status < 500) {
                    LOG.log(System.Logger.Level.WARNING, "home " + event.url() + " refused event " + event.event()
                            + " with " + status + "; not retried");
                    abandoned.incrementAndGet();
                    return;
                }
                failure = "status " + status;
            } catch (IOException e) {
                failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            if (attempt < options.maxAttempts()) {
                Duration wait = options.backoffAfter(attempt);
                LOG.log(System.Logger.Level.DEBUG, "home post of " + event.event() + " failed (" + failure
                        + "), try " + attempt + "; retrying in " + wait.toMillis() + " ms");
                Thread.sleep(wait.toMillis());
            } else {
                LOG.log(System.Logger.Level.WARNING, "home post of " + event.event() + " to " + event.url()
                        + " failed " + attempt + " times (" + failure + "); dropped");
            }
        }
        abandoned.incrementAndGet();
    }
}
