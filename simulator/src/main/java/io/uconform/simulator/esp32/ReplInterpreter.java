package io.uconform.simulator.esp32;

import io.uconform.simulator.host.Interpreter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The host interpreter process that runs the virtual board's MicroPython code for one boot: the
 * MicroPython unix port with the board's heap ({@code -X heapsize=}), or CPython. It runs
 * {@code repl_host.py} in the board's filesystem directory. Commands go over a loopback connection
 * the driver opens back to us; the process's stdin is the UART's receive side for the running program
 * ({@code input()}, {@code sys.stdin}); its stdout carries program output and the driver's marks
 * ({@link MarkScanner}). A soft reset starts a new one.
 */
final class ReplInterpreter implements AutoCloseable {

    /** What a running program may have waiting on its stdin (an ESP32 keeps 260 bytes; this is generous). */
    static final int STDIN_LIMIT = 4096;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final ServerSocket channelServer;
    private Socket channel;
    private int forwarded;
    private final byte[] mark;
    private final boolean catchesInterruptUnknowable;
    private volatile String identity;
    private volatile Process lastKill;

    private ReplInterpreter(Process process, ServerSocket channelServer, byte[] mark) {
        this.process = process;
        this.channelServer = channelServer;
        this.mark = mark;
        this.catchesInterruptUnknowable = !Files.isReadable(statusFile(process.pid()));
    }

    /**
     * @param uname   the board's {@code os.uname()} fields, {@code |}-separated
     * @param hostrt  the stand-in modules ({@code machine}, {@code network}, the board's {@code os})
     */
    static ReplInterpreter start(Interpreter interpreter, String heap, Path fsDir, Path hostrt, String uname,
                                 Map<String, String> env) {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        byte[] mark = ("\u0010UCONFORM" + HexFormat.of().formatHex(random)).getBytes(StandardCharsets.US_ASCII);
        ServerSocket server = null;
        try {
            server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            ProcessBuilder pb = new ProcessBuilder(command(interpreter, heap, driverScript()));
            pb.directory(fsDir.toFile());
            pb.redirectErrorStream(true);
            Map<String, String> e = pb.environment();
            e.putAll(env);
            e.put("UCONFORM_REPL_MARK", new String(mark, StandardCharsets.US_ASCII));
            e.put("UCONFORM_REPL_CHANNEL", "127.0.0.1:" + server.getLocalPort());
            e.put("UCONFORM_HOSTRT", hostrt.toAbsolutePath().toString());
            e.put("UCONFORM_UNAME", uname);
            e.put("PYTHONPATH", hostrt.toAbsolutePath().toString());
            e.put("PYTHONIOENCODING", "utf-8");
            return new ReplInterpreter(pb.start(), server, mark);
        } catch (IOException ex) {
            closeQuietly(server);
            throw new UncheckedIOException("cannot start '" + interpreter.executable() + "' for the virtual ESP32: "
                    + ex.getMessage(), ex);
        }
    }

    private static List<String> command(Interpreter interpreter, String heap, Path driver) {
        List<String> cmd = new ArrayList<>();
        cmd.add(interpreter.executable().toString());
        if (interpreter.isMicroPython()) {
            cmd.add("-X");
            cmd.add("heapsize=" + heap);
        } else {
            cmd.add("-u");
            cmd.add("-B");
        }
        cmd.add(driver.toString());
        return cmd;
    }

    InputStream output() {
        return process.getInputStream();
    }

    byte[] mark() {
        return mark.clone();
    }

    /** Raw execution: answered by stdout, mark k, error text, mark k. */
    void execRaw(byte[] code) throws IOException {
        send("X " + code.length + "\n", code);
    }

    /** One friendly-REPL statement, expression values echoed: answered by its output and mark k. */
    void execStatement(String statement) throws IOException {
        byte[] bytes = statement.getBytes(StandardCharsets.UTF_8);
        send("I " + bytes.length + "\n", bytes);
    }

    /** Code pasted in the friendly REPL's paste mode (a whole file's worth): output and mark k. */
    void execPasted(byte[] code) throws IOException {
        send("P " + code.length + "\n", code);
    }

