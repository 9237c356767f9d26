package io.uconform.simulator.esp32;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The MicroPython REPL of the virtual ESP32 as the raw-REPL spec and the board describe it:
 * friendly mode ({@code >>> }, continuation lines, paste mode), raw mode (Ctrl-A), raw-paste with
 * flow control, soft reset (Ctrl-D, SystemExit) and interrupt (Ctrl-C). Code runs in a
 * {@link ReplInterpreter}; its output is relayed, cooked ({@code \n} becomes {@code \r\n}), to the
 * UART, and the driver's marks end each section. Input arrives on the device thread, output on a
 * pump thread; both hold this object's lock while they change the mode.
 */
final class MicroPythonRepl implements AutoCloseable {

    /** Where the REPL writes: the board's UART. Thread-safe. */
    interface Uart {
        void write(byte[] bytes);
    }

    private enum Mode { FRIENDLY, FRIENDLY_PASTE, RAW, RAW_PASTE, BUSY_RAW, BUSY_FRIENDLY, BUSY_FILE, DEAD }

    /** What a boot file's run ended with. */
    private interface FileResult {
        void done(boolean failed, boolean forcedExit);
    }

    static final String RAW_BANNER = "raw REPL; CTRL-B to exit\r\n";
    static final String PASTE_BANNER = "\r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== ";
    static final int PASTE_WINDOW = 128;
    private static final int MAX_TYPE_AHEAD = 64 * 1024;

    private final Uart uart;
    private final Supplier<ReplInterpreter> interpreters;
    private final String banner;
    private final Runnable onInterpreterExit;
    private final boolean rawPaste;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final StringBuilder statement = new StringBuilder(); // friendly lines so far, while continuing
    private Mode mode = Mode.DEAD;
    private ReplInterpreter python;
    private StringBuilder identity; // the driver's self-description while it is being printed
    private FileResult afterFile = (failed, forced) -> { };
    private int rawSections;
    private int pasteConsumed;
    private int escape; // inside a terminal escape sequence (arrow keys): 1 after ESC, 2 after ESC [
    private boolean continuing;
    private boolean begun;
    private boolean codeRunning;
    private boolean interruptWanted;
    private boolean interrupted; // Ctrl-C reached the running program: what follows is typed for the REPL
    private boolean forcedExit;
    private boolean failed;
    private boolean closed;
    private byte lastByte; // the last byte relayed, to cook a lone \n into \r\n across chunks

    MicroPythonRepl(Uart uart, Supplier<ReplInterpreter> interpreters, String banner, Runnable onInterpreterExit,
                    boolean rawPaste) {
        this.rawPaste = rawPaste;
        this.uart = uart;
        this.interpreters = interpreters;
        this.banner = banner;
        this.onInterpreterExit = onInterpreterExit;
    }

    /** Hard boot: boot.py, then main.py, then the friendly prompt. */
    synchronized void boot() {
        startInterpreter();
        runBootFiles(true);
    }

    /** The interpreter of the current boot, once it has announced itself. */
    synchronized String interpreterIdentity() {
        return python == null ? null : python.identity();
    }

    synchronized void receive(byte[] data, int off, int len) {
        for (int i = off; i < off + len; i++) {
            receive(data[i] & 0xFF);
        }
    }

    private void receive(int b) {
        switch (mode) {
            case FRIENDLY -> friendly(b);
            case FRIENDLY_PASTE -> friendlyPaste(b);
            case RAW -> raw(b);
            case RAW_PASTE -> rawPaste(b);
            case BUSY_RAW, BUSY_FRIENDLY, BUSY_FILE -> {
                if (b == 0x03) {
                    interrupt();
                } else if (codeRunning && !interrupted) {
                    python.forward(b); // the running program's stdin; after a Ctrl-C the bytes are for the REPL
                } else if (pending.size() < MAX_TYPE_AHEAD) {
                    pending.write(b); // the UART buffers it; the REPL reads it when the code is done
                }
            }
            default -> { }
        }
    }

