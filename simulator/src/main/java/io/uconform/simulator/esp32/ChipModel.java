package io.uconform.simulator.esp32;

/**
 * The chips the virtual ESP32 can pose as, with what their ROM tells a flasher: the magic value at
 * {@code 0x40001000}, the chip id in GET_SECURITY_INFO (-1: the ROM does not support the command,
 * -2: it answers without a chip id), the chip ID images for it carry, and where a MicroPython
 * image starts in flash.
 */
public enum ChipModel {
    ESP32("ESP32", 0x00F01D83, -1, 0, 0x1000, "Generic ESP32 module"),
    ESP32_S2("ESP32-S2", 0x000007C6, -2, 2, 0x1000, "Generic ESP32S2 module"),
    ESP32_S3("ESP32-S3", 0x00000009, 9, 9, 0x0, "Generic ESP32S3 module"),
    ESP32_C3("ESP32-C3", 0x1B31506F, 5, 5, 0x0, "ESP32C3 module"),
    ESP32_C6("ESP32-C6", 0x2CE0806F, 13, 13, 0x0, "ESP32C6 module");

    /** The register esptool reads to tell chips apart. */
    public static final int MAGIC_REGISTER = 0x40001000;

    private final String displayName;
    private final int magic;
    private final int securityChipId;
    private final int imageChipId;
    private final int micropythonOffset;
    private final String board;

    ChipModel(String displayName, int magic, int securityChipId, int imageChipId, int micropythonOffset, String board) {
        this.displayName = displayName;
        this.magic = magic;
        this.securityChipId = securityChipId;
        this.imageChipId = imageChipId;
        this.micropythonOffset = micropythonOffset;
        this.board = board;
    }

    public String displayName() {
        return displayName;
    }

    public int magic() {
        return magic;
    }

    /** Chip id in GET_SECURITY_INFO; -1 when the ROM rejects the command, -2 when it omits the id. */
    public int securityChipId() {
        return securityChipId;
    }

    /** The chip ID in the extended header of images built for this chip (esptool's IMAGE_CHIP_ID). */
    public int imageChipId() {
        return imageChipId;
    }

    public int micropythonOffset() {
        return micropythonOffset;
    }

    /** Board name for the MicroPython banner, e.g. {@code Generic ESP32 module}. */
    public String board() {
        return board;
    }
}
