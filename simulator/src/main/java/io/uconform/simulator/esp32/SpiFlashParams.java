package io.uconform.simulator.esp32;

/**
 * The flash size the ROM's SPI flash driver believes in: 2 MB after a reset, whatever chip is
 * fitted, until SPI_SET_PARAMS says otherwise (esptool sets the detected size before erasing
 * through the ROM "to enable erasing past the 2MB boundary"). Flash reads, writes and erases
 * past it fail, in the ROM and in the stubs, which call the ROM's driver. Shared by the ROM loader
 * and the stub it starts; used on the board's CPU thread only.
 */
final class SpiFlashParams {

    static final long ROM_DEFAULT_SIZE = 2L << 20;

    private long size = ROM_DEFAULT_SIZE;

    long size() {
        return size;
    }

    /** SPI_SET_PARAMS: id, total size, block, sector, page, status mask; false when the total size is 0. */
    boolean set(LoaderCommand c) {
        if (c.length() != 24 || c.unsignedWord(1) == 0) {
            return false;
        }
        size = c.unsignedWord(1);
        return true;
    }

    /** True when {@code [offset, offset+length)} lies inside the size the driver believes in. */
    boolean covers(long offset, long length) {
        return offset >= 0 && length >= 0 && offset + length <= size;
    }
}
