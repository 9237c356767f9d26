package io.uconform.simulator.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches an app directory for saved files by looking every {@link #POLL_MILLIS} at the names,
 * sizes and modification times of what belongs on the device (polling works the same on every OS
 * and filesystem; a native watch service is seconds late on some). A change is reported once the
 * directory looked the same twice, so an editor's save (temp file, rename) is one change.
 */
final class AppWatcher implements AutoCloseable {

    static final long POLL_MILLIS = 150;

    private final Path dir;
    private final Consumer<List<String>> onChange;
    private final ScheduledExecutorService poller;
    private Map<String, String> reported;
    private Map<String, String> pending;

    private AppWatcher(Path dir, Consumer<List<String>> onChange) {
        this.dir = dir;
        this.onChange = onChange;
        this.reported = snapshot();
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "app-watcher:" + dir.getFileName());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts watching; {@code onChange} gets the changed files' relative paths (on the watcher's thread). */
    static AppWatcher start(Path dir, Consumer<List<String>> onChange) {
        AppWatcher watcher = new AppWatcher(dir, onChange);
        watcher.poller.scheduleWithFixedDelay(watcher::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        return watcher;
    }

    private void poll() {
        Map<String, String> now;
        try {
            now = snapshot();
        } catch (UncheckedIOException e) {
            return;  // a file vanished mid-walk: look again next time
        }
        if (now.equals(reported)) {
            pending = null;
        } else if (now.equals(pending)) {
            List<String> changed = changes(reported, now);
            reported = now;
            pending = null;
            try {
                onChange.accept(changed);
            } catch (RuntimeException e) {
                // the listener reports its own problems; the watch goes on
            }
        } else {
            pending = now;
        }
    }

    private static List<String> changes(Map<String, String> before, Map<String, String> after) {
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        names.removeIf(n -> Objects.equals(before.get(n), after.get(n)));
        return List.copyOf(names);
    }

    private Map<String, String> snapshot() {
        Map<String, String> files = new TreeMap<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    return d.equals(dir) || DeviceDirectory.onDevice(d) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (DeviceDirectory.onDevice(file)) {
                        files.put(dir.relativize(file).toString(), attrs.size() + "@" + attrs.lastModifiedTime().toMillis());
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