    /** Ctrl-C is the interrupt character only while code runs, as on the board. */
    private void interrupt() {
        if (python == null || !python.ready()) {
            return; // still starting: lost, like a Ctrl-C during the ROM boot
        }
        if (!begun) {
            interruptWanted = true; // the command is still on its way to the interpreter
        } else if (codeRunning) {
            interrupted = true;
            python.interrupt();
        }
    }

    private void friendly(int b) {
        if (escape > 0) {
            skipEscape(b); // arrow keys and the like: this REPL keeps no line history
            return;
        }
        boolean empty = buffer.size() == 0;
        if (b == 0x01 && empty && !continuing) {
            mode = Mode.RAW;
            write("\r\n" + RAW_BANNER + ">");
        } else if (b == 0x02 && empty && !continuing) {
            write("\r\n" + banner + ">>> ");
        } else if (b == 0x03) {
            buffer.reset();
            statement.setLength(0);
            continuing = false;
            write("\r\n>>> ");
        } else if (b == 0x04 && empty && continuing) {
            runStatement(statement.toString());
        } else if (b == 0x04 && empty) {
            write("\r\n");
            softReset(false);
        } else if (b == 0x05 && empty && !continuing) {
            mode = Mode.FRIENDLY_PASTE;
            write(PASTE_BANNER);
        } else if (b == '\r') {
            enterLine();
        } else if (b == 0x08 || b == 0x7F) {
            if (!empty) {
                byte[] kept = buffer.toByteArray();
                buffer.reset();
                buffer.write(kept, 0, kept.length - 1);
                write("\b \b");
            }
        } else if (b == 0x1B) {
            escape = 1;
        } else if (b >= 0x20 || b == '\t') {
            buffer.write(b);
            uart.write(new byte[] {(byte) b});
        }
    }

    /** ESC, then either one byte, or '[' and parameter bytes up to a final byte (0x40-0x7E). */
    private void skipEscape(int b) {
        if (escape == 1) {
            escape = b == '[' ? 2 : 0;
        } else if (b >= 0x40 && b <= 0x7E) {
            escape = 0;
        }
    }

    private void enterLine() {
        write("\r\n");
        String line = buffer.toString(StandardCharsets.UTF_8);
        buffer.reset();
        if (line.isEmpty() && !continuing) {
            write(">>> ");
            return;
        }
        String sofar = statement + line;
        if (ContinuationRule.continues(sofar)) {
            statement.setLength(0);
            statement.append(sofar).append('\n');
            continuing = true;
            write("... ");
        } else {
            runStatement(sofar);
        }
    }

    private void runStatement(String text) {
        statement.setLength(0);
        continuing = false;
        call(Mode.BUSY_FRIENDLY, () -> python.execStatement(text));
    }

    private void friendlyPaste(int b) {
        if (b == 0x03) {
            buffer.reset();
            mode = Mode.FRIENDLY;
            write("\r\n>>> ");
        } else if (b == 0x04) {
            write("\r\n");
            byte[] code = buffer.toString(StandardCharsets.UTF_8).replace("\r\n", "\n").replace('\r', '\n')
                    .getBytes(StandardCharsets.UTF_8);
            buffer.reset();
            call(Mode.BUSY_FRIENDLY, () -> python.execPasted(code));
        } else {
            buffer.write(b);
            if (b == '\r') {
                write("\r\n=== ");
            } else {
                uart.write(new byte[] {(byte) b});
            }
        }
    }