    /** Runs a file of the filesystem (boot.py, main.py) when present: output, mark x on an error, mark k. */
    void runFile(String name) throws IOException {
        send("F " + name + "\n", new byte[0]);
    }

    /**
     * The answer to mark {@code e} (the code has ended): every SIGINT sent for it has been queued
     * ({@link #interrupt} waits for {@code kill}), and none follows until the next mark {@code b}.
     */
    void acknowledgeEnd() throws IOException {
        Process kill = lastKill;
        if (kill != null) {
            try {
                kill.waitFor(10, TimeUnit.SECONDS); // one that took longer than interrupt() waited
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        OutputStream out = channel().getOutputStream();
        out.write(new byte[] {'A', '\n'});
        out.flush();
    }

    /** The driver announced itself ("micropython 1.29.0-...", "cpython 3.11.7") and now takes interrupts. */
    void markReady(String who) {
        identity = who;
    }

    boolean ready() {
        return identity != null;
    }

    String identity() {
        return identity;
    }

    /**
     * Ctrl-C while code runs: SIGINT, which both interpreters turn into KeyboardInterrupt, but only
     * while the program lets Ctrl-C interrupt it ({@code micropython.kbd_intr(-1)} turns that off; the
     * unix port would then die of the signal, so none is sent).
     */
    void interrupt() {
        if (!ready() || !catchesInterrupt()) {
            return;
        }
        try {
            lastKill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start();
            lastKill.waitFor(2, TimeUnit.SECONDS);
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether SIGINT has a handler in the process (Linux: SigCgt in /proc; elsewhere assumed). */
    private boolean catchesInterrupt() {
        if (catchesInterruptUnknowable) {
            return true;
        }
        try {
            for (String line : Files.readAllLines(statusFile(process.pid()))) {
                if (line.startsWith("SigCgt:")) {
                    long caught = Long.parseUnsignedLong(line.substring(7).trim(), 16);
                    return (caught & 0x2) != 0; // bit 1: signal 2, SIGINT
                }
            }
        } catch (IOException | NumberFormatException e) {
            return true;
        }
        return true;
    }

    private static Path statusFile(long pid) {
        return Path.of("/proc", Long.toString(pid), "status");
    }

    /**
     * A byte from the UART while the program runs: it waits on the program's stdin. Past
     * {@link #STDIN_LIMIT} unread bytes it is dropped, as a full receive buffer drops it.
     */
    void forward(int b) {
        if (forwarded >= STDIN_LIMIT) {
            return;
        }
        forwarded++;
        try {
            OutputStream in = process.getOutputStream();
            in.write(b);
            in.flush();
        } catch (IOException e) {
            // the process is gone: its end is handled by the REPL's pump
        }
    }

    private void send(String header, byte[] body) throws IOException {
        forwarded = 0; // what the last program left unread stays with it (not modelled: handing it back)
        OutputStream out = channel().getOutputStream();
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** The driver's connection back to us, waited for (bounded) while the interpreter starts. */
    private synchronized Socket channel() throws IOException {
        if (channel != null) {
            return channel;
        }
        long deadline = System.nanoTime() + CONNECT_TIMEOUT.toNanos();
        channelServer.setSoTimeout(200);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                channel = channelServer.accept();
                channel.setTcpNoDelay(true);
                closeQuietly(channelServer);
                return channel;
            } catch (SocketTimeoutException e) {
                // not yet: the interpreter is still starting
            }
        }
        throw new IOException(process.isAlive() ? "the REPL driver did not connect within "
                + CONNECT_TIMEOUT.toSeconds() + " s" : "the interpreter exited while starting");
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        closeQuietly(channelServer);
        synchronized (this) {
            closeQuietly(channel);
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path driverScript() throws IOException {
        synchronized (ReplInterpreter.class) {
            if (driver == null || !Files.exists(driver)) {
                Path file = Files.createTempFile("uconform-repl-host", ".py");
                file.toFile().deleteOnExit();
                try (InputStream in = ReplInterpreter.class.getResourceAsStream("repl_host.py")) {
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
