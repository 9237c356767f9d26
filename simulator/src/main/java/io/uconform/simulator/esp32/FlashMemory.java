package io.uconform.simulator.esp32;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/** The board's SPI flash: erased bytes read 0xFF; writes can only clear bits, as on NOR flash. */
public final class FlashMemory {

    public static final int SECTOR = 0x1000;

    private final byte[] bytes;

    public FlashMemory(int size) {
        this.bytes = new byte[size];
        Arrays.fill(bytes, (byte) 0xFF);
    }

    public int size() {
        return bytes.length;
    }

    /** Erases whole sectors covering {@code [offset, offset+length)}; false when out of range. */
    public synchronized boolean erase(long offset, long length) {
        long start = offset / SECTOR * SECTOR;
        long end = Math.min(bytes.length, (offset + length + SECTOR - 1) / SECTOR * SECTOR);
        if (offset < 0 || offset + length > bytes.length) {
            return false;
        }
        Arrays.fill(bytes, (int) start, (int) end, (byte) 0xFF);
        return true;
    }

    /** NOR semantics: the stored byte is old AND new. False when out of range. */
    public synchronized boolean write(long offset, byte[] data, int off, int len) {
        if (offset < 0 || offset + len > bytes.length) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            bytes[(int) offset + i] &= data[off + i];
        }
        return true;
    }

    public synchronized byte[] read(long offset, int len) {
        return Arrays.copyOfRange(bytes, (int) offset, (int) offset + len);
    }

    public synchronized byte get(int offset) {
        return bytes[offset];
    }

    /** Lower-case hex MD5 of a region, as the ROM's SPI_FLASH_MD5 reports it. */
    public String md5Hex(long offset, long len) {
        return HexFormat.of().formatHex(md5(offset, len));
    }

    /** The raw 16-byte MD5 of a region, as the flasher stub's SPI_FLASH_MD5 reports it. */
    public synchronized byte[] md5(long offset, long len) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(bytes, (int) offset, (int) len);
            return md5.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }

    /** The first occurrence of {@code needle} at or after {@code from}; -1 when absent. */
    public synchronized int indexOf(byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= bytes.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
