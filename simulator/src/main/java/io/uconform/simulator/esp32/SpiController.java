package io.uconform.simulator.esp32;

import java.util.HashMap;
import java.util.Map;

/**
 * The SPI flash controller's registers, as far as a flasher uses them to send a raw command to
 * the flash chip (esptool's {@code run_spiflash_command}): the command byte in USR2, data lengths
 * in MOSI_DLEN/MISO_DLEN (bits - 1), the phases in USR, the address in ADDR, data in W0..W15;
 * writing the USR bit (bit 18) to CMD runs the command at once, and CMD reads back with it clear.
 * Register offsets per chip come from {@link ChipLayout}.
 */
final class SpiController {

    static final int CMD_USR = 1 << 18;
    private static final int USR_COMMAND = 1 << 31;
    private static final int USR_ADDR = 1 << 30;
    private static final int USR_MISO = 1 << 28;
    private static final int USR_MOSI = 1 << 27;
    private static final int ADDR_LEN_SHIFT = 26;
    private static final int DATA_WORDS = 16;

    private final ChipLayout.Spi layout;
    private final SpiFlashChip chip;
    private final Map<Long, Integer> registers = new HashMap<>();

    SpiController(ChipLayout.Spi layout, SpiFlashChip chip) {
        this.layout = layout;
        this.chip = chip;
    }

    boolean owns(long address) {
        return address >= layout.base() && address < layout.base() + 0x100;
    }

    int read(long address) {
        return registers.getOrDefault(address, 0);
    }

    void write(long address, int value) {
        if (address == layout.base() && (value & CMD_USR) != 0) {
            run();
            registers.put(address, value & ~CMD_USR); // the command completed
            return;
        }
        registers.put(address, value);
    }

    private void run() {
        int usr = read(layout.base() + layout.usr());
        int usr1 = read(layout.base() + layout.usr1());
        int command = read(layout.base() + layout.usr2()) & 0xFF;
        if ((usr & USR_COMMAND) == 0) {
            return;
        }
        int mosiBits = (usr & USR_MOSI) != 0 ? read(layout.base() + layout.mosiDlen()) + 1 : 0;
        int misoBits = (usr & USR_MISO) != 0 ? read(layout.base() + layout.misoDlen()) + 1 : 0;
        long address = 0;
        if ((usr & USR_ADDR) != 0) {
            int addrBits = ((usr1 >>> ADDR_LEN_SHIFT) & 0x3F) + 1;
            long raw = read(layout.base() + 0x04) & 0xFFFF_FFFFL;
            address = layout.addressInMsb() ? raw >>> (32 - addrBits) : raw;
        }
        byte[] mosi = new byte[Math.min(DATA_WORDS * 4, (mosiBits + 7) / 8)];
        for (int i = 0; i < mosi.length; i++) {
            mosi[i] = (byte) (dataWord(i / 4) >>> (8 * (i % 4)));
        }
        byte[] miso = chip.execute(command, address, mosi, Math.min(DATA_WORDS * 4, (misoBits + 7) / 8));
        for (int w = 0; w * 4 < miso.length; w++) {
            int word = 0;
            for (int b = 0; b < 4 && w * 4 + b < miso.length; b++) {
                word |= (miso[w * 4 + b] & 0xFF) << (8 * b);
            }
            registers.put(layout.base() + layout.w0() + 4L * w, word);
        }
    }

    private int dataWord(int index) {
        return read(layout.base() + layout.w0() + 4L * index);
    }
}
