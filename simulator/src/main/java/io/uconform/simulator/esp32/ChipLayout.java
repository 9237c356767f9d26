package io.uconform.simulator.esp32;

import java.util.List;

/**
 * Where a chip keeps what a flasher reads from it over READ_REG/WRITE_REG: the eFuse words holding
 * the factory MAC, the chip revision and the package, the UART clock divider, the SPI flash
 * controller, and (ESP32 only) the registers behind esptool's ROM baud-rate workaround. Addresses
 * and bit positions follow the chips' technical reference manuals as esptool reads them
 * ({@code esptool/targets/esp32*.py}); they are facts about the silicon, not code.
 *
 * @param macLow     eFuse word with MAC bytes 2..5 (big-endian: byte 2 in bits 31..24)
 * @param macHigh    eFuse word with MAC bytes 0..1 in bits 15..0 (ESP32: the MAC CRC in bits 23..16)
 * @param revision   the bit fields that make up the chip revision and package
 * @param uartClkdiv UART0's clock divider register (integer part bits 19..0, fraction bits 23..20)
 * @param spi        the SPI flash controller (SPI0/SPI1) register block
 */
record ChipLayout(long macLow, long macHigh, List<Field> revision, long uartClkdiv, Spi spi) {

    /** A bit field in a 32-bit register: {@code width} bits at {@code shift}, holding {@code value}. */
    record Field(long address, int shift, int width, int value) {
        int apply(int word) {
            int mask = (int) ((1L << width) - 1) << shift;
            return (word & ~mask) | ((value << shift) & mask);
        }
    }

    /**
     * The SPI controller's registers: base, and the offsets of USR, USR1, USR2, MOSI_DLEN,
     * MISO_DLEN and W0 (CMD is at the base, ADDR at base + 4); {@code addressInMsb}: the address
     * is left-aligned in ADDR (ESP32) rather than right-aligned.
     */
    record Spi(long base, int usr, int usr1, int usr2, int mosiDlen, int misoDlen, int w0, boolean addressInMsb) {
    }

    /** ESP32: its ROM's view of its own clock, which esptool's baud-rate workaround reads. */
    static final long ESP32_APB_CTL_DATE = 0x3FF6_607CL;
    static final long ESP32_RTC_CALI = 0x3FF5_F06CL;
    static final long ESP32_EFUSE_BASE = 0x3FF5_A000L;

    /**
     * The revision and package each virtual chip reports: ESP32-D0WD-V3 v3.1 (the ESP32-WROOM-32E
     * on a current DevKitC), ESP32-S2 v0.0, ESP32-S3 (QFN56) v0.2, ESP32-C3 (QFN32) v0.4,
     * ESP32-C6 (QFN40) v0.1.
     */
    static ChipLayout of(ChipModel chip) {
        return switch (chip) {
            case ESP32 -> new ChipLayout(ESP32_EFUSE_BASE + 4, ESP32_EFUSE_BASE + 8, List.of(
                    new Field(ESP32_EFUSE_BASE + 12, 15, 1, 1), // rev bit 0
                    new Field(ESP32_EFUSE_BASE + 20, 20, 1, 1), // rev bit 1
                    new Field(ESP32_APB_CTL_DATE, 31, 1, 1), // rev bit 2: major revision 3
                    new Field(ESP32_EFUSE_BASE + 20, 24, 2, 1), // minor revision 1
                    new Field(ESP32_EFUSE_BASE + 12, 9, 3, 1)), // package D0WD
                    0x3FF4_0014L, new Spi(0x3FF4_2000L, 0x1C, 0x20, 0x24, 0x28, 0x2C, 0x80, true));
            case ESP32_S2 -> new ChipLayout(0x3F41_A044L, 0x3F41_A048L, List.of(),
                    0x3F40_0014L, new Spi(0x3F40_2000L, 0x18, 0x1C, 0x20, 0x24, 0x28, 0x58, false));
            case ESP32_S3 -> new ChipLayout(0x6000_7044L, 0x6000_7048L, List.of(
                    new Field(0x6000_7050L, 18, 3, 2)), // minor revision 2 (low bits, word 3 of block 1)
                    0x6000_0014L, new Spi(0x6000_2000L, 0x18, 0x1C, 0x20, 0x24, 0x28, 0x58, false));
            case ESP32_C3 -> new ChipLayout(0x6000_8844L, 0x6000_8848L, List.of(
                    new Field(0x6000_8850L, 18, 3, 4)), // minor revision 4
                    0x6000_0014L, new Spi(0x6000_2000L, 0x18, 0x1C, 0x20, 0x24, 0x28, 0x58, false));
            case ESP32_C6 -> new ChipLayout(0x600B_0844L, 0x600B_0848L, List.of(
                    new Field(0x600B_0850L, 18, 4, 1)), // minor revision 1
                    0x6000_0014L, new Spi(0x6000_3000L, 0x18, 0x1C, 0x20, 0x24, 0x28, 0x58, false));
        };
    }
}
