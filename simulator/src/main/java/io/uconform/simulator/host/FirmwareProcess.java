package io.uconform.simulator.host;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * One run of the interpreter on the device directory: its console goes line by line to the
 * console sink (a capture masks it); {@code onExit} gets the exit status unless the run was stopped on purpose.
 */
public final class FirmwareProcess {

    private final Process process;
    private volatile boolean stopping;

    private FirmwareProcess(Process process) {
        this.process = process;
    }

    public static FirmwareProcess start(List<String> command, Path dir, Map<String, String> env, Consumer<String> console,
                                 IntConsumer onExit) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
            p.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command.get(0) + ": " + e.getMessage(), e);
        }
        FirmwareProcess fp = new FirmwareProcess(p);
        Thread pump = new Thread(() -> fp.pump(console, onExit), "host-console:" + p.pid());
        pump.setDaemon(true);
        pump.start();
        return fp;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Kills the interpreter at once (a board's reset does not ask either), waiting at most a few seconds. */
    public void kill() {
        stopping = true;
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        try {
            process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the interpreter (and anything it started), waiting at most a few seconds. */
    public void stop() {
        stopping = true;
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void pump(Consumer<String> console, IntConsumer onExit) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                console.accept(line);
            }
        } catch (IOException e) {
            // the stream closed with the process
        }
        try {
            int code = process.waitFor();
            if (!stopping) {
                onExit.accept(code);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
