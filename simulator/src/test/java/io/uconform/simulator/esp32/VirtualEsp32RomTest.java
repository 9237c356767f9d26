package io.uconform.simulator.esp32;

import static io.uconform.simulator.esp32.LoaderWire.payload;
import static io.uconform.simulator.esp32.LoaderWire.status;
import static io.uconform.simulator.esp32.LoaderWire.words;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ROM loader, driven with hand-built packets after esptool's serial-protocol documentation and
 * what esptool reads from a chip (independent of the device module's flasher).
 */
@Timeout(30)
class VirtualEsp32RomTest {

    @TempDir
    Path fs;

    private VirtualEsp32 board(ChipModel chip) {
        return VirtualEsp32.create(Esp32Options.of(chip, fs).withoutFlashTiming());
    }

    @Test
    void answersSyncEightTimesAndReportsTheMagicOrTheSecurityInfo() throws Exception {
        try (VirtualEsp32 esp = board(ChipModel.ESP32_C3)) {
            LoaderWire wire = LoaderWire.inBootloader(esp);
            wire.send(LoaderWire.SYNC, LoaderWire.syncData());
            for (int i = 0; i < 8; i++) {
                ByteBuffer r = wire.reply(LoaderWire.SYNC);
                assertThat(r.getInt(4)).as("a ROM answers SYNC with a non-zero value").isEqualTo(0x20120707);
                assertThat(status(r, 4)).containsExactly(0, 0);
            }
            assertThat(wire.readReg(0x40001000)).isEqualTo(ChipModel.ESP32_C3.magic());
            wire.send(0x14, new byte[0]);
            ByteBuffer info = wire.reply(0x14);
            assertThat(info.getShort(2)).as("20 bytes of security info and 4 status bytes").isEqualTo((short) 24);
            assertThat(info.getInt(8 + 12)).as("chip id").isEqualTo(5);
        }
    }

    @Test
    void answersAnUnknownCommandEightTimesUnderAnotherIdWithError0x05() throws Exception {
        try (VirtualEsp32 esp = board(ChipModel.ESP32)) {
            LoaderWire wire = LoaderWire.inBootloader(esp);
            wire.sync();
            wire.drain();
            wire.send(0x14, new byte[0]); // the ESP32 ROM has no GET_SECURITY_INFO
            for (int i = 0; i < 8; i++) {
                ByteBuffer r = wire.anyReply();
                assertThat(r.get(1)).as("esptool and esptool-js take another id + 0x05 as unsupported")
                        .isNotEqualTo((byte) 0x14);
                assertThat(status(r, 4)).containsExactly(1, 5);
            }
            assertThat(wire.silentFor(Duration.ofMillis(200))).as("exactly 8 repeats").isTrue();
            assertThat(wire.readReg(0x40001000)).as("the next command is answered normally").isEqualTo(0x00F01D83);
        }
    }

    @Test
    void rejectsABadChecksum() throws Exception {
        try (VirtualEsp32 esp = board(ChipModel.ESP32)) {
            LoaderWire wire = LoaderWire.inBootloader(esp);
            wire.send(0x0D, new byte[8]);
            assertThat(status(wire.reply(0x0D), 4)).containsExactly(0, 0);
            wire.send(0x02, words(0x400, 1, 0x400, 0x1000));
            assertThat(status(wire.reply(0x02), 4)).containsExactly(0, 0);
            byte[] data = new byte[16 + 0x400];
            System.arraycopy(words(0x400, 0, 0, 0), 0, data, 0, 16);
            wire.send(0x03, data, 0x12); // 0xEF ^ 0 ... = 0xEF is right
            assertThat(status(wire.reply(0x03), 4)).containsExactly(1, 7);
        }
    }

    @Test
    void writeRegStoresTheMaskedBitsAndReadRegReadsThemBack() throws Exception {
        try (VirtualEsp32 esp = board(ChipModel.ESP32)) {
            LoaderWire wire = LoaderWire.inBootloader(esp);
            long scratch = 0x3FF4_8000L;
            wire.send(0x09, words((int) scratch, 0x1234_5678, 0xFFFF_FFFF, 0));
            assertThat(status(wire.reply(0x09), 4)).containsExactly(0, 0);
            wire.send(0x09, words((int) scratch, 0xAAAA_0000, 0xFFFF_0000, 0, (int) scratch + 4, 7, 0xFF, 10));
            assertThat(status(wire.reply(0x09), 4)).as("two groups in one command").containsExactly(0, 0);
            assertThat(wire.readReg(scratch)).isEqualTo(0xAAAA_5678);
            assertThat(wire.readReg(scratch + 4)).isEqualTo(7);
            wire.send(0x09, words((int) scratch, 1, 2));
            assertThat(status(wire.reply(0x09), 4)).as("not whole 16-byte groups").containsExactly(1, 1);
        }
    }

    @Test
    void theEfusesHoldAStableEspressifMacAndTheChipRevision() throws Exception {
        try (VirtualEsp32 esp = board(ChipModel.ESP32)) {
            LoaderWire wire = LoaderWire.inBootloader(esp);
            long efuse = 0x3FF5_A000L;
            int w1 = wire.readReg(efuse + 4);
            int w2 = wire.readReg(efuse + 8);
            // esptool: struct.pack(">II", efuse(2), efuse(1))[2:8]
            byte[] mac = ByteBuffer.allocate(8).putInt(w2).putInt(w1).array();
            String text = String.format("%02x:%02x:%02x:%02x:%02x:%02x", mac[2], mac[3], mac[4], mac[5], mac[6], mac[7]);
            assertThat(text).startsWith("24:0a:c4:").isEqualTo(esp.mac());
            assertThat((w2 >>> 16) & 0xFF).as("the MAC's CRC-8 beside it").isEqualTo(crc8(mac, 2));
            int word3 = wire.readReg(efuse + 12);
            int word5 = wire.readReg(efuse + 20);
            int apbDate = wire.readReg(0x3FF6_607CL);
            assertThat(((word3 >> 15) & 1) | ((word5 >> 20) & 1) << 1 | ((apbDate >>> 31) & 1) << 2)
                    .as("the three revision bits of a v3 chip").isEqualTo(7);
            assertThat((word5 >> 24) & 3).as("minor revision").isEqualTo(1);
            assertThat((word3 >> 9) & 7).as("package D0WD").isEqualTo(1);
        }
        try (VirtualEsp32 esp = board(ChipModel.ESP32)) {
            assertThat(esp.mac()).as("the same board, the same MAC").isEqualTo(Efuses.forSerial("uconform-ESP32").macText());
        }
    }

    @Test
    void theS3KeepsItsMacInEfuseBlock1() throws Exception {
        try (VirtualEsp32 esp = board(ChipModel.ESP32_S3)) {
            LoaderWire wire = LoaderWire.inBootloader(esp);
            int mac0 = wire.readReg(0x6000_7044L);
            int mac1 = wire.readReg(0x6000_7048L);
            byte[] packed = ByteBuffer.allocate(8).putInt(mac1).putInt(mac0).array(); // esptool: pack(">II", mac1, mac0)[2:]
            assertThat(String.format("%02x:%02x:%02x:%02x:%02x:%02x", packed[2], packed[3], packed[4], packed[5],
                    packed[6], packed[7])).isEqualTo(esp.mac());
        }
    }

    @Test
    void theUartDividerGivesA40MhzCrystalAt115200() throws Exception {
        try (VirtualEsp32 esp = board(ChipModel.ESP32)) {
            LoaderWire wire = LoaderWire.inBootloader(esp);
            int divider = wire.readReg(0x3FF4_0014L) & 0xFFFFF;
            double crystalMhz = 115_200.0 * divider / 1e6; // esptool's get_crystal_freq
            assertThat(crystalMhz).isBetween(39.0, 41.0);
        }
    }

    @Test
    void readsTheFlashChipsJedecIdThroughTheSpiRegisters() throws Exception {
        try (VirtualEsp32 esp = board(ChipModel.ESP32)) {
            LoaderWire wire = LoaderWire.inBootloader(esp);
            int id = wire.spiFlashCommand(0x9F, 24);
            assertThat(id & 0xFF).as("manufacturer: Winbond").isEqualTo(0xEF);
            assertThat((id >> 8) & 0xFF).as("memory type").isEqualTo(0x40);
            assertThat((id >> 16) & 0xFF).as("capacity: 2^22 = 4 MB").isEqualTo(0x16);
            assertThat(wire.spiFlashCommand(0x05, 8)).as("status register 1: not busy").isZero();
        }
        try (VirtualEsp32 esp = VirtualEsp32.create(Esp32Options.of(ChipModel.ESP32, fs).withFlashSize(16 << 20))) {
            LoaderWire wire = LoaderWire.inBootloader(esp);
            assertThat((wire.spiFlashCommand(0x9F, 24) >> 16) & 0xFF).as("16 MB").isEqualTo(0x18);
        }
    }

    @Test
    void changeBaudRateWithoutTheEsp32WorkaroundLeavesTheRomsUartOutOfTune() throws Exception {
        try (VirtualEsp32 esp = board(ChipModel.ESP32)) {
            LoaderWire wire = LoaderWire.inBootloader(esp);
            wire.send(0x0F, words(921_600, 0));
            assertThat(status(wire.reply(0x0F), 4)).as("the reply comes at the old rate").containsExactly(0, 0);
            esp.hostLink().setBaudRate(921_600);
            org.awaitility.Awaitility.await("the ROM's new divider").atMost(Duration.ofSeconds(2))
                    .until(() -> esp.baudRate() != 115_200);
            assertThat(esp.baudRate()).as("40 MHz / the ROM's 41.6 MHz estimate").isEqualTo(886_154);
            wire.send(LoaderWire.SYNC, LoaderWire.syncData());
            assertThat(wire.silentFor(Duration.ofMillis(500))).as("3.8% apart: framing errors only").isTrue();
            assertThat(esp.droppedBytes()).isPositive();
        }
    }

    @Test
    void changeBaudRatePrescaledAsEsptoolDoesForTheEsp32Works() throws Exception {
        try (VirtualEsp32 esp = board(ChipModel.ESP32)) {
            LoaderWire wire = LoaderWire.inBootloader(esp);
            // esptool: cali = (RTCCALICFG1 >> 7) & 0x1FFFFFF, ck8m = efuse(4) & 0xFF, f = cali * 15625 * ck8m / 40
            int cali = (wire.readReg(0x3FF5_F06CL) >>> 7) & 0x1FFFFFF;
            int ck8m = wire.readReg(0x3FF5_A010L) & 0xFF;
            double romFreq = cali * 15625.0 * ck8m / 40;
            int prescaled = (int) (921_600 * romFreq / 40_000_000);
            wire.send(0x0F, words(prescaled, 0));
            assertThat(status(wire.reply(0x0F), 4)).containsExactly(0, 0);
            esp.hostLink().setBaudRate(921_600);
            org.awaitility.Awaitility.await("the ROM's new divider").atMost(Duration.ofSeconds(2))
                    .until(() -> esp.baudRate() != 115_200);
            assertThat(Math.abs(esp.baudRate() - 921_600)).isLessThan(921_600 / 200);
            assertThat(wire.sync().getInt(4)).isEqualTo(0x20120707);
        }
    }

    @Test
    void changeBaudRateToZeroKillsTheLineUntilAReset() throws Exception {
        try (VirtualEsp32 esp = board(ChipModel.ESP32)) {
            LoaderWire wire = LoaderWire.inBootloader(esp);
            wire.send(0x0F, words(0, 0)); // what esptool sent when the calibration registers read 0
            wire.reply(0x0F);
            org.awaitility.Awaitility.await("a divider of 0").atMost(Duration.ofSeconds(2)).until(() -> esp.baudRate() == 0);
            wire.send(LoaderWire.SYNC, LoaderWire.syncData());
            assertThat(wire.silentFor(Duration.ofMillis(300))).isTrue();
            wire = LoaderWire.inBootloader(esp);
            assertThat(wire.sync().getInt(4)).as("a reset brings the ROM back at 115200").isNotZero();
        }
    }

    @Test
    void flashOpsPastTheRomsDefault2MbNeedSpiSetParamsFirst() throws Exception {
        try (VirtualEsp32 esp = board(ChipModel.ESP32)) {
            LoaderWire wire = LoaderWire.inBootloader(esp);
            wire.send(0x0D, new byte[8]);
            wire.reply(0x0D);
            wire.send(0x02, words(0x1000, 0, 0x400, 0x300000));
            assertThat(status(wire.reply(0x02), 4)).as("3 MB is past the ROM's 2 MB").containsExactly(1, 1);
            wire.send(0x0B, words(0, 4 << 20, 0x10000, 0x1000, 0x100, 0xFFFF));
            assertThat(status(wire.reply(0x0B), 4)).containsExactly(0, 0);
            wire.send(0x02, words(0x1000, 0, 0x400, 0x300000));
            assertThat(status(wire.reply(0x02), 4)).containsExactly(0, 0);
        }
    }

    @Test
    void flashEndLeavesTheLoader() throws Exception {
        try (VirtualEsp32 esp = board(ChipModel.ESP32)) {
            esp.preload(0x1000, SyntheticFirmware.otherApplication(0x4000, 3));
            LoaderWire wire = LoaderWire.inBootloader(esp);
            wire.send(0x04, words(1)); // 1: run the user code
            assertThat(status(wire.reply(0x04), 4)).containsExactly(0, 0);
            org.awaitility.Awaitility.await("the app running").atMost(Duration.ofSeconds(5))
                    .until(() -> esp.state() == VirtualEsp32.State.HALTED);
            wire = LoaderWire.inBootloader(esp);
            wire.send(0x04, words(0)); // 0: reboot, with the boot mode latched at the last reset: download
            wire.reply(0x04);
            SerialScript serial = new SerialScript(esp.hostLink());
            assertThat(serial.readUntil("waiting for download\r\n", Duration.ofSeconds(5))).contains("SW_CPU_RESET");
        }
    }

    @Test
    void readFlashSlowAnswers64BytesOnTheEsp32() throws Exception {
        try (VirtualEsp32 esp = board(ChipModel.ESP32)) {
            byte[] image = SyntheticFirmware.micropython(ChipModel.ESP32, 0x2000, 4);
            esp.preload(0x1000, image);
            LoaderWire wire = LoaderWire.inBootloader(esp);
            wire.send(0x0E, words(0x1000, 16));
            ByteBuffer r = wire.reply(0x0E);
            assertThat(status(r, 4)).containsExactly(0, 0);
            assertThat(payload(r, 4)).as("always 64 bytes").hasSize(64).startsWith(java.util.Arrays.copyOf(image, 16));
        }
    }

    @Test
    void anEmptyFlashBootsToAnInvalidHeader() throws Exception {
        try (VirtualEsp32 esp = board(ChipModel.ESP32)) {
            esp.powerOn();
            SerialScript serial = new SerialScript(esp.hostLink());
            assertThat(serial.readUntil("invalid header: 0xffffffff\r\n", Duration.ofSeconds(5)))
                    .contains("SPI_FAST_FLASH_BOOT");
            assertThat(esp.state()).isEqualTo(VirtualEsp32.State.HALTED);
        }
    }

    @Test
    void theRomErasesAtFlashBeginAndTakesTheChipsEraseTime() throws Exception {
        try (VirtualEsp32 esp = VirtualEsp32.create(Esp32Options.of(ChipModel.ESP32, fs))) {
            LoaderWire wire = LoaderWire.inBootloader(esp);
            wire.send(0x0D, new byte[8]);
            wire.reply(0x0D);
            long start = System.nanoTime();
            wire.send(0x02, words(0x20000, 0, 0x400, 0x10000)); // two 64 KB blocks
            assertThat(status(wire.reply(0x02), 4)).containsExactly(0, 0);
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("2 x 150 ms block erase (W25Q32FV typical)").isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    private static int crc8(byte[] bytes, int from) {
        int crc = 0;
        for (int i = from; i < from + 6; i++) {
            crc ^= bytes[i] & 0xFF;
            for (int b = 0; b < 8; b++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x8C : crc >>> 1;
            }
        }
        return crc;
    }
}
