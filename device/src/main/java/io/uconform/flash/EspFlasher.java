package io.uconform.flash;

import io.uconform.link.Link;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Flashes an ESP32-family board over a {@link Link}: connect and sync, detect the chip, load the
 * flasher stub when one is available ({@link StubChoice}), attach the SPI flash, optionally raise
 * the baud rate, write (deflated when smaller), verify with SPI_FLASH_MD5, and reset into the app.
 * Through the ROM loader: 0x400 byte blocks and 4 status bytes; through the stub: 0x4000 byte
 * blocks and 2 status bytes. Every read is bounded; every failure is one {@link FlashException}
 * line. Not thread-safe.
 */
public final class EspFlasher {

    static final int BLOCK = 0x400;
    static final int STUB_BLOCK = 0x4000;
    static final String NO_STUB_NOTICE =
            "no flasher stub found (install esptool or pass stub=<file>): using the ROM loader";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration ERASE_FLASH_TIMEOUT = Duration.ofSeconds(120);
    private static final int INITIAL_BAUD = 115_200;
    private static final long DEFAULT_FLASH_SIZE = 4L << 20;
    private static final long ESP32_RTC_CALI = 0x3FF5_F06CL;
    private static final long ESP32_EFUSE_WORD4 = 0x3FF5_A010L;

    private final Link link;
    private final RomClient rom;
    private final ResetStrategy reset;
    private final FlashProgress progress;
    private final StubChoice stubChoice;
    private final EsptoolStubs esptool;
    private Chip chip;
    private FlashId flashId;
    private String loader = "not connected";
    private int baud = INITIAL_BAUD;

    /** A flasher that uses the installed esptool's stub when there is one ({@link StubChoice#auto()}). */
    public EspFlasher(Link link, ResetStrategy reset, FlashProgress progress) {
        this(link, reset, progress, StubChoice.auto());
    }

    public EspFlasher(Link link, ResetStrategy reset, FlashProgress progress, StubChoice stub) {
        this(link, reset, progress, stub, EsptoolStubs.installed());
    }

    /** With {@code esptool} standing in for the installed esptool (tests). */
    public EspFlasher(Link link, ResetStrategy reset, FlashProgress progress, StubChoice stub, EsptoolStubs esptool) {
        this.link = link;
        this.rom = new RomClient(link);
        this.reset = reset;
        this.progress = progress;
        this.stubChoice = stub;
        this.esptool = esptool;
    }

    /** Resets into the bootloader, syncs, detects the chip, and loads the flasher stub if there is one. */
    public Chip connect() {
        try {
            link.setBaudRate(INITIAL_BAUD);
            baud = INITIAL_BAUD;
        } catch (IOException e) {
            throw new FlashException("cannot set " + INITIAL_BAUD + " baud on " + link.name() + ": " + e.getMessage(), e);
        }
        boolean stubRunning = new BootloaderConnector(link, rom, reset).connect() == 0;
        if (stubRunning) {
            rom.useStubRules(); // SYNC value 0: a stub from an earlier session still runs
        }
        chip = call("chip detection", () -> detectChip());
        loader = stubRunning ? "flasher stub (already running)" : "ROM loader";
        if (!stubRunning) {
            loadStub();
        }
        call("SPI attach", () -> {
            byte[] attach = rom.stubRules() ? new byte[4] : new byte[8]; // the ROM wants 4 more zero bytes
            check(RomOp.SPI_ATTACH, rom.command(RomOp.SPI_ATTACH, attach, 0, COMMAND_TIMEOUT), "SPI_ATTACH");
            return null;
        });
        flashId = call("flash ID", () -> FlashId.read(rom, chip));
        setSpiParams();
        return chip;
    }

    /** The flash size the chip's JEDEC ID names; 4 MB when it names none (esptool's fallback). */
    public long flashSize() {
        requireConnected();
        return flashId.size().orElse(DEFAULT_FLASH_SIZE);
    }

    /** The flash chip's JEDEC ID, as esptool's flash-id prints it. */
    public String flashIdText() {
        requireConnected();
        return flashId.toString();
    }

    private void loadStub() {
        Optional<FlasherStub> stub = stubChoice.resolve(chip, esptool);
        if (stub.isEmpty()) {
            if (stubChoice.mode() == StubChoice.Mode.AUTO) {
                progress.notice(NO_STUB_NOTICE);
            }
            return;
        }
        call("flasher stub upload", () -> {
            new StubUploader(rom, link.name()).upload(stub.get());
            return null;
        });
        loader = "flasher stub " + stub.get().source();
    }

