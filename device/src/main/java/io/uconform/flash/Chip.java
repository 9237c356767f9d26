package io.uconform.flash;

import java.util.Arrays;
import java.util.Optional;

/**
 * ESP chips the flasher knows: how the ROM identifies them (chip id in GET_SECURITY_INFO, or the
 * magic value at {@code 0x40001000}) and where a MicroPython image is written.
 */
public enum Chip {
    ESP32("ESP32", -1, 0, 0x1000, 0x00F01D83),
    ESP32_S2("ESP32-S2", -1, 2, 0x1000, 0x000007C6),
    ESP32_S3("ESP32-S3", 9, 9, 0x0, 0x00000009),
    ESP32_C3("ESP32-C3", 5, 5, 0x0, 0x6921506F, 0x1B31506F, 0x4881606F, 0x4361606F),
    ESP32_C6("ESP32-C6", 13, 13, 0x0, 0x2CE0806F);

    private final String displayName;
    private final int chipId;
    private final int imageChipId;
    private final int micropythonOffset;
    private final int[] magics;

    Chip(String displayName, int chipId, int imageChipId, int micropythonOffset, int... magics) {
        this.displayName = displayName;
        this.chipId = chipId;
        this.imageChipId = imageChipId;
        this.micropythonOffset = micropythonOffset;
        this.magics = magics;
    }

    /** The chip ID an image built for this chip carries in its extended header (esptool's IMAGE_CHIP_ID). */
    public int imageChipId() {
        return imageChipId;
    }

    /** The chip an image's extended-header chip ID names, if it is one of these. */
    public static Optional<Chip> byImageChipId(int id) {
        return Arrays.stream(values()).filter(c -> c.imageChipId == id).findFirst();
    }

    public String displayName() {
        return displayName;
    }

    /** Where MicroPython's merged image goes (ESP32, S2: 0x1000; S3, C3, C6: 0x0). */
    public int micropythonOffset() {
        return micropythonOffset;
    }

    /** True for ROMs whose FLASH_BEGIN takes no encryption flag (ESP32 only in this family). */
    boolean beginWithoutEncryptFlag() {
        return this == ESP32;
    }

    static Optional<Chip> byChipId(int id) {
        return Arrays.stream(values()).filter(c -> c.chipId == id).findFirst();
    }

    static Optional<Chip> byMagic(int magic) {
        return Arrays.stream(values()).filter(c -> Arrays.stream(c.magics).anyMatch(m -> m == magic)).findFirst();
    }

    /** Parses {@code esp32}, {@code ESP32-S3}, {@code esp32s3}, {@code esp32_c3}. */
    public static Optional<Chip> parse(String name) {
        String n = name.trim().toUpperCase().replace("-", "").replace("_", "");
        return Arrays.stream(values()).filter(c -> c.name().replace("_", "").equals(n)).findFirst();
    }

    @Override
    public String toString() {
        return displayName;
    }
}
