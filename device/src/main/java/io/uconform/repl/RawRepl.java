package io.uconform.repl;

import io.uconform.link.Link;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Drives a MicroPython board's raw REPL over a {@link Link}, as mpremote does: enter with Ctrl-C
 * then Ctrl-A (retrying, so a board that is still booting after the DTR/RTS-on-open reset is
 * caught), run code in raw-paste mode when the board offers it (else standard raw mode in 256
 * byte slices), capture stdout and the traceback, soft reset, leave. Every wait is bounded.
 * Not thread-safe: one conversation at a time.
 */
public final class RawRepl implements AutoCloseable {

    static final byte[] RAW_BANNER = "raw REPL; CTRL-B to exit\r\n>".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SOFT_REBOOT = "soft reboot\r\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] EOT = {0x04};
    private static final Duration ENTER_TIMEOUT = Duration.ofSeconds(10);
    /** A board still booting (or busy starting main.py) may drop the first Ctrl-Cs: retry with longer waits. */
    static final int ENTER_ATTEMPTS = 5;

    private final ReplIo io;
    private final Duration execTimeout;
    private final int enterAttempts;
    private boolean inRaw;
    private boolean pasteSupported = true;

    /** @param execTimeout how long one snippet may run (and print) before the call fails */
    public RawRepl(Link link, ConsoleTap tap, Duration execTimeout) {
        this(link, tap, execTimeout, ENTER_ATTEMPTS);
    }

    RawRepl(Link link, ConsoleTap tap, Duration execTimeout, int enterAttempts) {
        this.io = new ReplIo(link, tap);
        this.execTimeout = execTimeout;
        this.enterAttempts = enterAttempts;
    }

    /** Interrupts whatever runs and enters the raw REPL; with {@code softReset}, also resets the heap. */
    public void enter(boolean softReset) {
        ReplException last = null;
        for (int attempt = 1; attempt <= enterAttempts && !inRaw; attempt++) {
            try {
                io.write("\r\u0003");
                io.drain(Duration.ofMillis(100));
                io.write("\u0003");
                io.drain(Duration.ofMillis(150 * attempt));
                io.write("\r\u0001");
                io.readUntil(RAW_BANNER, Duration.ofSeconds(attempt), "the raw REPL banner");
                inRaw = true;
            } catch (IOException e) {
                last = new ReplException("no raw REPL on " + io.linkName() + " after " + attempt
                        + " attempt(s): " + e.getMessage(), e);
                if (e instanceof java.io.EOFException) {
                    break;
                }
            }
        }
        if (!inRaw) {
            throw last;
        }
        if (softReset) {
            softReset();
        }
    }

    /** Soft reset from the raw REPL: a fresh heap, boot.py runs, main.py does not. */
    public void softReset() {
        requireRaw();
        try {
            io.write(EOT);
            io.readUntil(SOFT_REBOOT, ENTER_TIMEOUT, "'soft reboot'");
            io.readUntil(RAW_BANNER, ENTER_TIMEOUT, "the raw REPL banner after the soft reboot");
        } catch (IOException e) {
            inRaw = false;
            throw new ReplException("soft reset failed on " + io.linkName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code code} and returns what it printed; a traceback is returned, not thrown. The
     * exchange stays out of the console capture except a traceback, which it shows.
     */
    public ExecResult exec(String code) {
        requireRaw();
        byte[] source = code.getBytes(StandardCharsets.UTF_8);
        try {
            String out;
            String err;
            try (ReplIo.Muted muted = io.mute()) {
                if (!(pasteSupported && new RawPaste(io).send(source))) {
                    pasteSupported = false;
                    sendStandard(source);
                }
                out = text(io.readUntil(EOT, execTimeout, "the end of the program's output"));
                err = text(io.readUntil(EOT, execTimeout, "the end of the error output"));
                io.readUntil(new byte[] {'>'}, execTimeout, "the raw REPL prompt");
            }
            if (!err.isEmpty()) {
                io.show(err);
            }
            return new ExecResult(out, err);
        } catch (IOException e) {
            inRaw = false;
            throw new ReplException("running code on " + io.linkName() + " failed: " + e.getMessage(), e);
        }
    }

    /** Runs {@code code}; a traceback becomes a {@link ReplException} naming {@code what}. */
    public String execOrThrow(String code, String what) {
        ExecResult r = exec(code);
        if (r.failed()) {
            throw new ReplException(what + " failed on " + io.linkName() + ": " + r.exceptionLine());
        }
        return r.stdout();
    }

    /** Whether the last exec used raw-paste (false after the board refused it once). */
    public boolean usesRawPaste() {
        return pasteSupported;
    }

    /** Leaves the raw REPL for the friendly one (Ctrl-B); the banner and {@code >>> } follow. */
    public void leave() {
        if (!inRaw) {
            return;
        }
        try {
            io.write("\r\u0002");
            io.readUntil(">>> ".getBytes(StandardCharsets.US_ASCII), ENTER_TIMEOUT, "the friendly prompt");
        } catch (IOException e) {
            throw new ReplException("leaving the raw REPL on " + io.linkName() + " failed: " + e.getMessage(), e);
        } finally {
            inRaw = false;
        }
    }

    /** Ctrl-D at the friendly prompt: soft reboot that runs boot.py and main.py. Does not wait. */
    public void softRebootIntoMain() {
        try {
            leave();
            io.write("\u0004");
        } catch (IOException e) {
            throw new ReplException("soft reboot on " + io.linkName() + " failed: " + e.getMessage(), e);
        }
    }

    private void sendStandard(byte[] source) throws IOException {
        for (int i = 0; i < source.length; i += 256) {
            io.write(java.util.Arrays.copyOfRange(source, i, Math.min(source.length, i + 256)));
        }
        io.write(EOT);
        byte[] ok = io.readExactly(2, ENTER_TIMEOUT, "'OK' after the code");
        if (ok[0] != 'O' || ok[1] != 'K') {
            throw new IOException("the board answered '" + ReplIo.printable(ok) + "' instead of 'OK'");
        }
    }

    private void requireRaw() {
        if (!inRaw) {
            throw new IllegalStateException("enter() the raw REPL first");
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (inRaw) {
            try {
                leave();
            } catch (ReplException e) {
                // the board is gone; nothing to leave
            }
        }
    }
}
