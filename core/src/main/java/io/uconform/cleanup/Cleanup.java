package io.uconform.cleanup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;

/**
 * What a run leaves behind is undone when the JVM exits, by a normal exit or a signal (SIGINT,
 * SIGTERM, SIGHUP run the JVM's shutdown hooks): in order, the actions registered with
 * {@link #first} (the CLI's partial report), then every registered resource is closed (targets:
 * which stops their processes and removes their directories), each within a bound, then any child
 * process still alive is killed, then the {@link TempDirectories} left are removed.
 */
public final class Cleanup {

    static final Duration CLOSE_BOUND = Duration.ofSeconds(10);
    static final Duration KILL_GRACE = Duration.ofSeconds(2);

    private static final ConcurrentLinkedDeque<Runnable> FIRST = new ConcurrentLinkedDeque<>();
    private static final ConcurrentLinkedDeque<AutoCloseable> RESOURCES = new ConcurrentLinkedDeque<>();
    private static boolean installed;
    private static volatile boolean stopping;

    private Cleanup() {
    }

    static synchronized void install() {
        if (!installed) {
            Runtime.getRuntime().addShutdownHook(new Thread(Cleanup::now, "uconform-cleanup"));
            installed = true;
        }
    }

    /** Runs before anything is closed (e.g. writing what is known so far), unless deregistered first. */
    public static Registration first(Runnable action) {
        install();
        FIRST.add(action);
        return () -> FIRST.remove(action);
    }

    /** Closed at exit unless its owner closed it and deregistered first; the latest registered closes first. */
    public static Registration resource(AutoCloseable resource) {
        install();
        RESOURCES.addFirst(resource);
        return () -> RESOURCES.remove(resource);
    }

    /**
     * True once the sequence began: no new temp directory is made from then on, so a target that a
     * check restarts while the run is being stopped cannot leave one behind.
     */
    public static boolean stopping() {
        return stopping;
    }

    /** The whole sequence; what the shutdown hook runs. Safe to call more than once. */
    public static void now() {
        stopping = true;
        drain(FIRST).forEach(action -> bounded(action::run));
        drain(RESOURCES).forEach(resource -> bounded(() -> {
            try {
                resource.close();
            } catch (Exception e) {
                // the kill and sweep below still run
            }
        }));
        killChildProcesses();
        TempDirectories.removeAll();
    }

    /** Every descendant of this JVM: asked to stop, then killed after a grace period. */
    static void killChildProcesses() {
        for (int pass = 0; pass < 3; pass++) {
            List<ProcessHandle> alive = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
            if (alive.isEmpty()) {
                return;
            }
            alive.forEach(ProcessHandle::destroy);
            waitFor(alive, KILL_GRACE);
            alive.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            waitFor(alive, KILL_GRACE);
        }
    }

    private static void waitFor(List<ProcessHandle> processes, Duration bound) {
        try {
            CompletableFuture.allOf(processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
                    .get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // still alive after the bound: the next step is harder
        }
    }

    private static <T> List<T> drain(ConcurrentLinkedDeque<T> queue) {
        List<T> items = new ArrayList<>();
        for (T item = queue.pollFirst(); item != null; item = queue.pollFirst()) {
            items.add(item);
        }
        return Collections.unmodifiableList(items);
    }

    /** A step that hangs (a target mid-start holding its lock) must not hold up the rest. */
    private static void bounded(Runnable step) {
        Thread t = new Thread(step, "uconform-cleanup-step");
        t.setDaemon(true);
        t.start();
        try {
            t.join(CLOSE_BOUND.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
