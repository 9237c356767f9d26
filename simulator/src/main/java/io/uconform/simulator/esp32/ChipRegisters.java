package io.uconform.simulator.esp32;

import java.util.HashMap;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * The part of the chip's address space that READ_REG and WRITE_REG reach: the ROM's magic word at
 * {@code 0x40001000}, the eFuse words ({@link Efuses}: MAC, revision, package; read-only), UART0's
 * clock divider (it follows the UART's current rate), the SPI flash controller (a command written to
 * it runs against the {@link SpiFlashChip}), and, for the ESP32, the calibration registers of the
 * ROM baud-rate workaround. Any other address behaves as plain memory: it reads 0 until written.
 * Used on the board's CPU thread only.
 */
final class ChipRegisters {

    private final ChipModel chip;
    private final ChipLayout layout;
    private final IntSupplier uartBaud;
    private final SpiController spi;
    private final Map<Long, Integer> readOnly = new HashMap<>();
    private final Map<Long, Integer> memory = new HashMap<>();

    ChipRegisters(ChipModel chip, Efuses efuses, SpiFlashChip flash, IntSupplier uartBaud) {
        this.chip = chip;
        this.layout = ChipLayout.of(chip);
        this.uartBaud = uartBaud;
        this.spi = new SpiController(layout.spi(), flash);
        byte[] mac = efuses.mac();
        readOnly.put(layout.macLow(), (mac[2] & 0xFF) << 24 | (mac[3] & 0xFF) << 16 | (mac[4] & 0xFF) << 8 | mac[5] & 0xFF);
        int high = (mac[0] & 0xFF) << 8 | mac[1] & 0xFF;
        if (chip == ChipModel.ESP32) {
            high |= efuses.macCrc() << 16;
        } else if (chip == ChipModel.ESP32_C6) {
            high |= 0xFFFE << 16; // the EUI-64 extension bytes ff:fe
        }
        readOnly.put(layout.macHigh(), high);
        for (ChipLayout.Field f : layout.revision()) {
            readOnly.put(f.address(), f.apply(readOnly.getOrDefault(f.address(), 0)));
        }
        if (chip == ChipModel.ESP32) {
            long word4 = ChipLayout.ESP32_EFUSE_BASE + 16;
            readOnly.put(word4, Efuses.ESP32_CK8M | 0x0A << 8); // CK8M frequency, ADC reference calibrated
            readOnly.put(ChipLayout.ESP32_RTC_CALI, efuses.esp32CalibrationValue() << 7);
        }
    }

    int read(long address) {
        address &= 0xFFFF_FFFFL;
        if (address == ChipModel.MAGIC_REGISTER) {
            return chip.magic();
        }
        if (address == layout.uartClkdiv()) {
            return uartDivider();
        }
        if (spi.owns(address)) {
            return spi.read(address);
        }
        Integer fixed = readOnly.get(address);
        return fixed != null ? fixed : memory.getOrDefault(address, 0);
    }

    /** WRITE_REG: the bits in {@code mask} take {@code value}, the others keep what the register held. */
    void write(long address, int value, int mask) {
        address &= 0xFFFF_FFFFL;
        int merged = (value & mask) | (read(address) & ~mask);
        if (spi.owns(address)) {
            spi.write(address, merged);
        } else if (!readOnly.containsKey(address) && address != ChipModel.MAGIC_REGISTER
                && address != layout.uartClkdiv()) {
            memory.put(address, merged);
        }
    }

    /**
     * WRITE_REG's data: groups of (address, value, mask, delay in microseconds), each written after
     * its delay. False (nothing written) when the data is not a whole number of groups.
     */
    boolean writeGroups(LoaderCommand c) {
        if (c.length() == 0 || c.length() % 16 != 0 || !c.lengthMatches()) {
            return false;
        }
        for (int g = 0; g < c.length() / 16; g++) {
            long delayMicros = c.unsignedWord(4 * g + 3);
            if (delayMicros > 0) {
                LinePacer.awaitTime(System.nanoTime() + Math.min(delayMicros, 1_000_000L) * 1000);
            }
            write(c.unsignedWord(4 * g), c.word(4 * g + 1), c.word(4 * g + 2));
        }
        return true;
    }

    /** UART0's divider from the 40 MHz clock for the rate it runs at: integer part, fraction in sixteenths. */
    private int uartDivider() {
        int baud = uartBaud.getAsInt();
        if (baud <= 0) {
            return 0;
        }
        long sixteenths = Efuses.CRYSTAL_HZ * 16 / baud;
        return (int) ((sixteenths / 16) & 0xFFFFF) | (int) (sixteenths % 16) << 20;
    }
}