    private void raw(int b) {
        if (b == 0x01) {
            byte[] got = buffer.toByteArray();
            buffer.reset();
            if (got.length == 2 && got[0] == 0x05 && got[1] == 'A' && !rawPaste) {
                uart.write(new byte[] {'R', 0x00}); // understood, not supported: the host falls back
            } else if (got.length == 2 && got[0] == 0x05 && got[1] == 'A') {
                mode = Mode.RAW_PASTE;
                pasteConsumed = 0;
                uart.write(new byte[] {'R', 0x01, (byte) PASTE_WINDOW, 0, 0x01});
            } else {
                write(RAW_BANNER + ">");
            }
        } else if (b == 0x02) {
            buffer.reset();
            mode = Mode.FRIENDLY;
            write("\r\n" + banner + ">>> ");
        } else if (b == 0x03) {
            buffer.reset();
        } else if (b == 0x04) {
            if (buffer.size() == 0) {
                write("OK\r\n");
                softReset(true);
            } else {
                write("OK");
                execute(buffer.toByteArray());
            }
        } else {
            buffer.write(b);
        }
    }

    private void rawPaste(int b) {
        if (b == 0x04 || b == 0x03) {
            uart.write(new byte[] {0x04});
            if (b == 0x03) {
                buffer.reset();
                mode = Mode.RAW;
                write("\u0004KeyboardInterrupt: \r\n\u0004>");
            } else {
                execute(buffer.toByteArray());
            }
            return;
        }
        buffer.write(b);
        if (++pasteConsumed % PASTE_WINDOW == 0) {
            uart.write(new byte[] {0x01}); // window update: the host may send W more bytes
        }
    }

    private void execute(byte[] code) {
        buffer.reset();
        call(Mode.BUSY_RAW, () -> python.execRaw(code));
    }

    private void softReset(boolean stayRaw) {
        write("MPY: soft reboot\r\n");
        stopInterpreter();
        startInterpreter();
        runBootFiles(!stayRaw); // main.py runs only when the friendly REPL is the active mode
    }

    /** boot.py; then, in friendly mode and if boot.py did not fail, main.py; then the prompt. */
    private void runBootFiles(boolean friendlyMode) {
        afterFile = (bootFailed, bootExit) -> {
            if (bootExit) {
                softReset(!friendlyMode);
            } else if (friendlyMode && !bootFailed) {
                afterFile = (mainFailed, mainExit) -> {
                    if (mainExit) {
                        softReset(false);
                    } else {
                        friendlyPrompt();
                    }
                };
                call(Mode.BUSY_FILE, () -> python.runFile("main.py"));
            } else if (friendlyMode) {
                friendlyPrompt();
            } else {
                mode = Mode.RAW;
                write(RAW_BANNER + ">");
            }
        };
        call(Mode.BUSY_FILE, () -> python.runFile("boot.py"));
    }

    private void friendlyPrompt() {
        mode = Mode.FRIENDLY;
        write(banner + ">>> ");
    }

