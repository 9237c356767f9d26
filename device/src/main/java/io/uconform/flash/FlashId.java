package io.uconform.flash;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * The SPI flash chip's JEDEC ID, read as esptool's {@code flash_id} reads it: a raw RDID (0x9F)
 * command through the SPI controller's user-command registers (WRITE_REG/READ_REG), whose offsets
 * differ per chip. The third ID byte gives the size ({@link FlashSize}).
 *
 * @param manufacturer e.g. 0xEF (Winbond), 0xC8 (GigaDevice)
 * @param device       memory type and capacity bytes, e.g. 0x4016
 * @param size         the size the capacity byte names, if it names one
 */
record FlashId(int manufacturer, int device, Optional<Long> size) {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    /** The SPI controller's registers per chip: base, USR, USR1, USR2, MISO_DLEN, W0 offsets. */
    private record Spi(long base, int usr, int usr2, int misoDlen, int w0) {
        static Spi of(Chip chip) {
            return switch (chip) {
                case ESP32 -> new Spi(0x3FF4_2000L, 0x1C, 0x24, 0x2C, 0x80);
                case ESP32_S2 -> new Spi(0x3F40_2000L, 0x18, 0x20, 0x28, 0x58);
                case ESP32_S3, ESP32_C3 -> new Spi(0x6000_2000L, 0x18, 0x20, 0x28, 0x58);
                case ESP32_C6 -> new Spi(0x6000_3000L, 0x18, 0x20, 0x28, 0x58);
            };
        }
    }

    static FlashId read(RomClient rom, Chip chip) throws IOException {
        Spi spi = Spi.of(chip);
        int oldUsr = readReg(rom, spi.base() + spi.usr());
        int oldUsr2 = readReg(rom, spi.base() + spi.usr2());
        writeReg(rom, spi.base() + spi.misoDlen(), 24 - 1);
        writeReg(rom, spi.base() + spi.usr(), (1 << 31) | (1 << 28)); // command and MISO phases
        writeReg(rom, spi.base() + spi.usr2(), (7 << 28) | 0x9F); // 8-bit command RDID
        writeReg(rom, spi.base() + spi.w0(), 0);
        writeReg(rom, spi.base(), 1 << 18); // CMD: USR, runs it
        boolean done = false;
        for (int i = 0; i < 10 && !done; i++) {
            done = (readReg(rom, spi.base()) & (1 << 18)) == 0;
        }
        if (!done) {
            throw new FlashException("the SPI flash command RDID did not complete (flash chip not answering)");
        }
        int id = readReg(rom, spi.base() + spi.w0());
        writeReg(rom, spi.base() + spi.usr(), oldUsr);
        writeReg(rom, spi.base() + spi.usr2(), oldUsr2);
        int capacity = (id >> 16) & 0xFF;
        return new FlashId(id & 0xFF, ((id >> 8) & 0xFF) << 8 | capacity, FlashSize.fromCapacityByte(capacity));
    }

    private static int readReg(RomClient rom, long address) throws IOException {
        RomResponse r = rom.command(RomOp.READ_REG, RomClient.words((int) address), 0, TIMEOUT);
        EspFlasher.check(RomOp.READ_REG, r, String.format("READ_REG 0x%08X", address));
        return r.value();
    }

    private static void writeReg(RomClient rom, long address, int value) throws IOException {
        RomResponse r = rom.command(RomOp.WRITE_REG, RomClient.words((int) address, value, 0xFFFF_FFFF, 0), 0, TIMEOUT);
        EspFlasher.check(RomOp.WRITE_REG, r, String.format("WRITE_REG 0x%08X", address));
    }

    @Override
    public String toString() {
        return String.format("manufacturer %02x, device %04x%s", manufacturer, device,
                size.map(s -> ", " + FlashSize.describe(s)).orElse(""));
    }
}
