package io.uconform.simulator.esp32;

import io.uconform.link.InMemoryLink;
import io.uconform.link.Link;
import io.uconform.link.Slip;
import io.uconform.link.SlipDecoder;
import io.uconform.simulator.board.VirtualBoard;
import io.uconform.simulator.host.Interpreter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A virtual ESP32 on a serial link. After a reset into download mode (the DTR/RTS auto-reset
 * sequence on the link, or {@link #resetIntoBootloader()}) it is the ROM bootloader holding a
 * flash image; after a normal reset it boots: with a MicroPython image at the chip's offset (ESP
 * image magic 0xE9 there, and the string "MicroPython" in flash) it presents the MicroPython REPL,
 * whose code runs on the host (the MicroPython unix port with the board's heap, or CPython; see
 * {@link Esp32Options#interpreter()}) in {@link Esp32Options#filesystem()}. Without a host bridge in
 * its options it brings its own virtual board ({@link OwnBoard}), so {@code machine} is there.
 *
 * <p>The ROM loader accepts a flasher stub uploaded to RAM (MEM_BEGIN/DATA/END); on MEM_END into the
 * uploaded code it greets with {@code OHAI} and answers by the stub's rules from then on. The
 * virtual chip cannot execute the uploaded code: it models the stub's protocol ({@link StubLoader}).
 * Flash erase and write times are not modelled, only the line rate (when enabled).
 *
 * <p>All device work runs on one "CPU" thread, fed by a link reader; output may also come from
 * the interpreter's pump thread. Thread-safe; {@link #close()} stops everything.
 */
public final class VirtualEsp32 implements AutoCloseable {

    /** What the board is doing. */
    public enum State { POWERED_OFF, RESET_HELD, BOOTLOADER, MICROPYTHON, HALTED }

    private final Esp32Options options;
    private final FlashMemory flash;
    private final InMemoryLink.Pair link;
    private final StampedLink hostEnd;
    private final ExecutorService cpu;
    private final Thread reader;
    private final LinePacer rxPacer;
    private final LinePacer txPacer;
    private final AtomicLong received = new AtomicLong();
    private final Object uartLock = new Object();
    private volatile State state = State.POWERED_OFF;
    private volatile int uartBaud = 115_200;
    private volatile boolean closed;
    private volatile long romClock; // when the ROM's last received bytes finished arriving (line model)
    private volatile RomBootloader rom;
    private SlipDecoder slip;
    private volatile MicroPythonRepl repl;
    private final ResetCircuit.Inputs resetInputs;
    private OwnBoard ownBoard;          // created with the first boot into MicroPython, when needed
    private Interpreter interpreter;    // resolved with the first boot into MicroPython

    private VirtualEsp32(Esp32Options options) {
        this.options = options;
        this.resetInputs = new ResetCircuit.Inputs(options.resetCircuit());
        this.flash = new FlashMemory(options.flashSize());
        this.link = InMemoryLink.pair("virtual-" + options.chip().name().toLowerCase());
        this.hostEnd = new StampedLink(link.host());
        this.rxPacer = new LinePacer(options.modelLineSpeed());
        this.txPacer = new LinePacer(options.modelLineSpeed());
        this.cpu = Executors.newSingleThreadExecutor(r -> daemon(r, "virtual-esp32-cpu"));
        link.device().onPeerControlLines(this::controlLines);
        this.reader = daemon(this::readLoop, "virtual-esp32-uart-rx");
    }

    /** Creates the board, powered off; call {@link #powerOn()} or reset it over the link. */
    public static VirtualEsp32 create(Esp32Options options) {
        VirtualEsp32 esp = new VirtualEsp32(options);
        esp.reader.start();
        return esp;
    }

    /** The tool's end of the serial link (in-process). */
    public Link hostLink() {
        return hostEnd;
    }

    /** Serves the tool's end of the link as raw serial over TCP on a loopback port. */
    public Esp32TcpBridge serveTcp() {
        return Esp32TcpBridge.start(link.host());
    }

    public State state() {
        return state;
    }

    public ChipModel chip() {
        return options.chip();
    }

    public int baudRate() {
        return uartBaud;
    }

    /** True while an uploaded flasher stub "runs" (its protocol is modelled; its code is never executed). */
    public boolean stubRunning() {
        RomBootloader loader = rom;
        return state == State.BOOTLOADER && loader != null && loader.stubRunning();
    }

    /** Writes straight into flash (a pre-flashed board in tests). */
    public void preload(int offset, byte[] image) {
        flash.erase(offset, image.length);
        flash.write(offset, image, 0, image.length);
    }

    public String flashMd5(int offset, int length) {
        return flash.md5Hex(offset, length);
    }

    public byte[] readFlash(int offset, int length) {
        return flash.read(offset, length);
    }

    /** Normal boot, as after plugging the board in. */
    public void powerOn() {
        run(() -> boot(false));
    }

    /** Reset with the BOOT button held: the ROM download mode (unless the no-sync fault is set). */
    public void resetIntoBootloader() {
        run(() -> boot(true));
    }

    /** Reset without the BOOT button: runs what is in flash. */
    public void hardReset() {
        run(() -> boot(false));
    }

    /** DTR/RTS through the board's {@link ResetCircuit}: reset held, or released into the app or the ROM loader. */
    private void controlLines(boolean dtr, boolean rts) {
        run(() -> {
            switch (resetInputs.apply(dtr, rts)) {
                case ENTERED_RESET -> {
                    stopFirmware();
                    state = State.RESET_HELD;
                }
                case BOOT_APP -> boot(false);
                case BOOT_DOWNLOAD -> boot(true);
                default -> { }
            }
        });
    }

    private void boot(boolean download) {
        stopFirmware();
        uartBaud = 115_200;
        link.device().discardInput();
        if (download && !options.faults().noSync()) {
            ChipModel reported = options.faults().posesAs().orElse(options.chip());
            slip = new SlipDecoder(this::romPacket);
            rom = new RomBootloader(reported, flash, options.faults(), new RomBoard());
            state = State.BOOTLOADER;
            uart(BootText.download());
            return;
        }
        uart(BootText.flashBoot());
        int offset = options.chip().micropythonOffset();
        if ((flash.get(offset) & 0xFF) != SyntheticFirmware.ESP_IMAGE_MAGIC) {
            state = State.HALTED;
            uart(BootText.invalidHeader(firstWord(offset)));
            return;
        }
        if (options.faults().crashOnBoot()) {
            state = State.HALTED;
            uart(BootText.panic());
            return;
        }
        int at = flash.indexOf("MicroPython v".getBytes(StandardCharsets.US_ASCII), offset);
        if (at < 0) {
            state = State.HALTED; // some other application: it prints nothing we model
            return;
        }
        firstBootSetup();
        state = State.MICROPYTHON;
        String banner = banner(at);
        String uname = BoardUname.fromBanner(banner.lines().findFirst().orElse(""));
        repl = new MicroPythonRepl(this::uart, () -> startInterpreter(uname), banner, this::interpreterExited,
                !options.faults().noRawPaste());
        repl.boot();
    }

    private void interpreterExited() {
        run(() -> {
            if (state == State.MICROPYTHON) {
                boot(false); // the interpreter ended (machine.reset()): the board reboots
            }
        });
    }

    /** Runs on the CPU thread, inside the REPL's boot. */
    private ReplInterpreter startInterpreter(String uname) {
        if (interpreter == null) {
            interpreter = Interpreter.find(options.interpreter()).orElseThrow(() -> new IllegalStateException(
                    "no " + (options.interpreter().equals("auto") ? "micropython or python3" : options.interpreter())
                            + " on PATH to run the board's code"));
        }
        Path hostrt;
        Map<String, String> env = new HashMap<>(options.environment());
        if (options.modulePath().isEmpty()) {
            if (ownBoard == null) {
                ownBoard = OwnBoard.start(options.chip());
            }
            hostrt = ownBoard.hostRuntime();
            env.put("UCONFORM_BRIDGE", ownBoard.bridgeAddress());
        } else {
            hostrt = options.modulePath().get(0);
        }
        return ReplInterpreter.start(interpreter, options.heap(), options.filesystem(), hostrt, uname, env);
    }

    /**
     * What ran the board's code in its latest boot, e.g. {@code micropython 1.29.0-preview.731.g1c3c201149}
     * or {@code cpython 3.11.7}; empty before the REPL's first boot.
     */
    public Optional<String> interpreterIdentity() {
        MicroPythonRepl current = repl;
        return Optional.ofNullable(current == null ? null : current.interpreterIdentity());
    }

    /** The MicroPython heap the board's code gets when the unix port runs it. */
    public String heap() {
        return options.heap();
    }

    /** The pins of a board served on its own (none before its first boot, or with a host bridge given). */
    Optional<VirtualBoard> ownBoard() {
        return Optional.ofNullable(ownBoard).map(OwnBoard::board);
    }

    private void firstBootSetup() {
        try {
            Files.createDirectories(options.filesystem());
            try (var entries = Files.list(options.filesystem())) {
                if (entries.findAny().isEmpty()) {
                    uart(BootText.initialSetup());
                    Files.writeString(options.filesystem().resolve("boot.py"), BootText.DEFAULT_BOOT_PY);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("virtual ESP32 filesystem " + options.filesystem() + ": " + e.getMessage(), e);
        }
    }

    private String banner(int at) {
        byte[] raw = flash.read(at, Math.min(160, flash.size() - at));
        int end = 0;
        while (end < raw.length && raw[end] >= 0x20 && raw[end] < 0x7F) {
            end++;
        }
        String line = new String(raw, 0, end, StandardCharsets.US_ASCII);
        if (!line.contains(";") || !line.contains(" with ")) {
            line = line.split(" ")[0] + " " + line.split(" ")[1] + " on 2024-11-29; " + options.chip().board()
                    + " with " + options.chip().displayName();
        }
        return line + "\r\nType \"help()\" for more information.\r\n";
    }

    private int firstWord(int offset) {
        byte[] w = flash.read(offset, 4);
        return (w[0] & 0xFF) | (w[1] & 0xFF) << 8 | (w[2] & 0xFF) << 16 | (w[3] & 0xFF) << 24;
    }

    private void stopFirmware() {
        if (repl != null) {
            repl.close();
            repl = null;
        }
        rom = null;
        slip = null;
    }

    private void romPacket(byte[] packet) {
        if (rom != null) {
            rom.packet(packet);
        }
    }

    private final class RomBoard implements RomBootloader.Board {
        @Override
        public void reply(byte[] packet) {
            uart(Slip.encode(packet));
        }

        @Override
        public void switchBaud(int baud) {
            uartBaud = baud;
        }

        @Override
        public int baud() {
            return uartBaud;
        }

        @Override
        public void rebootIntoApp() {
            run(() -> boot(false));
        }
    }

    private void readLoop() {
        InputStream in = link.device().input();
        link.device().setReadTimeout(Duration.ofMillis(200));
        byte[] chunk = new byte[8192];
        long lastReadAt = 0;
        while (!closed) {
            int n;
            try {
                n = in.read(chunk);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) {
                return;
            }
            if (n < 0) {
                return;
            }
            byte[] copy = java.util.Arrays.copyOf(chunk, n);
            long readAt = lineStart(lastReadAt);
            lastReadAt = readAt;
            run(() -> onBytes(copy, readAt));
        }
    }

    /**
     * When the bytes just read started crossing the line: the tool's write, when it wrote through
     * {@link #hostLink()} since the last read; otherwise (the TCP bridge) now. Either way the
     * hand-off to the CPU thread overlaps the modelled wire time instead of adding to it.
     */
    private long lineStart(long lastReadAt) {
        long now = System.nanoTime();
        long wrote = hostEnd.lastWriteNanos();
        return wrote != 0 && wrote - lastReadAt > 0 && now - wrote >= 0 ? wrote : now;
    }

    private void onBytes(byte[] data, long readAt) {
        long cut = options.faults().cutLinkAfterBytes();
        long total = received.addAndGet(data.length);
        if (cut > 0 && total >= cut) {
            link.device().close(); // the cable is pulled
            return;
        }
        if (state == State.BOOTLOADER && slip != null) {
            // the ROM's work takes no modelled time: its reply waits once, for the request's arrival and its own
            // wire time (one park per command instead of two)
            romClock = rxPacer.reserve(data.length, uartBaud, readAt);
            slip.feed(data, 0, data.length);
            return;
        }
        rxPacer.transfer(data.length, uartBaud, readAt);
        if (state == State.MICROPYTHON && repl != null) {
            repl.receive(data, 0, data.length);
        }
    }

    private void uart(String text) {
        uart(text.getBytes(StandardCharsets.UTF_8));
    }

    private void uart(byte[] bytes) {
        synchronized (uartLock) {
            long start = state == State.BOOTLOADER ? Math.max(romClock, System.nanoTime()) : System.nanoTime();
            txPacer.transfer(bytes.length, uartBaud, start);
            try {
                link.device().output().write(bytes);
            } catch (IOException e) {
                // nobody is listening (link closed or a full buffer): a UART drops the bytes
            }
        }
    }

    private void run(Runnable task) {
        if (closed) {
            return;
        }
        try {
            cpu.execute(task);
        } catch (RejectedExecutionException e) {
            // closed concurrently
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        cpu.execute(() -> {
            stopFirmware();
            if (ownBoard != null) {
                ownBoard.close();
            }
        });
        cpu.shutdown();
        try {
            cpu.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        link.host().close();
        link.device().close();
    }
}