    private synchronized void fromInterpreter(ReplInterpreter source, byte[] chunk, int off, int len) {
        if (source != python) {
            return;
        }
        if (identity != null) {
            identity.append(new String(chunk, off, len, StandardCharsets.UTF_8));
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(len + 16);
        for (int i = off; i < off + len; i++) {
            byte b = chunk[i];
            if (b == '\n' && lastByte != '\r') {
                out.write('\r');
            }
            out.write(b);
            lastByte = b;
        }
        uart.write(out.toByteArray());
    }

    private synchronized void markFromInterpreter(ReplInterpreter source, char tag) {
        if (source != python) {
            return;
        }
        switch (tag) {
            case 'v' -> identity = new StringBuilder();
            case 'r' -> {
                source.markReady(identity == null ? "unknown" : identity.toString().trim());
                identity = null;
            }
            case 'b' -> {
                begun = true;
                codeRunning = true;
                if (interruptWanted) {
                    interruptWanted = false;
                    interrupted = true;
                    python.interrupt();
                }
            }
            case 'e' -> {
                if (codeRunning) {
                    codeRunning = false; // no SIGINT from here on
                    acknowledgeEnd();
                }
            }
            case 'x' -> failed = true;
            case 's' -> forcedExit = true;
            case 'k' -> sectionEnded();
            default -> { } // a tag this REPL does not know: nothing to do
        }
    }

    private void acknowledgeEnd() {
        try {
            python.acknowledgeEnd();
        } catch (IOException e) {
            mode = Mode.DEAD;
            write("virtual ESP32: the interpreter stopped (" + e.getMessage() + ")\r\n");
        }
    }

    private void sectionEnded() {
        codeRunning = false;
        switch (mode) {
            case BUSY_RAW -> {
                uart.write(new byte[] {0x04});
                if (++rawSections == 2) {
                    if (forcedExit) {
                        softReset(true);
                    } else {
                        mode = Mode.RAW;
                        write(">");
                    }
                }
            }
            case BUSY_FRIENDLY -> {
                if (forcedExit) {
                    softReset(false);
                } else {
                    mode = Mode.FRIENDLY;
                    write(">>> ");
                }
            }
            case BUSY_FILE -> afterFile.done(failed, forcedExit);
            default -> { }
        }
        replayTypeAhead();
    }

    /** Feeds input that arrived while code ran, now that the REPL reads again. */
    private void replayTypeAhead() {
        while (pending.size() > 0 && reading()) {
            byte[] queued = pending.toByteArray();
            pending.reset();
            int i = 0;
            while (i < queued.length && reading()) {
                receive(queued[i++] & 0xFF);
            }
            if (i < queued.length) {
                byte[] newer = pending.toByteArray();
                pending.reset();
                pending.writeBytes(Arrays.copyOfRange(queued, i, queued.length));
                pending.writeBytes(newer);
            }
        }
    }

    private boolean reading() {
        return mode == Mode.FRIENDLY || mode == Mode.FRIENDLY_PASTE || mode == Mode.RAW || mode == Mode.RAW_PASTE;
    }

    private void startInterpreter() {
        pending.reset();
        buffer.reset();
        statement.setLength(0);
        continuing = false;
        interruptWanted = false;
        escape = 0;
        identity = null;
        try {
            python = interpreters.get();
        } catch (RuntimeException e) {
            mode = Mode.DEAD;
            write("virtual ESP32: " + e.getMessage() + "\r\n");
            python = null;
            return;
        }
        ReplInterpreter mine = python;
        Thread pump = new Thread(() -> pump(mine), "virtual-esp32-repl-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private void pump(ReplInterpreter source) {
        MarkScanner scanner = new MarkScanner(source.mark());
        MarkScanner.Sink sink = new MarkScanner.Sink() {
            @Override
            public void output(byte[] bytes, int off, int len) {
                fromInterpreter(source, bytes, off, len);
            }

            @Override
            public void mark(char tag) {
                markFromInterpreter(source, tag);
            }
        };
        byte[] chunk = new byte[4096];
        try {
            int n;
            while ((n = source.output().read(chunk)) > 0) {
                scanner.feed(chunk, n, sink);
            }
        } catch (IOException e) {
            // the process is gone: handled below like an exit
        }
        boolean unexpected;
        synchronized (this) {
            unexpected = source == python && !closed;
            if (unexpected) {
                mode = Mode.DEAD;
                python = null;
            }
        }
        if (unexpected) {
            onInterpreterExit.run(); // machine.reset() or a crashed interpreter: the board reboots
        }
    }

    private void stopInterpreter() {
        ReplInterpreter old = python;
        python = null;
        if (old != null) {
            old.close();
        }
    }

    private interface InterpreterCall {
        void run() throws IOException;
    }

    /** Hands a command to the interpreter; the REPL is busy until its last section ends. */
    private void call(Mode busy, InterpreterCall command) {
        if (python == null) {
            mode = Mode.DEAD;
            return;
        }
        mode = busy;
        begun = false;
        interrupted = false;
        codeRunning = false;
        forcedExit = false;
        failed = false;
        rawSections = 0;
        try {
            command.run();
        } catch (IOException e) {
            mode = Mode.DEAD;
            write("virtual ESP32: the interpreter stopped (" + e.getMessage() + ")\r\n");
        }
    }

    private void write(String text) {
        uart.write(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void close() {
        closed = true;
        mode = Mode.DEAD;
        stopInterpreter();
    }
}
