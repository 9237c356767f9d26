package io.uconform.flash;

/**
 * The check an image passes before anything is written, after esptool's firmware image format
 * (header: magic 0xE9, segment count, flash mode, size/frequency, entry; extended header: chip ID
 * at bytes 12-13): the magic byte, a segment count of 1 to 16, the chip ID against the connected
 * chip, and the size against the detected flash. Each failure is one {@link FlashException} line
 * naming the image and what is wrong, so that a wrong file never reaches the board's flash.
 */
public final class FirmwareImage {

    static final int MAGIC = 0xE9;
    static final int HEADER_BYTES = 24; // 8-byte header and 16-byte extended header
    static final int MAX_SEGMENTS = 16;

    private final byte[] bytes;
    private final String name;

    private FirmwareImage(byte[] bytes, String name) {
        this.bytes = bytes;
        this.name = name;
    }

    /**
     * Checks what can be checked without a board: not empty, the magic byte, the segment count.
     *
     * @param name the image's name in messages (its file)
     */
    public static FirmwareImage check(byte[] bytes, String name) {
        if (bytes.length == 0) {
            throw new FlashException("the image " + name + " is empty: nothing to flash");
        }
        if ((bytes[0] & 0xFF) != MAGIC) {
            throw new FlashException(String.format("the image %s is not an ESP firmware image: it starts with 0x%02X,"
                    + " an ESP image with 0xE9", name, bytes[0] & 0xFF));
        }
        if (bytes.length < HEADER_BYTES) {
            throw new FlashException("the image " + name + " is " + bytes.length + " bytes, shorter than an ESP image"
                    + " header (" + HEADER_BYTES + ")");
        }
        int segments = bytes[1] & 0xFF;
        if (segments < 1 || segments > MAX_SEGMENTS) {
            throw new FlashException("the image " + name + " claims " + segments + " segments (an ESP image has 1 to "
                    + MAX_SEGMENTS + "): not a firmware image, or a damaged one");
        }
        return new FirmwareImage(bytes, name);
    }

    /** The chip ID in the extended header. */
    public int chipId() {
        return (bytes[12] & 0xFF) | (bytes[13] & 0xFF) << 8;
    }

    /** Fails unless the image was built for {@code chip}. */
    public FirmwareImage forChip(Chip chip) {
        if (chipId() != chip.imageChipId()) {
            String built = Chip.byImageChipId(chipId()).map(c -> "an " + c.displayName() + " image")
                    .orElse("an image for chip ID " + chipId());
            throw new FlashException("the image " + name + " is " + built + " (chip ID " + chipId()
                    + " in its header), but the board is an " + chip.displayName() + ": not flashed");
        }
        return this;
    }

    /** Fails unless the image fits the flash when written at {@code offset}. */
    public FirmwareImage fits(int offset, long flashSize) {
        if (offset + (long) bytes.length > flashSize) {
            throw new FlashException(String.format("the image %s (%d bytes at 0x%X) ends at 0x%X, beyond the board's"
                    + " %s of flash: not flashed", name, bytes.length, offset, offset + (long) bytes.length,
                    FlashSize.describe(flashSize)));
        }
        return this;
    }

    public byte[] bytes() {
        return bytes.clone();
    }
}