    /**
     * Asks the loader to switch to {@code baud}; the reply comes at the old rate, then both switch.
     * The stub gets the current rate as the old one (it reprograms its divider from it); the ROM 0.
     * The ESP32's ROM gets the rate pre-scaled as esptool does: it sets its divider from a crystal
     * estimate calibrated against its drifting 8 MHz oscillator, which it reads back from the RTC
     * calibration register and eFuse word 4 ({@code estimate = cali * 15625 * ck8m / 40}).
     */
    public void changeBaud(int newBaud) {
        requireConnected();
        call("baud change", () -> {
            int old = rom.stubRules() ? baud : 0;
            int requested = rom.stubRules() || chip != Chip.ESP32 ? newBaud : esp32RomBaud(newBaud);
            check(RomOp.CHANGE_BAUDRATE, rom.command(RomOp.CHANGE_BAUDRATE, RomClient.words(requested, old), 0,
                    COMMAND_TIMEOUT), "CHANGE_BAUDRATE");
            link.setBaudRate(newBaud);
            baud = newBaud;
            rom.drainInput(Duration.ofMillis(50));
            return null;
        });
    }

    private int esp32RomBaud(int newBaud) throws IOException {
        RomResponse cali = rom.command(RomOp.READ_REG, RomClient.words((int) ESP32_RTC_CALI), 0, COMMAND_TIMEOUT);
        RomResponse efuse = rom.command(RomOp.READ_REG, RomClient.words((int) ESP32_EFUSE_WORD4), 0, COMMAND_TIMEOUT);
        check(RomOp.READ_REG, cali, "READ_REG (RTC calibration)");
        check(RomOp.READ_REG, efuse, "READ_REG (eFuse word 4)");
        double estimate = ((cali.value() >>> 7) & 0x1FFFFFF) * 15625.0 * (efuse.value() & 0xFF) / 40;
        if (estimate <= 0) {
            throw new FlashException("the ESP32 on " + link.name() + " reports no crystal calibration (registers read 0):"
                    + " cannot change its ROM's baud rate safely; flash at 115200 (baud=115200)");
        }
        double crystal = estimate > 33_000_000 ? 40_000_000 : 26_000_000;
        return (int) (newBaud * estimate / crystal);
    }

    /** What is flashing: {@code ROM loader}, or {@code flasher stub <file>}. */
    public String loader() {
        return loader;
    }

