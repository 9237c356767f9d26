package io.uconform.simulator.esp32;

/**
 * How long the board's SPI NOR flash takes to erase and program, so that flashing the virtual
 * board takes as long as flashing a real one. {@link #W25Q32FV} holds the typical figures of the
 * Winbond W25Q32FV datasheet (AC electrical characteristics: page program 0.7 ms, sector erase
 * 4 KB 45 ms, block erase 32 KB 120 ms and 64 KB 150 ms, chip erase 10 s for 4 MB); {@link #NONE}
 * makes every operation instant (tests where timing is not what they test).
 *
 * <p>Erases are split the way the ESP32 ROM and esptool's stubs split them: 4 KB sectors up to the
 * next 64 KB boundary, 64 KB blocks while at least a block remains, sectors for the rest.
 *
 * @param pageProgramNanos one 256-byte page program (a partial page costs a whole one)
 * @param sectorEraseNanos one 4 KB sector erase
 * @param block64EraseNanos one 64 KB block erase
 * @param chipEraseNanosPer4Mb a chip erase, per 4 MB of flash
 */
public record FlashTiming(long pageProgramNanos, long sectorEraseNanos, long block64EraseNanos,
                          long chipEraseNanosPer4Mb) {

    public static final int PAGE = 0x100;
    public static final int BLOCK = 0x10000;

    /** Typical figures of the Winbond W25Q32FV datasheet. */
    public static final FlashTiming W25Q32FV = new FlashTiming(700_000L, 45_000_000L, 150_000_000L, 10_000_000_000L);

    /** Every flash operation is instant. */
    public static final FlashTiming NONE = new FlashTiming(0, 0, 0, 0);

    public boolean modelled() {
        return !equals(NONE);
    }

    /** Time to erase the sectors covering {@code [offset, offset+length)}, split into sectors and blocks. */
    public long eraseNanos(long offset, long length) {
        if (length <= 0) {
            return 0;
        }
        long at = offset / FlashMemory.SECTOR * FlashMemory.SECTOR;
        long end = (offset + length + FlashMemory.SECTOR - 1) / FlashMemory.SECTOR * FlashMemory.SECTOR;
        long nanos = 0;
        while (at < end) {
            if (at % BLOCK == 0 && end - at >= BLOCK) {
                nanos += block64EraseNanos;
                at += BLOCK;
            } else {
                nanos += sectorEraseNanos;
                at += FlashMemory.SECTOR;
            }
        }
        return nanos;
    }

    /** Time to program {@code [offset, offset+length)}: one page program per page touched. */
    public long programNanos(long offset, long length) {
        if (length <= 0) {
            return 0;
        }
        long first = offset / PAGE;
        long last = (offset + length - 1) / PAGE;
        return (last - first + 1) * pageProgramNanos;
    }

    public long chipEraseNanos(long flashSize) {
        return chipEraseNanosPer4Mb * Math.max(1, flashSize / (4L << 20));
    }
}
