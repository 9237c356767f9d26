package io.uconform.flash;

import java.time.Duration;

/**
 * What a flash run did.
 *
 * @param chip        the board's chip
 * @param offset      where the image went
 * @param imageBytes  prepared image length
 * @param wireBytes   bytes sent for the data (compressed or not), SLIP framing included
 * @param compressed  whether FLASH_DEFL_* was used
 * @param skipped     the region already held the image: nothing was written
 * @param md5         the verified MD5
 * @param writeTime   from the first BEGIN to the verified MD5
 */
public record FlashResult(Chip chip, int offset, int imageBytes, long wireBytes, boolean compressed,
                          boolean skipped, String md5, Duration writeTime) {

    /** Image bits per second of write time ("effective" throughput, as esptool reports it). */
    public double effectiveBitsPerSecond() {
        double s = writeTime.toNanos() / 1e9;
        return s == 0 ? 0 : imageBytes * 8 / s;
    }
}
