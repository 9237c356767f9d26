package io.uconform.simulator.esp32;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.link.Slip;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The ROM side, driven with hand-built packets (independent of the device module's flasher). */
@Timeout(30)
class VirtualEsp32RomTest {

    @TempDir
    Path fs;

    private static byte[] command(int op, byte[] data, int checksum) {
        ByteBuffer b = ByteBuffer.allocate(8 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0).put((byte) op).putShort((short) data.length).putInt(checksum).put(data);
        return Slip.encode(b.array());
    }

    private static ByteBuffer reply(VirtualEsp32 esp) throws IOException {
        esp.hostLink().setReadTimeout(Duration.ofSeconds(5));
        return ByteBuffer.wrap(Slip.readFrame(esp.hostLink().input())).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void answersSyncEightTimesAndReportsTheMagicOrTheSecurityInfo() throws Exception {
        try (VirtualEsp32 esp = VirtualEsp32.create(Esp32Options.of(ChipModel.ESP32_C3, fs))) {
            inBootloader(esp);
            byte[] sync = new byte[36];
            sync[0] = 7;
            sync[1] = 7;
            sync[2] = 0x12;
            sync[3] = 0x20;
            Arrays.fill(sync, 4, 36, (byte) 0x55);
            esp.hostLink().output().write(command(0x08, sync, 0));
            for (int i = 0; i < 8; i++) {
                ByteBuffer r = reply(esp);
                assertThat(r.get(0)).isEqualTo((byte) 1);
                assertThat(r.get(1)).isEqualTo((byte) 0x08);
                assertThat(r.getInt(4)).isEqualTo(0x20120707);
            }
            esp.hostLink().output().write(command(0x0A, new byte[] {0, 0x10, 0, 0x40}, 0));
            assertThat(reply(esp).getInt(4)).isEqualTo(ChipModel.ESP32_C3.magic());
            esp.hostLink().output().write(command(0x14, new byte[0], 0));
            ByteBuffer info = reply(esp);
            assertThat(info.getShort(2)).isEqualTo((short) 24);
            assertThat(info.getInt(8 + 12)).isEqualTo(5);
        }
    }

    @Test
    void rejectsABadChecksumAndUnknownCommandsWithRomErrors() throws Exception {
        try (VirtualEsp32 esp = VirtualEsp32.create(Esp32Options.of(ChipModel.ESP32, fs))) {
            inBootloader(esp);
            esp.hostLink().output().write(command(0x0D, new byte[8], 0));
            assertThat(reply(esp).get(8)).isZero();
            esp.hostLink().output().write(command(0x02, words(0x400, 1, 0x400, 0x1000), 0));
            assertThat(reply(esp).get(8)).isZero();
            byte[] data = new byte[16 + 0x400];
            System.arraycopy(words(0x400, 0, 0, 0), 0, data, 0, 16);
            esp.hostLink().output().write(command(0x03, data, 0x12)); // right is 0xEF ^ 0 ... = 0xEF
            ByteBuffer bad = reply(esp);
            assertThat(new byte[] {bad.get(8), bad.get(9)}).containsExactly(1, 7);
            esp.hostLink().output().write(command(0x14, new byte[0], 0)); // ESP32 ROM: no security info
            ByteBuffer unknown = reply(esp);
            assertThat(new byte[] {unknown.get(8), unknown.get(9)}).containsExactly(1, 5);
        }
    }

    @Test
    void anEmptyFlashBootsToAnInvalidHeader() throws Exception {
        try (VirtualEsp32 esp = VirtualEsp32.create(Esp32Options.of(ChipModel.ESP32, fs))) {
            esp.powerOn();
            SerialScript serial = new SerialScript(esp.hostLink());
            assertThat(serial.readUntil("invalid header: 0xffffffff\r\n", Duration.ofSeconds(5)))
                    .contains("SPI_FAST_FLASH_BOOT");
            assertThat(esp.state()).isEqualTo(VirtualEsp32.State.HALTED);
        }
    }

    /** Bytes sent while the chip resets are lost, as on hardware: wait for the ROM first. */
    private static void inBootloader(VirtualEsp32 esp) {
        esp.resetIntoBootloader();
        org.awaitility.Awaitility.await("the ROM download mode").atMost(Duration.ofSeconds(5))
                .until(() -> esp.state() == VirtualEsp32.State.BOOTLOADER);
    }

    private static byte[] words(int... v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int x : v) {
            b.putInt(x);
        }
        return b.array();
    }
}
