package io.uconform.simulator.esp32;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The MicroPython REPL of the virtual ESP32 as the raw-REPL spec describes it: friendly mode
 * ({@code >>> }), raw mode (Ctrl-A), raw-paste with flow control, soft reset (Ctrl-D) and
 * interrupt (Ctrl-C). Code runs in a {@link HostPython} process; its output is relayed, cooked
 * ({@code \n} becomes {@code \r\n}), to the UART. Input arrives on the device thread, output on a
 * pump thread; both hold this object's lock while they change the mode.
 */
final class MicroPythonRepl implements AutoCloseable {

    /** Where the REPL writes: the board's UART. Thread-safe. */
    interface Uart {
        void write(byte[] bytes);
    }

    private enum Mode { FRIENDLY, RAW, PASTE, BUSY_RAW, BUSY_FRIENDLY, BUSY_FILE, DEAD }

    static final String RAW_BANNER = "raw REPL; CTRL-B to exit\r\n";
    static final int PASTE_WINDOW = 128;
    private static final int MAX_TYPE_AHEAD = 64 * 1024;

    private final Uart uart;
    private final Supplier<HostPython> interpreters;
    private final String banner;
    private final Runnable onInterpreterExit;
    private final boolean rawPaste;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private Mode mode = Mode.DEAD;
    private HostPython python;
    private Runnable afterFile = () -> { };
    private int rawTerminators;
    private int pasteConsumed;
    private boolean awaitingMoreFlag;
    private boolean continuation;
    private boolean closed;
    private boolean started;
    private byte lastByte; // the last byte relayed, to cook a lone \n into \r\n across chunks

    MicroPythonRepl(Uart uart, Supplier<HostPython> interpreters, String banner, Runnable onInterpreterExit,
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
        runFiles(true, this::friendlyPrompt);
    }

    synchronized void receive(byte[] data, int off, int len) {
        for (int i = off; i < off + len; i++) {
            receive(data[i] & 0xFF);
        }
    }

    private void receive(int b) {
        switch (mode) {
            case FRIENDLY -> friendly(b);
            case RAW -> raw(b);
            case PASTE -> paste(b);
            case BUSY_RAW, BUSY_FRIENDLY, BUSY_FILE -> {
                if (b == 0x03) {
                    pending.reset(); // the interrupt character also flushes typed-ahead input
                    python.interrupt();
                } else if (pending.size() < MAX_TYPE_AHEAD) {
                    pending.write(b); // the UART buffers it; the REPL reads it when the code is done
                }
            }
            default -> { }
        }
    }

    private void friendly(int b) {
        boolean empty = buffer.size() == 0;
        if (b == 0x01 && empty) {
            mode = Mode.RAW;
            write("\r\n" + RAW_BANNER + ">");
        } else if (b == 0x02 && empty) {
            write("\r\n" + banner + ">>> ");
        } else if (b == 0x03) {
            buffer.reset();
            continuation = false;
            send(() -> python.cancelLine());
            write("\r\n>>> ");
        } else if (b == 0x04 && empty) {
            write("\r\n");
            softReset(false);
        } else if (b == '\r' && empty && !continuation) {
            write("\r\n>>> ");
        } else if (b == '\r') {
            write("\r\n");
            String line = buffer.toString(StandardCharsets.UTF_8);
            buffer.reset();
            mode = Mode.BUSY_FRIENDLY;
            awaitingMoreFlag = false;
            send(() -> python.pushLine(line));
        } else if (b == 0x08 || b == 0x7F) {
            if (!empty) {
                byte[] kept = buffer.toByteArray();
                buffer.reset();
                buffer.write(kept, 0, kept.length - 1);
                write("\b \b");
            }
        } else if (b >= 0x20 || b == '\t') {
            buffer.write(b);
            uart.write(new byte[] {(byte) b});
        }
    }

