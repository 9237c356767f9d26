package io.uconform.flash;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;

/**
 * Sends an image in 0x400 byte blocks: FLASH_BEGIN/DATA/END, or FLASH_DEFL_* with the deflated
 * stream (the ROM wants the uncompressed size rounded up to a block). A link that fails mid-way is
 * reported with the block it failed at; the ROM bootloader is untouched, so a retry can follow.
 */
final class BlockWriter {

    private static final Duration BLOCK_TIMEOUT = Duration.ofSeconds(3);

    private final RomClient rom;
    private final String linkName;
    private final Chip chip;
    private final FlashProgress progress;

    BlockWriter(RomClient rom, String linkName, Chip chip, FlashProgress progress) {
        this.rom = rom;
        this.linkName = linkName;
        this.chip = chip;
        this.progress = progress;
    }

    /** @param deflated the compressed image, or null to send it as is */
    void write(FlashImage image, byte[] deflated) {
        boolean compressed = deflated != null;
        byte[] data = compressed ? deflated : image.bytes();
        int blocks = (data.length + EspFlasher.BLOCK - 1) / EspFlasher.BLOCK;
        int size = compressed ? (image.length() + EspFlasher.BLOCK - 1) / EspFlasher.BLOCK * EspFlasher.BLOCK
                : image.length();
        int beginOp = compressed ? RomOp.FLASH_DEFL_BEGIN : RomOp.FLASH_BEGIN;
        int dataOp = compressed ? RomOp.FLASH_DEFL_DATA : RomOp.FLASH_DATA;
        int endOp = compressed ? RomOp.FLASH_DEFL_END : RomOp.FLASH_END;
        int seq = -1;
        try {
            byte[] begin = chip.beginWithoutEncryptFlag()
                    ? RomClient.words(size, blocks, EspFlasher.BLOCK, image.offset())
                    : RomClient.words(size, blocks, EspFlasher.BLOCK, image.offset(), 0);
            EspFlasher.check(beginOp, rom.command(beginOp, begin, 0, EspFlasher.eraseTimeout(size)), "FLASH_BEGIN");
            for (seq = 0; seq < blocks; seq++) {
                int from = seq * EspFlasher.BLOCK;
                byte[] block = Arrays.copyOfRange(data, from, Math.min(data.length, from + EspFlasher.BLOCK));
                if (!compressed && block.length < EspFlasher.BLOCK) {
                    int had = block.length;
                    block = Arrays.copyOf(block, EspFlasher.BLOCK);
                    Arrays.fill(block, had, block.length, (byte) 0xFF);
                }
                byte[] payload = new byte[16 + block.length];
                System.arraycopy(RomClient.words(block.length, seq, 0, 0), 0, payload, 0, 16);
                System.arraycopy(block, 0, payload, 16, block.length);
                RomResponse r = rom.command(dataOp, payload, checksum(block), BLOCK_TIMEOUT);
                EspFlasher.check(dataOp, r, String.format("block %d/%d at 0x%X", seq + 1, blocks, image.offset()));
                long done = Math.min(image.length(), (long) image.length() * (seq + 1) / blocks);
                progress.update(done, image.length());
            }
            EspFlasher.check(endOp, rom.command(endOp, RomClient.words(1), 0, BLOCK_TIMEOUT), "FLASH_END");
        } catch (IOException e) {
            String where = seq < 0 ? "at FLASH_BEGIN" : String.format("at block %d/%d (offset 0x%X)", seq + 1, blocks,
                    image.offset() + (long) seq * EspFlasher.BLOCK);
            throw new FlashException("link cut during flash " + where + " on " + linkName + " (" + e.getMessage()
                    + "): the flash is incomplete; the ROM bootloader is intact, reconnect and flash again", e);
        }
    }

    static int checksum(byte[] data) {
        int c = 0xEF;
        for (byte b : data) {
            c ^= b & 0xFF;
        }
        return c & 0xFF;
    }
}
