package io.uconform.simulator.esp32;

import java.util.ArrayList;
import java.util.List;

/**
 * What MEM_BEGIN/MEM_DATA/MEM_END put into the virtual chip's RAM: a list of segments, each
 * checked against the chip's {@link RamMap}. The bytes are kept (a test can compare them) but
 * never executed: the virtual ESP32 cannot run Xtensa or RISC-V code.
 */
final class RamUpload {

    static final int OK = 0;
    static final int ERR_BAD_PARAMETER = 0x01;
    static final int ERR_RAM_SIZE = 0x0E;
    static final int ERR_RAM_ADDRESS = 0x0F;

    /** An uploaded segment: where it goes and the bytes received so far. */
    record Segment(long address, byte[] bytes) {
        boolean contains(long at) {
            return at >= address && at < address + bytes.length;
        }
    }

    private final ChipModel chip;
    private final List<Segment> segments = new ArrayList<>();
    private Segment current;
    private int blockSize;
    private int blocks;
    private int nextSeq;

    RamUpload(ChipModel chip) {
        this.chip = chip;
    }

    /** MEM_BEGIN: the error code, 0 when the segment fits the chip's RAM. */
    int begin(long size, int blockCount, int blockSize, long address) {
        if (size <= 0 || blockSize <= 0 || blockCount != (size + blockSize - 1) / blockSize) {
            return ERR_BAD_PARAMETER;
        }
        if (!RamMap.contains(chip, address & 0xFFFF_FFFFL, size)) {
            return ERR_RAM_SIZE;
        }
        current = new Segment(address & 0xFFFF_FFFFL, new byte[(int) size]);
        segments.add(current);
        this.blockSize = blockSize;
        this.blocks = blockCount;
        this.nextSeq = 0;
        return OK;
    }

    /** MEM_DATA: the block lands at {@code seq * blockSize} in the current segment. */
    int data(int seq, byte[] block) {
        if (current == null || seq != nextSeq || seq >= blocks) {
            return ERR_BAD_PARAMETER;
        }
        long at = (long) seq * blockSize;
        if (at + block.length > current.bytes().length) {
            return ERR_RAM_ADDRESS;
        }
        System.arraycopy(block, 0, current.bytes(), (int) at, block.length);
        nextSeq++;
        return OK;
    }

    /** True when {@code entry} points into an uploaded segment (MEM_END may jump there). */
    boolean isEntry(long entry) {
        long e = entry & 0xFFFF_FFFFL;
        return segments.stream().anyMatch(s -> s.contains(e));
    }

    List<Segment> segments() {
        return List.copyOf(segments);
    }
}
