package io.uconform.flash;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.Deflater;

/**
 * An image prepared as esptool prepares it: padded with 0xFF to a multiple of 4 bytes, and (for
 * the ROM) a 4 KB aligned offset reached by prepending 0xFF. The MD5 is over the prepared bytes.
 */
public record FlashImage(int offset, byte[] bytes) {

    static final int SECTOR = 0x1000;

    public static FlashImage prepare(int offset, byte[] raw) {
        int aligned = offset / SECTOR * SECTOR;
        int lead = offset - aligned;
        int len = lead + raw.length;
        int padded = (len + 3) / 4 * 4;
        byte[] bytes = new byte[padded];
        Arrays.fill(bytes, (byte) 0xFF);
        System.arraycopy(raw, 0, bytes, lead, raw.length);
        return new FlashImage(aligned, bytes);
    }

    public int length() {
        return bytes.length;
    }

    public String md5() {
        return md5(bytes);
    }

    /** zlib (header and Adler-32) at level 9, as esptool compresses. */
    public byte[] deflate() {
        Deflater deflater = new Deflater(9);
        try {
            deflater.setInput(bytes);
            deflater.finish();
            byte[] out = new byte[bytes.length + bytes.length / 100 + 64];
            int n = 0;
            while (!deflater.finished()) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                n += deflater.deflate(out, n, out.length - n);
            }
            return Arrays.copyOf(out, n);
        } finally {
            deflater.end();
        }
    }

    static String md5(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
