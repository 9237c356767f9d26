package io.uconform.simulator.esp32;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The host {@code python3} process that runs the virtual board's MicroPython code, started in the
 * board's filesystem directory. Commands go to its stdin (see {@code repl_host.py}); its stdout
 * carries program output and 0x04 end markers. One process per boot: a soft reset starts a new one.
 */
final class HostPython implements AutoCloseable {

    private final Process process;
    private volatile boolean ready;

    private HostPython(Process process) {
        this.process = process;
    }

    static HostPython start(String python, Path fsDir, List<Path> modulePath, Map<String, String> env) {
        try {
            Path driver = driverScript();
            ProcessBuilder pb = new ProcessBuilder(python, "-u", "-B", driver.toString());
            pb.directory(fsDir.toFile());
            pb.redirectErrorStream(true);
            StringBuilder path = new StringBuilder();
            for (Path p : modulePath) {
                path.append(path.length() == 0 ? "" : java.io.File.pathSeparator).append(p.toAbsolutePath());
            }
            pb.environment().put("PYTHONPATH", path.toString());
            pb.environment().put("PYTHONIOENCODING", "utf-8");
            pb.environment().putAll(env);
            return new HostPython(pb.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start '" + python + "' for the virtual ESP32: " + e.getMessage(), e);
        }
    }

    InputStream output() {
        return process.getInputStream();
    }

    /** Raw execution of {@code code}; answered by stdout, 0x04, traceback, 0x04. */
    void execRaw(byte[] code) throws IOException {
        send(("X " + code.length + "\n").getBytes(StandardCharsets.US_ASCII), code);
    }

    /** One friendly-REPL line; answered by output, 0x04 and '1' (more input) or '0'. */
    void pushLine(String line) throws IOException {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        send(("I " + bytes.length + "\n").getBytes(StandardCharsets.US_ASCII), bytes);
    }

    void cancelLine() throws IOException {
        send("C\n".getBytes(StandardCharsets.US_ASCII), new byte[0]);
    }

    /** Runs a file of the filesystem (boot.py, main.py) when present; answered by output, 0x04. */
    void runFile(String name) throws IOException {
        send(("F " + name + "\n").getBytes(StandardCharsets.US_ASCII), new byte[0]);
    }

    /** The driver announced itself (its first byte, 0x06, consumed by the pump). */
    void markReady() {
        ready = true;
    }

    /** Ctrl-C: SIGINT makes the running code raise KeyboardInterrupt, as on the board. Ignored while starting. */
    void interrupt() {
        if (!ready) {
            return; // the interpreter is still starting: like a Ctrl-C during the ROM boot, it is lost
        }
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor(2, TimeUnit.SECONDS);
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    private void send(byte[] header, byte[] body) throws IOException {
        OutputStream in = process.getOutputStream();
        synchronized (in) {
            in.write(header);
            in.write(body);
            in.flush();
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path driverScript() throws IOException {
        synchronized (HostPython.class) {
            if (driver == null || !Files.exists(driver)) {
                Path file = Files.createTempFile("uconform-repl-host", ".py");
                file.toFile().deleteOnExit();
                try (InputStream in = HostPython.class.getResourceAsStream("repl_host.py")) {
                    if (in == null) {
                        throw new IOException("resource repl_host.py is missing from the simulator jar");
                    }
                    Files.write(file, in.readAllBytes());
                }
                driver = file;
            }
            return driver;
        }
    }

    private static Path driver;
}
