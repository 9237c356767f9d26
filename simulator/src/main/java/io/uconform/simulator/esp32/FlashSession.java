package io.uconform.simulator.esp32;

import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * One FLASH_BEGIN..END (or FLASH_DEFL_*) write, and what it costs the flash chip in time
 * ({@link FlashTiming}). The ROM way ({@link #beginRom}) erases the whole region at BEGIN and places
 * each plain block by its sequence number; the stub way ({@link #beginStub}) writes sequentially from
 * the offset, trims the padded last block to the announced size, and erases as it goes: 64 KB blocks
 * where aligned and at least a block remains, 4 KB sectors otherwise, as esptool's stubs do.
 * Deflated data is inflated in order (zlib stream, as esptool sends it).
 */
final class FlashSession {

    enum Result { OK, BAD_SEQUENCE, BAD_DATA, TOO_MUCH_DATA, NOT_STARTED }

    /** What a step did and how long the flash was busy with it. */
    record Step(Result result, long nanos) {
        static Step of(Result r) {
            return new Step(r, 0);
        }
    }

    private final FlashMemory flash;
    private final FlashTiming timing;
    private final boolean corrupt;
    private Inflater inflater;
    private boolean stub;
    private long offset;
    private long size;
    private int blockSize;
    private int blocks;
    private int nextSeq;
    private long written;
    private long nextErase;
    private long eraseEnd;
    private boolean active;

    FlashSession(FlashMemory flash, FlashTiming timing, boolean corrupt) {
        this.flash = flash;
        this.timing = timing;
        this.corrupt = corrupt;
    }

    /** ROM: erases {@code [offset, offset+eraseSize)} now; the step's time is the erase. */
    Step beginRom(long offset, long eraseSize, int blocks, int blockSize, boolean deflated) {
        if (!start(offset, eraseSize, blocks, blockSize, deflated, false) || !flash.erase(offset, eraseSize)) {
            active = false;
            return Step.of(Result.BAD_DATA);
        }
        return new Step(Result.OK, timing.eraseNanos(offset, eraseSize));
    }

    /** Stub: nothing is erased yet; the data steps erase what they reach. */
    Step beginStub(long offset, long totalSize, int blocks, int blockSize, boolean deflated) {
        if (!start(offset, totalSize, blocks, blockSize, deflated, true) || offset + totalSize > flash.size()) {
            active = false;
            return Step.of(Result.BAD_DATA);
        }
        nextErase = offset / FlashMemory.SECTOR * FlashMemory.SECTOR;
        eraseEnd = (offset + totalSize + FlashMemory.SECTOR - 1) / FlashMemory.SECTOR * FlashMemory.SECTOR;
        return Step.of(Result.OK);
    }

    private boolean start(long offset, long size, int blocks, int blockSize, boolean deflated, boolean stub) {
        if (blockSize <= 0 || blocks < 0 || offset < 0 || size < 0) {
            return false;
        }
        if (inflater != null) {
            inflater.end();
        }
        this.offset = offset;
        this.size = size;
        this.blocks = blocks;
        this.blockSize = blockSize;
        this.inflater = deflated ? new Inflater() : null;
        this.stub = stub;
        this.nextSeq = 0;
        this.written = 0;
        this.active = true;
        return true;
    }

    boolean deflating() {
        return active && inflater != null;
    }

    Step plain(int seq, byte[] data) {
        if (!active || inflater != null) {
            return Step.of(Result.NOT_STARTED);
        }
        if (!stub) {
            if (seq != nextSeq || seq >= blocks) {
                return Step.of(Result.BAD_SEQUENCE);
            }
            nextSeq++;
            long at = offset + (long) seq * blockSize;
            return store(at, data, data.length) ? new Step(Result.OK, timing.programNanos(at, data.length))
                    : Step.of(Result.BAD_DATA);
        }
        int len = (int) Math.min(data.length, size - written); // the padded last block is trimmed
        return len <= 0 ? Step.of(Result.OK) : writeStub(data, len);
    }

    Step deflated(int seq, byte[] data) {
        if (!active || inflater == null) {
            return Step.of(Result.NOT_STARTED);
        }
        if (!stub && (seq != nextSeq || seq >= blocks)) {
            return Step.of(Result.BAD_SEQUENCE);
        }
        nextSeq++;
        inflater.setInput(data);
        byte[] out = new byte[32 * 1024];
        long nanos = 0;
        try {
            while (!inflater.needsInput() && !inflater.finished()) {
                int n = inflater.inflate(out);
                if (n == 0 && inflater.needsDictionary()) {
                    return Step.of(Result.BAD_DATA);
                }
                if (written + n > size) {
                    return Step.of(Result.TOO_MUCH_DATA);
                }
                Step s = stub ? writeStub(out, n) : romWrite(out, n);
                if (s.result() != Result.OK) {
                    return s;
                }
                nanos += s.nanos();
            }
            return new Step(Result.OK, nanos);
        } catch (DataFormatException e) {
            return Step.of(Result.BAD_DATA);
        }
    }

    private Step romWrite(byte[] data, int len) {
        long at = offset + written;
        if (!store(at, data, len)) {
            return Step.of(Result.BAD_DATA);
        }
        written += len;
        return new Step(Result.OK, timing.programNanos(at, len));
    }

    private Step writeStub(byte[] data, int len) {
        long at = offset + written;
        long nanos = 0;
        while (nextErase < eraseEnd && nextErase < at + len) {
            long piece = nextErase % FlashTiming.BLOCK == 0 && eraseEnd - nextErase >= FlashTiming.BLOCK
                    ? FlashTiming.BLOCK : FlashMemory.SECTOR;
            flash.erase(nextErase, piece);
            nanos += timing.eraseNanos(nextErase, piece);
            nextErase += piece;
        }
        if (!store(at, data, len)) {
            return Step.of(Result.BAD_DATA);
        }
        written += len;
        return new Step(Result.OK, nanos + timing.programNanos(at, len));
    }

    /** Bytes written so far (stub and deflated sessions). */
    long written() {
        return written;
    }

    /** The bytes the BEGIN announced that have not been written (stub rules). */
    long remaining() {
        return size - written;
    }

    boolean active() {
        return active;
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
            byte[] copy = Arrays.copyOf(data, len);
            copy[len / 2] ^= 0x5A; // one flipped byte per write: the read-back MD5 will differ
            return flash.write(at, copy, 0, len);
        }
        return flash.write(at, data, 0, len);
    }
}
