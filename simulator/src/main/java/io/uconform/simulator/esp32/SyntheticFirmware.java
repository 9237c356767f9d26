package io.uconform.simulator.esp32;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Builds stand-in MicroPython images for tests and benchmarks: an ESP image header (magic 0xE9,
 * 3 segments, DIO, 4 MB; the chip's ID in the extended header),
 * the MicroPython banner string the virtual ESP32 looks for, and filler that compresses about as
 * well as real firmware (roughly 60%: machine code is neither random nor repetitive).
 */
public final class SyntheticFirmware {

    /** The first byte of every ESP application and bootloader image. */
    public static final int ESP_IMAGE_MAGIC = 0xE9;

    private SyntheticFirmware() {
    }

    public static byte[] micropython(ChipModel chip, int size, long seed) {
        return image(chip, size, seed, "MicroPython v1.24.1 on 2024-11-29; " + chip.board() + " with " + chip.displayName());
    }

    /** An image with a valid header but no MicroPython in it (boots, prints nothing more). */
    public static byte[] otherApplication(int size, long seed) {
        return image(ChipModel.ESP32, size, seed, "esp-idf hello_world");
    }

    private static byte[] image(ChipModel chip, int size, long seed, String marker) {
        byte[] img = new byte[size];
        Random random = new Random(seed);
        // filler like machine code: a small alphabet of common bytes, some random bytes, and
        // short repeats of recent sequences (deflates to about 60%, as real firmware does)
        byte[] alphabet = new byte[64];
        random.nextBytes(alphabet);
        int i = 0;
        while (i < size) {
            double x = random.nextDouble();
            if (x < 0.05 && i > 64) {
                int n = Math.min(4 + random.nextInt(21), size - i);
                int from = Math.max(0, i - 4096) + random.nextInt(Math.max(1, Math.min(4096, i) - n));
                System.arraycopy(img, from, img, i, n);
                i += n;
            } else if (x < 0.35) {
                img[i++] = (byte) random.nextInt(256);
            } else {
                img[i++] = alphabet[random.nextInt(alphabet.length)];
            }
        }
        // esptool's image format: header (magic, segments, flash mode, size/frequency, entry), extended header
        ByteBuffer header = ByteBuffer.wrap(img, 0, 24).order(ByteOrder.LITTLE_ENDIAN);
        header.put((byte) ESP_IMAGE_MAGIC).put((byte) 3).put((byte) 2).put((byte) 0x20).putInt(0x400805E0)
                .put((byte) 0xEE).put(new byte[3]).putShort((short) chip.imageChipId()).put((byte) 0)
                .putShort((short) 0).putShort((short) 0xFFFF).putInt(0).put((byte) 0);
        byte[] text = (marker + "\0").getBytes(StandardCharsets.US_ASCII);
        int at = Math.min(size - text.length, Math.max(64, size / 3));
        System.arraycopy(text, 0, img, at, text.length);
        return img;
    }
}
