package io.uconform.simulator.esp32;

import io.uconform.link.InMemoryLink;
import io.uconform.link.Link;
import io.uconform.link.Slip;
import io.uconform.link.SlipDecoder;
import io.uconform.simulator.serial.RawTcpServer;
import io.uconform.simulator.board.VirtualBoard;
import io.uconform.simulator.host.Interpreter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

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
 * Flash erase and write take the time {@link Esp32Options#flashTiming()} says; the UART line the
 * time the line model says (when enabled), and nothing when the chip's and the tool's rates differ
 * ({@link VirtualUart}). Registers a flasher reads (eFuse MAC and revision, the SPI flash chip's ID)
 * are modelled in {@link ChipRegisters}.
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
    private final VirtualUart uart;
    private final ChipRegisters registers;
    private final FlashBusy flashBusy;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong resets = new AtomicLong();
    private volatile State state = State.POWERED_OFF;
    private volatile boolean closed;
    private volatile RomBootloader rom;
    private boolean latchedDownload; // the boot mode the strapping pin (GPIO0) gave at the last chip reset
    private long resetsSeenByCpu;
    private SlipDecoder slip;
    private volatile MicroPythonRepl repl;
    private final ResetCircuit.Inputs resetInputs;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private OwnBoard ownBoard;          // created with the first boot into MicroPython, when needed
    private Interpreter interpreter;    // resolved with the first boot into MicroPython

    private VirtualEsp32(Esp32Options options) {
        this.options = options;
        this.resetInputs = new ResetCircuit.Inputs(options.resetCircuit());
        this.flash = new FlashMemory(options.flashSize());
        this.link = InMemoryLink.pair("virtual-" + options.chip().name().toLowerCase());
        this.hostEnd = new StampedLink(link.host());
        this.uart = new VirtualUart(link, hostEnd, options.modelLineSpeed());
        ChipModel reported = options.faults().posesAs().orElse(options.chip());
        this.registers = new ChipRegisters(reported, options.efuses(), new SpiFlashChip(options.flashSize()), uart::baud);
        this.flashBusy = new FlashBusy(() -> closed || resets.get() != resetsSeenByCpu);
        this.cpu = Executors.newSingleThreadExecutor(r -> daemon(r, "virtual-esp32-cpu"));
        link.device().onPeerControlLines(this::controlLines);
        this.reader = daemon(() -> uart.receive((bytes, readAt) -> run(() -> onBytes(bytes, readAt)), () -> closed),
                "virtual-esp32-uart-rx");
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

    /** Serves the tool's end of the link as raw serial over TCP on an ephemeral loopback port. */
    public RawTcpServer serveTcp() {
        try {
            return RawTcpServer.start(hostEnd, 0, line -> { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a loopback port for the virtual ESP32: " + e.getMessage(), e);
        }
    }

    public State state() {
        return state;
    }

    public ChipModel chip() {
        return options.chip();
    }

    /** The rate the chip's UART runs at (0: a divider of 0, the line is dead until a reset). */
    public int baudRate() {
        return uart.baud();
    }

    /** Characters lost so far because the chip's UART and the tool's ran at different rates. */
    public long droppedBytes() {
        return uart.droppedBytes();
    }

    /** The factory MAC in the chip's eFuses, e.g. {@code 24:0a:c4:12:34:56}. */
    public String mac() {
        return options.efuses().macText();
    }

    /**
     * Receives one line per thing the board does that a person at the bench would notice: held in
     * reset, booted into the ROM loader or the app, the flasher stub started, the UART's rate changed.
     * Called on the board's CPU thread; must not block.
     */
    public void onEvent(Consumer<String> listener) {
        listeners.add(listener);
    }

    private void event(String line) {
        listeners.forEach(l -> l.accept(line));
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

    /**
     * DTR/RTS through the board's {@link ResetCircuit}: reset held, or released into the app or the ROM
     * loader. Entering reset cuts short whatever the chip was busy with (an erase, a write).
     */
    private void controlLines(boolean dtr, boolean rts) {
        if (ResetCircuit.holdsReset(dtr, rts)) {
            resets.incrementAndGet();
        }
        run(() -> {
            switch (resetInputs.apply(dtr, rts)) {
                case ENTERED_RESET -> {
                    stopFirmware();
                    state = State.RESET_HELD;
                    event("held in reset (EN low)");
                }
                case BOOT_APP -> boot(false);
                case BOOT_DOWNLOAD -> boot(true);
                default -> { }
            }
        });
    }

    private void boot(boolean download) {
        latchedDownload = download;
        start(download, BootText.Cause.POWER_ON);
    }

    /** Starts the ROM: the download loader or the flash boot, with the reset cause it prints. */
    private void start(boolean download, BootText.Cause cause) {
        stopFirmware();
        resetsSeenByCpu = resets.get();
        uart.setBaud(115_200);
        link.device().discardInput();
        if (download && !options.faults().noSync()) {
            ChipModel reported = options.faults().posesAs().orElse(options.chip());
            slip = new SlipDecoder(this::romPacket);
            rom = new RomBootloader(reported, flash, options.faults(), options.efuses(), new Board());
            state = State.BOOTLOADER;
            print(BootText.download(cause));
            event("ROM download mode (" + cause.name().toLowerCase().replace('_', '-') + " reset, waiting for download)");
            return;
        }
        print(BootText.flashBoot(cause));
        runApplication();
    }

    /** What the flash holds runs: MicroPython when its image is there, else a halt with the ROM's complaint. */
    private void runApplication() {
        int offset = options.chip().micropythonOffset();
        if (!FlashedApp.hasImageHeader(flash, offset)) {
            state = State.HALTED;
            print(BootText.invalidHeader(FlashedApp.firstWord(flash, offset)));
            event(String.format("halted: no application at 0x%X (invalid header)", offset));
            return;
        }
        if (options.faults().crashOnBoot()) {
            state = State.HALTED;
            print(BootText.panic());
            event("halted: the application panicked");
            return;
        }
        int at = FlashedApp.micropythonBanner(flash, offset);
        if (at < 0) {
            state = State.HALTED; // some other application: it prints nothing we model
            event("halted: the application in flash is not MicroPython (nothing modelled runs)");
            return;
        }
        FlashedApp.firstBootSetup(options.filesystem(), this::print);
        state = State.MICROPYTHON;
        String banner = FlashedApp.banner(flash, at, options.chip());
        String uname = BoardUname.fromBanner(banner.lines().findFirst().orElse(""));
        repl = new MicroPythonRepl(this::print, () -> startInterpreter(uname), banner, this::interpreterExited,
                !options.faults().noRawPaste());
        repl.boot();
        event("booted MicroPython from flash");
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

    /** The board as its ROM loader and stub see it. */
    private final class Board implements LoaderBoard {
        @Override
        public void send(byte[] payload) {
            print(Slip.encode(payload));
        }

        @Override
        public int baud() {
            return uart.baud();
        }

        @Override
        public void switchBaud(int actualBaud) {
            uart.setBaud(actualBaud);
            event(actualBaud > 0 ? "UART now " + actualBaud + " baud" : "UART divider 0: the line is dead until a reset");
        }

        @Override
        public void note(String line) {
            event(line);
        }

        @Override
        public void softwareReset() {
            run(() -> start(latchedDownload, BootText.Cause.SOFTWARE));
        }

        @Override
        public void runUserCode() {
            run(() -> {
                stopFirmware();
                print(BootText.loadFromFlash());
                runApplication();
            });
        }

        @Override
        public ChipRegisters registers() {
            return registers;
        }

        @Override
        public FlashBusy flashBusy() {
            return flashBusy;
        }

        @Override
        public FlashTiming flashTiming() {
            return options.flashTiming();
        }
    }

    private void onBytes(byte[] data, long readAt) {
        long cut = options.faults().cutLinkAfterBytes();
        long total = received.addAndGet(data.length);
        if (cut > 0 && total >= cut) {
            link.device().close(); // the cable is pulled
            return;
        }
        boolean loader = state == State.BOOTLOADER && slip != null;
        // the loader's work is booked, not waited for: its reply waits once, for the request's arrival and its
        // own wire time (one park per command instead of two)
        if (!uart.received(data.length, readAt, loader)) {
            return; // the UARTs run at different rates: framing errors only
        }
        if (loader) {
            slip.feed(data, 0, data.length);
        } else if (state == State.MICROPYTHON && repl != null) {
            repl.receive(data, 0, data.length);
        }
    }

    private void print(String text) {
        print(text.getBytes(StandardCharsets.UTF_8));
    }

    private void print(byte[] bytes) {
        uart.transmit(bytes, state == State.BOOTLOADER);
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
