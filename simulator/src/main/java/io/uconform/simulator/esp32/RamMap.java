package io.uconform.simulator.esp32;

import java.util.List;

/**
 * The internal RAM a flasher may load code into, per chip: instruction RAM and data RAM as the
 * chips' memory maps place them (approximate bounds, wide enough for esptool's stubs). MEM_BEGIN
 * outside these ranges is refused by the virtual ROM with error 0x0E, a MEM_DATA block landing
 * outside with 0x0F.
 */
final class RamMap {

    /** One address range {@code [start, end)}. */
    record Range(long start, long end) {
        boolean contains(long address, long length) {
            return address >= start && length >= 0 && address + length <= end;
        }
    }

    private RamMap() {
    }

    static List<Range> of(ChipModel chip) {
        return switch (chip) {
            case ESP32 -> List.of(new Range(0x4007_0000L, 0x400C_0000L), new Range(0x3FFA_E000L, 0x4000_0000L));
            case ESP32_S2 -> List.of(new Range(0x4002_0000L, 0x4007_2000L), new Range(0x3FFB_0000L, 0x4000_0000L));
            case ESP32_S3 -> List.of(new Range(0x4037_0000L, 0x403E_0000L), new Range(0x3FC8_8000L, 0x3FD0_0000L));
            case ESP32_C3 -> List.of(new Range(0x4037_C000L, 0x403E_0000L), new Range(0x3FC8_0000L, 0x3FCE_0000L));
            case ESP32_C6 -> List.of(new Range(0x4080_0000L, 0x4088_0000L));
        };
    }

    static boolean contains(ChipModel chip, long address, long length) {
        return of(chip).stream().anyMatch(r -> r.contains(address, length));
    }
}
