package io.uconform.server.internal;

import io.uconform.server.Handler;
import io.uconform.server.Request;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Runs NOWAIT handlers (NOWAIT-01) on a small bounded pool; results are discarded, failures logged. */
final class BackgroundRunner implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("io.uconform.server");
    private static final int QUEUE = 32;

    private final ThreadPoolExecutor executor;

    BackgroundRunner(String threadName) {
        executor = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
                Engine.daemonThreads(threadName));
        executor.allowCoreThreadTimeOut(true);
    }

    boolean hasRoom() {
        return executor.getQueue().remainingCapacity() > 0 && !executor.isShutdown();
    }

    void submit(Handler handler, Request request) {
        try {
            executor.execute(() -> run(handler, request));
        } catch (RejectedExecutionException e) {
            LOG.log(System.Logger.Level.WARNING, "background work for {0} dropped: queue full", request);
        }
    }

    static void run(Handler handler, Request request) {
        try {
            handler.handle(request);
        } catch (Exception | StackOverflowError | AssertionError e) {
            LOG.log(System.Logger.Level.WARNING, "background handler for " + request + " failed", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
