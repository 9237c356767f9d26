package io.uconform.flash;

import java.util.Optional;

/**
 * The flash size a JEDEC ID names, as esptool reads it ({@code flash_id}: the third ID byte is
 * log2 of the size for most vendors, 0x12..0x1C for 256 KB..256 MB, and 0x32..0x39 for some
 * GigaDevice and Adesto parts).
 */
final class FlashSize {

    private FlashSize() {
    }

    /** Bytes for the capacity byte of a JEDEC ID, or empty when it names no size esptool knows. */
    static Optional<Long> fromCapacityByte(int capacity) {
        if (capacity >= 0x12 && capacity <= 0x1C) {
            return Optional.of(1L << capacity);
        }
        if (capacity >= 0x32 && capacity <= 0x39) {
            return Optional.of(1L << (capacity - 0x20));
        }
        return Optional.empty();
    }

    /** e.g. {@code 4 MB}, {@code 512 KB}. */
    static String describe(long bytes) {
        return bytes >= (1 << 20) ? bytes / (1 << 20) + " MB" : bytes / 1024 + " KB";
    }
}
