package io.uconform.simulator.esp32;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * One FLASH_BEGIN..END (or FLASH_DEFL_*) write: erases the region up front as the ROM does, then
 * places plain blocks by sequence number or inflates the zlib stream and writes it in order.
 */
final class FlashSession {

    enum Result { OK, BAD_SEQUENCE, BAD_DATA, NOT_STARTED }

    private final FlashMemory flash;
    private final boolean corrupt;
    private Inflater inflater;
    private long offset;
    private long size;
    private int blockSize;
    private int blocks;
    private int nextSeq;
    private long written;
    private boolean active;

    FlashSession(FlashMemory flash, boolean corrupt) {
        this.flash = flash;
        this.corrupt = corrupt;
    }

    boolean beginPlain(long offset, long eraseSize, int blocks, int blockSize) {
        return begin(offset, eraseSize, blocks, blockSize, null);
    }

    boolean beginDeflated(long offset, long uncompressedSize, int blocks, int blockSize) {
        return begin(offset, uncompressedSize, blocks, blockSize, new Inflater());
    }

    private boolean begin(long offset, long size, int blocks, int blockSize, Inflater inflater) {
        if (blockSize <= 0 || blocks < 0 || !flash.erase(offset, size)) {
            active = false;
            return false;
        }
        this.offset = offset;
        this.size = size;
        this.blocks = blocks;
        this.blockSize = blockSize;
        this.inflater = inflater;
        this.nextSeq = 0;
        this.written = 0;
        this.active = true;
        return true;
    }

    Result plain(int seq, byte[] data) {
        if (!active || inflater != null) {
            return Result.NOT_STARTED;
        }
        if (seq != nextSeq || seq >= blocks) {
            return Result.BAD_SEQUENCE;
        }
        nextSeq++;
        return store(offset + (long) seq * blockSize, data, data.length) ? Result.OK : Result.BAD_DATA;
    }

    Result deflated(int seq, byte[] data) {
        if (!active || inflater == null) {
            return Result.NOT_STARTED;
        }
        if (seq != nextSeq || seq >= blocks) {
            return Result.BAD_SEQUENCE;
        }
        nextSeq++;
        inflater.setInput(data);
        byte[] out = new byte[64 * 1024];
        try {
            while (!inflater.needsInput() && !inflater.finished()) {
                int n = inflater.inflate(out);
                if (n == 0 && inflater.needsDictionary()) {
                    return Result.BAD_DATA;
                }
                if (written + n > size || !store(offset + written, out, n)) {
                    return Result.BAD_DATA;
                }
                written += n;
            }
            return Result.OK;
        } catch (DataFormatException e) {
            return Result.BAD_DATA;
        }
    }

    /** Uncompressed bytes a deflated session has written so far. */
    long written() {
        return written;
    }

    /** Ends the session; false when a compressed stream stopped before its end. */
    boolean finish() {
        boolean ok = inflater == null || inflater.finished();
        if (inflater != null) {
            inflater.end();
        }
        inflater = null;
        active = false;
        return ok;
    }

    private boolean store(long at, byte[] data, int len) {
        if (corrupt && len > 0) {
            byte[] copy = java.util.Arrays.copyOf(data, len);
            copy[len / 2] ^= 0x5A; // one flipped byte per write: the read-back MD5 will differ
            return flash.write(at, copy, 0, len);
        }
        return flash.write(at, data, 0, len);
    }
}
