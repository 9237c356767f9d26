package io.uconform.flash;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;

/**
 * Sends an image in blocks: FLASH_BEGIN/DATA/END, or FLASH_DEFL_* with the deflated stream. ROM
 * rules: 0x400 byte blocks, the erase happens at BEGIN (timeout scaled by size), the deflated size
 * is rounded up to a block, the encrypt word is sent by all chips but the ESP32, and no FLASH_END
 * (the ROM would leave the loader; esptool sends none). Stub rules: 0x4000 byte blocks, 16-byte
 * BEGINs, the exact uncompressed size, block timeouts that cover the erases the stub does as it
 * writes, and a FLASH_END whose reply waits for the last write. A link that fails mid-way is reported with the
 * block it failed at; the ROM bootloader is untouched, so a retry can follow.
 */
final class BlockWriter {

    private static final Duration BLOCK_TIMEOUT = Duration.ofSeconds(3);

    private final RomClient rom;
    private final String linkName;
    private final Chip chip;
    private final FlashProgress progress;
    private final boolean stub;
    private final int blockSize;

    BlockWriter(RomClient rom, String linkName, Chip chip, FlashProgress progress) {
        this.rom = rom;
        this.stub = rom.stubRules();
        this.blockSize = stub ? EspFlasher.STUB_BLOCK : EspFlasher.BLOCK;
        this.linkName = linkName;
        this.chip = chip;
        this.progress = progress;
    }

    /** @param deflated the compressed image, or null to send it as is */
    void write(FlashImage image, byte[] deflated) {
        boolean compressed = deflated != null;
        byte[] data = compressed ? deflated : image.bytes();
        int blocks = (data.length + blockSize - 1) / blockSize;
        int size = compressed && !stub ? (image.length() + blockSize - 1) / blockSize * blockSize : image.length();
        double inflation = (double) image.length() / data.length;
        int beginOp = compressed ? RomOp.FLASH_DEFL_BEGIN : RomOp.FLASH_BEGIN;
        int dataOp = compressed ? RomOp.FLASH_DEFL_DATA : RomOp.FLASH_DATA;
        int endOp = compressed ? RomOp.FLASH_DEFL_END : RomOp.FLASH_END;
        int seq = -1;
        try {
            byte[] begin = rom.beginWords(chip, size, blocks, blockSize, image.offset());
            Duration beginTimeout = stub ? BLOCK_TIMEOUT : EspFlasher.eraseTimeout(size); // the ROM erases here
            EspFlasher.check(beginOp, rom.command(beginOp, begin, 0, beginTimeout), "FLASH_BEGIN");
            for (seq = 0; seq < blocks; seq++) {
                int from = seq * blockSize;
                byte[] block = Arrays.copyOfRange(data, from, Math.min(data.length, from + blockSize));
                if (!compressed && block.length < blockSize) {
                    int had = block.length;
                    block = Arrays.copyOf(block, blockSize);
                    Arrays.fill(block, had, block.length, (byte) 0xFF);
                }
                RomResponse r = rom.command(dataOp, RomClient.dataPayload(seq, block), checksum(block),
                        stub ? stubBlockTimeout((long) (block.length * inflation)) : BLOCK_TIMEOUT);
                EspFlasher.check(dataOp, r, String.format("block %d/%d at 0x%X", seq + 1, blocks, image.offset()));
                long done = Math.min(image.length(), (long) image.length() * (seq + 1) / blocks);
                progress.update(done, image.length());
            }
            if (stub) { // its reply waits for the last block's write; to the ROM it would mean "leave the loader"
                EspFlasher.check(endOp, rom.command(endOp, RomClient.words(1), 0, stubBlockTimeout(blockSize)), "FLASH_END");
            }
        } catch (IOException e) {
            String where = seq < 0 ? "at FLASH_BEGIN" : String.format("at block %d/%d (offset 0x%X)", seq + 1, blocks,
                    image.offset() + (long) seq * blockSize);
            throw new FlashException("link cut during flash " + where + " on " + linkName + " (" + e.getMessage()
                    + "): the flash is incomplete; the ROM bootloader is intact, reconnect and flash again", e);
        }
    }

    /** Spec section 10: 40 s per MB written, plus the 64 KB erases the stub may do for it; at least 3 s. */
    static Duration stubBlockTimeout(long uncompressed) {
        long erases = ((uncompressed + 0x7FFF) / 0x8000 + 1) * 0x10000;
        return Duration.ofMillis(Math.max(3000, 40_000L * (uncompressed + erases) / (1 << 20)));
    }

    static int checksum(byte[] data) {
        int c = 0xEF;
        for (byte b : data) {
            c ^= b & 0xFF;
        }
        return c & 0xFF;
    }
}