    /** Writes, verifies and returns what happened; the board stays in the bootloader. */
    public FlashResult flash(FlashRequest request) {
        requireConnected();
        request.expectedChip().ifPresent(expected -> {
            if (expected != chip) {
                throw new FlashException("wrong chip on " + link.name() + ": expected " + expected + ", found " + chip);
            }
        });
        FirmwareImage.check(request.image(), request.name()).forChip(chip).fits(request.offset(), flashSize());
        FlashImage image = FlashImage.prepare(request.offset(), request.image());
        long started = System.nanoTime();
        String localMd5 = image.md5();
        if (request.skipIfIdentical() && localMd5.equals(deviceMd5(image.offset(), image.length()))) {
            progress.update(image.length(), image.length());
            return new FlashResult(chip, image.offset(), image.length(), 0, false, true, localMd5,
                    Duration.ofNanos(System.nanoTime() - started));
        }
        byte[] deflated = request.compress() ? image.deflate() : null;
        boolean compressed = deflated != null && deflated.length < image.length();
        long wireBefore = rom.bytesWritten();
        new BlockWriter(rom, link.name(), chip, progress).write(image, compressed ? deflated : null);
        String md5 = deviceMd5(image.offset(), image.length());
        if (!md5.equals(localMd5)) {
            throw new FlashException(String.format("MD5 mismatch after writing %d bytes at 0x%X on %s: device %s,"
                    + " expected %s%s; the ROM bootloader is intact: flash again", image.length(), image.offset(),
                    link.name(), md5, localMd5, md5.equals(FlashImage.md5(erased(image.length())))
                    ? " (nothing was written)" : ""));
        }
        return new FlashResult(chip, image.offset(), image.length(), rom.bytesWritten() - wireBefore, compressed,
                false, md5, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Erases {@code [offset, offset+size)}: the stub's ERASE_REGION (sector multiples), or, as esptool
     * does through the ROM, a FLASH_BEGIN (the ROM erases there) and no FLASH_END (which would leave
     * the loader).
     */
    public void eraseRegion(int offset, int size) {
        requireConnected();
        if (rom.stubRules()) {
            call("erase", () -> {
                check(RomOp.ERASE_REGION, rom.command(RomOp.ERASE_REGION, RomClient.words(offset, size), 0,
                        eraseTimeout(size)), "ERASE_REGION");
                return null;
            });
            return;
        }
        call("erase", () -> {
            byte[] begin = rom.beginWords(chip, size, 0, BLOCK, offset);
            check(RomOp.FLASH_BEGIN, rom.command(RomOp.FLASH_BEGIN, begin, 0, eraseTimeout(size)), "FLASH_BEGIN (erase)");
            return null;
        });
    }

    /** Erases the whole flash of {@code flashSize} bytes (e.g. before a first MicroPython install). */
    public void eraseFlash(int flashSize) {
        requireConnected();
        if (!rom.stubRules()) {
            eraseRegion(0, flashSize);
            return;
        }
        call("erase", () -> {
            check(RomOp.ERASE_FLASH, rom.command(RomOp.ERASE_FLASH, new byte[0], 0, ERASE_FLASH_TIMEOUT), "ERASE_FLASH");
            return null;
        });
    }

    /** The region's MD5 as the device computes it (lower-case hex). */
    public String deviceMd5(int offset, int length) {
        requireConnected();
        return call("MD5", () -> {
            Duration timeout = Duration.ofMillis(Math.max(3000, 8000L * length / (1 << 20)));
            RomResponse r = rom.command(RomOp.SPI_FLASH_MD5, RomClient.words(offset, length, 0, 0), 0, timeout);
            check(RomOp.SPI_FLASH_MD5, r, "SPI_FLASH_MD5");
            return r.payload().length == 16 ? HexFormat.of().formatHex(r.payload())
                    : new String(r.payload(), StandardCharsets.US_ASCII).trim().toLowerCase();
        });
    }

    /**
     * Leaves the bootloader and runs the app: an RTS pulse; without control lines, the loader is asked
     * to run the user code (the ROM: FLASH_END(1); a stub: RUN_USER_CODE, which esptool's legacy stub
     * honours). A reboot (FLASH_END(0)) would not do: it keeps the boot mode latched at the last reset.
     */
    public void hardReset() {
        call("reset", () -> {
            if (reset.hasControlLines()) {
                reset.hardReset(link);
            } else if (chip != null && rom.stubRules()) {
                rom.send(RomOp.RUN_USER_CODE, new byte[0], 0);
            } else if (chip != null) {
                rom.command(RomOp.FLASH_END, RomClient.words(1), 0, COMMAND_TIMEOUT);
            }
            return null;
        });
    }

    public Chip chip() {
        requireConnected();
        return chip;
    }

    private Chip detectChip() throws IOException {
        RomResponse info = rom.command(RomOp.GET_SECURITY_INFO, new byte[0], 0, COMMAND_TIMEOUT);
        if (info.ok() && info.payload().length >= 20) {
            int id = ByteBuffer.wrap(info.payload()).order(ByteOrder.LITTLE_ENDIAN).getInt(12);
            return Chip.byChipId(id).orElseThrow(() -> new FlashException("unsupported chip id " + id + " on " + link.name()));
        }
        RomResponse reg = rom.command(RomOp.READ_REG, RomClient.words(RomOp.CHIP_MAGIC_REGISTER), 0, COMMAND_TIMEOUT);
        check(RomOp.READ_REG, reg, "READ_REG");
        return Chip.byMagic(reg.value()).orElseThrow(() -> new FlashException(String.format(
                "unknown chip magic 0x%08X on %s (not an ESP32, S2, S3, C3 or C6)", reg.value(), link.name())));
    }

    /** The detected flash size to the loader (the ROM's driver believes in 2 MB until told). */
    private void setSpiParams() {
        call("SPI parameters", () -> {
            byte[] params = RomClient.words(0, (int) flashSize(), 0x10000, 0x1000, 0x100, 0xFFFF);
            check(RomOp.SPI_SET_PARAMS, rom.command(RomOp.SPI_SET_PARAMS, params, 0, COMMAND_TIMEOUT), "SPI_SET_PARAMS");
            return null;
        });
    }

    static Duration eraseTimeout(long bytes) {
        return Duration.ofMillis(Math.max(3000, 40_000L * bytes / (1 << 20)));
    }

    static void check(int op, RomResponse r, String what) {
        if (!r.ok()) {
            throw new FlashException(what + " failed: " + r.describeError());
        }
    }

    private static byte[] erased(int len) {
        byte[] b = new byte[len];
        Arrays.fill(b, (byte) 0xFF);
        return b;
    }

    private void requireConnected() {
        if (chip == null) {
            throw new IllegalStateException("connect() first");
        }
    }

    interface RomCall<T> {
        T run() throws IOException;
    }

    private <T> T call(String step, RomCall<T> call) {
        try {
            return call.run();
        } catch (SocketTimeoutException e) {
            throw new FlashException(step + " on " + link.name() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new FlashException(step + " on " + link.name() + ": link lost (" + e.getMessage() + ")", e);
        }
    }
}