    private void raw(int b) {
        if (b == 0x01) {
            byte[] got = buffer.toByteArray();
            buffer.reset();
            if (got.length == 2 && got[0] == 0x05 && got[1] == 'A' && !rawPaste) {
                uart.write(new byte[] {'R', 0x00}); // understood, not supported: the host falls back
            } else if (got.length == 2 && got[0] == 0x05 && got[1] == 'A') {
                mode = Mode.PASTE;
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

    private void paste(int b) {
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
        mode = Mode.BUSY_RAW;
        rawTerminators = 0;
        send(() -> python.execRaw(code));
    }

    private void softReset(boolean stayRaw) {
        write("MPY: soft reboot\r\n");
        stopInterpreter();
        startInterpreter();
        // main.py runs only when the friendly REPL is the active mode
        runFiles(!stayRaw, stayRaw ? () -> {
            mode = Mode.RAW;
            write(RAW_BANNER + ">");
        } : this::friendlyPrompt);
    }

    private void runFiles(boolean withMain, Runnable then) {
        mode = Mode.BUSY_FILE;
        afterFile = withMain ? () -> {
            mode = Mode.BUSY_FILE;
            afterFile = then;
            send(() -> python.runFile("main.py"));
        } : then;
        send(() -> python.runFile("boot.py"));
    }

    private void friendlyPrompt() {
        mode = Mode.FRIENDLY;
        write(banner + ">>> ");
    }

    /** Called by the pump for every chunk the interpreter prints. */
    private synchronized void fromInterpreter(HostPython source, byte[] chunk, int len) {
        if (source != python) {
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(len + 16);
        for (int i = 0; i < len; i++) {
            int b = chunk[i] & 0xFF;
            if (b == 0x06 && !started) {
                started = true;
                source.markReady();
            } else if (awaitingMoreFlag) {
                awaitingMoreFlag = false;
                continuation = b == '1';
                mode = Mode.FRIENDLY;
                out.writeBytes((continuation ? "... " : ">>> ").getBytes(StandardCharsets.US_ASCII));
            } else if (b == 0x04 && mode == Mode.BUSY_RAW) {
                out.write(b);
                if (++rawTerminators == 2) {
                    mode = Mode.RAW;
                    out.write('>');
                }
            } else if (b == 0x04 && mode == Mode.BUSY_FRIENDLY) {
                awaitingMoreFlag = true;
            } else if (b == 0x04 && mode == Mode.BUSY_FILE) {
                flush(out);
                Runnable next = afterFile;
                afterFile = () -> { };
                next.run();
            } else if (b == '\n' && lastByte != '\r') {
                out.write('\r');
                out.write('\n');
                lastByte = '\n';
            } else {
                out.write(b);
                lastByte = (byte) b;
            }
        }
        flush(out);
        replayTypeAhead();
    }

    /** Feeds input that arrived while code ran, now that the REPL reads again. */
    private void replayTypeAhead() {
        while (pending.size() > 0 && (mode == Mode.FRIENDLY || mode == Mode.RAW || mode == Mode.PASTE)) {
            byte[] queued = pending.toByteArray();
            pending.reset();
            int i = 0;
            while (i < queued.length && (mode == Mode.FRIENDLY || mode == Mode.RAW || mode == Mode.PASTE)) {
                receive(queued[i++] & 0xFF);
            }
            if (i < queued.length) {
                byte[] rest = java.util.Arrays.copyOfRange(queued, i, queued.length);
                byte[] newer = pending.toByteArray();
                pending.reset();
                pending.writeBytes(rest);
                pending.writeBytes(newer);
            }
        }
    }

    private void flush(ByteArrayOutputStream out) {
        if (out.size() > 0) {
            uart.write(out.toByteArray());
            out.reset();
        }
    }

    private void startInterpreter() {
        started = false;
        pending.reset();
        buffer.reset();
        continuation = false;
        awaitingMoreFlag = false;
        try {
            python = interpreters.get();
        } catch (RuntimeException e) {
            mode = Mode.DEAD;
            write("virtual ESP32: " + e.getMessage() + "\r\n");
            python = null;
            return;
        }
        HostPython mine = python;
        Thread pump = new Thread(() -> pump(mine), "virtual-esp32-python-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private void pump(HostPython source) {
        byte[] chunk = new byte[4096];
        try {
            int n;
            while ((n = source.output().read(chunk)) > 0) {
                fromInterpreter(source, chunk, n);
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
        HostPython old = python;
        python = null;
        if (old != null) {
            old.close();
        }
    }

    private interface PythonCall {
        void run() throws IOException;
    }

    private void send(PythonCall call) {
        if (python == null) {
            mode = Mode.DEAD;
            return;
        }
        try {
            call.run();
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
