package io.uconform.simulator.esp32;

/**
 * The SPI NOR flash chip's command set as a flasher sees it through the SPI controller's "user
 * command" registers (esptool's {@code flash_id}, {@code read_flash_status}): a Winbond W25Q-series
 * part, JEDEC ID {@code EF 40 xx} where {@code xx} is log2 of the size (0x16 for 4 MB). Commands:
 * 0x9F read JEDEC ID, 0x05/0x35/0x15 read status registers 1-3, 0x06/0x04 write enable/disable,
 * 0x01/0x31 write status, 0x5A read SFDP (its "SFDP" signature), 0xAB release power-down; any
 * other command leaves MISO high (0xFF bytes), as a part that does not answer.
 */
final class SpiFlashChip {

    static final int WINBOND = 0xEF;
    static final int MEMORY_TYPE = 0x40;
    private static final int WEL = 0x02;

    private final int sizeBytes;
    private int status1;
    private int status2;
    private int status3;

    SpiFlashChip(int sizeBytes) {
        if (Integer.bitCount(sizeBytes) != 1) {
            throw new IllegalArgumentException("flash size must be a power of two, got " + sizeBytes);
        }
        this.sizeBytes = sizeBytes;
    }

    /** The three JEDEC ID bytes: manufacturer, memory type, capacity. */
    int[] jedecId() {
        return new int[] {WINBOND, MEMORY_TYPE, Integer.numberOfTrailingZeros(sizeBytes)};
    }

    int sizeBytes() {
        return sizeBytes;
    }

    /**
     * Runs one command; {@code mosi} holds the bytes sent after the command (and address), the
     * result the bytes the chip shifts out (at most {@code misoBytes}).
     */
    byte[] execute(int command, long address, byte[] mosi, int misoBytes) {
        byte[] out = new byte[misoBytes];
        java.util.Arrays.fill(out, (byte) 0xFF);
        switch (command) {
            case 0x9F -> fill(out, jedecId());
            case 0x05 -> fill(out, new int[] {status1, status1, status1, status1}); // a continuous read repeats it
            case 0x35 -> fill(out, new int[] {status2});
            case 0x15 -> fill(out, new int[] {status3});
            case 0x06 -> status1 |= WEL;
            case 0x04 -> status1 &= ~WEL;
            case 0x01 -> writeStatus(mosi, true);
            case 0x31 -> writeStatus(mosi, false);
            case 0x5A -> fill(out, sfdp(address));
            case 0xAB -> fill(out, new int[] {Integer.numberOfTrailingZeros(sizeBytes) - 1});
            default -> { }
        }
        return out;
    }

    private void writeStatus(byte[] mosi, boolean first) {
        if ((status1 & WEL) == 0 || mosi.length == 0) {
            return; // a status write needs write enable first
        }
        if (first) {
            status1 = mosi[0] & 0xFC;
            if (mosi.length > 1) {
                status2 = mosi[1] & 0xFF;
            }
        } else {
            status2 = mosi[0] & 0xFF;
        }
        status1 &= ~WEL;
    }

    private static int[] sfdp(long address) {
        byte[] header = {'S', 'F', 'D', 'P', 0x06, 0x01, 0x00, (byte) 0xFF};
        int[] out = new int[4];
        for (int i = 0; i < 4; i++) {
            long at = address + i;
            out[i] = at >= 0 && at < header.length ? header[(int) at] & 0xFF : 0xFF;
        }
        return out;
    }

    private static void fill(byte[] out, int[] bytes) {
        for (int i = 0; i < out.length && i < bytes.length; i++) {
            out[i] = (byte) bytes[i];
        }
    }
}
