package io.uconform.simulator.esp32;

import static io.uconform.simulator.esp32.LoaderWire.payload;
import static io.uconform.simulator.esp32.LoaderWire.status;
import static io.uconform.simulator.esp32.LoaderWire.words;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RAM upload and the modelled flasher stub, driven with hand-built packets after esptool's
 * serial protocol and what its two stub generations answer (2 status bytes, error code first).
 */
@Timeout(30)
class VirtualEsp32StubTest {

    private static final int TEXT_START = 0x400BE000;

    @TempDir
    Path fs;

    @Test
    void refusesRamOutsideTheChipsIramAndDram() throws Exception {
        try (VirtualEsp32 esp = board(Esp32Faults.none())) {
            LoaderWire wire = LoaderWire.inBootloader(esp);
            wire.send(0x05, words(0x100, 1, 0x1800, 0x3F400000)); // flash-mapped DROM, not RAM
            assertThat(status(wire.reply(0x05), 4)).containsExactly(1, 0x0E);
            wire.send(0x05, words(0x100, 1, 0x1800, 0x400BFF80)); // runs past the end of IRAM
            assertThat(status(wire.reply(0x05), 4)).containsExactly(1, 0x0E);
            wire.send(0x06, words(0, 0x40080000)); // jump where nothing was uploaded
            assertThat(status(wire.reply(0x06), 4)).containsExactly(1, 0x0F);
            assertThat(esp.stubRunning()).isFalse();
        }
    }

    @Test
    void runsTheStubOnMemEndAndAnswersSyncEightTimesWithValueZero() throws Exception {
        try (VirtualEsp32 esp = board(Esp32Faults.none())) {
            LoaderWire wire = stub(esp);
            wire.send(LoaderWire.SYNC, LoaderWire.syncData());
            for (int i = 0; i < 8; i++) {
                ByteBuffer sync = wire.reply(LoaderWire.SYNC);
                assertThat(sync.getInt(4)).as("a stub answers SYNC with value 0").isZero();
                assertThat(status(sync, 2)).containsExactly(0, 0);
            }
            assertThat(wire.silentFor(Duration.ofMillis(200))).as("8 replies, as the ROM gives").isTrue();
            assertThat(wire.readReg(0x40001000)).isEqualTo(0x00F01D83);
        }
    }

    @Test
    void takesFlashBeginWithOrWithoutTheEncryptWordAndWritesWithChecksums() throws Exception {
        try (VirtualEsp32 esp = board(Esp32Faults.none())) {
            LoaderWire wire = stub(esp);
            byte[] block = new byte[0x4000];
            Arrays.fill(block, (byte) 0x5A);
            wire.send(0x02, words(0x4000, 1, 0x4000, 0x10000)); // 16 bytes: esptool 5.1 to its legacy stub
            assertThat(status(wire.reply(0x02), 2)).containsExactly(0, 0);
            wire.send(0x02, words(0x4000, 1, 0x4000, 0x10000, 0)); // 20 bytes: esptool 5.3
            assertThat(status(wire.reply(0x02), 2)).containsExactly(0, 0);
            wire.send(0x02, words(0x4000, 1, 0x4000));
            assertThat(status(wire.reply(0x02), 2)).as("12 bytes").containsExactly(0xC0, 0);
            wire.send(0x02, words(0x8000, 1, 0x8000, 0x10000));
            assertThat(status(wire.reply(0x02), 2)).as("blocks over 16 KB").containsExactly(0xC2, 0);
            wire.send(0x02, words(0x4000, 1, 0x4000, 0x10000));
            wire.reply(0x02);
            byte[] data = new byte[16 + block.length];
            System.arraycopy(words(block.length, 0, 0, 0), 0, data, 0, 16);
            System.arraycopy(block, 0, data, 16, block.length);
            wire.send(0x03, data, 0x12);
            assertThat(status(wire.reply(0x03), 2)).as("bad checksum").containsExactly(0xC1, 0);
            wire.sendData(0x03, 0, block);
            assertThat(status(wire.reply(0x03), 2)).containsExactly(0, 0);
            wire.send(0x04, words(1));
            assertThat(status(wire.reply(0x04), 2)).containsExactly(0, 0);
            assertThat(esp.stubRunning()).as("FLASH_END(1) stays in the stub").isTrue();

            wire.send(0x13, words(0x10000, 0x4000, 0, 0));
            ByteBuffer md5 = wire.reply(0x13);
            assertThat(md5.getShort(2)).as("16 raw MD5 bytes and 2 status bytes").isEqualTo((short) 18);
            assertThat(payload(md5, 2)).isEqualTo(MessageDigest.getInstance("MD5").digest(block));
        }
    }

    @Test
    void flashEndWithBytesMissingIsNotEnoughData() throws Exception {
        try (VirtualEsp32 esp = board(Esp32Faults.none())) {
            LoaderWire wire = stub(esp);
            wire.send(0x02, words(0x8000, 2, 0x4000, 0x10000));
            wire.reply(0x02);
            wire.sendData(0x03, 0, new byte[0x4000]);
            wire.reply(0x03);
            wire.send(0x04, words(1));
            assertThat(status(wire.reply(0x04), 2)).containsExactly(0xC8, 0);
        }
    }

    @Test
    void erasesRegionsInWholeSectorsAndTheWholeChip() throws Exception {
        try (VirtualEsp32 esp = board(Esp32Faults.none())) {
            esp.preload(0x10000, new byte[0x2000]);
            LoaderWire wire = stub(esp);
            wire.send(0xD1, words(0x10001, 0x1000));
            assertThat(status(wire.reply(0xD1), 2)).as("unaligned").containsExactly(0xC0, 0);
            wire.send(0xD1, words(0x10000, 0x1000));
            assertThat(status(wire.reply(0xD1), 2)).containsExactly(0, 0);
            assertThat(esp.readFlash(0x10000, 1)[0]).isEqualTo((byte) 0xFF);
            assertThat(esp.readFlash(0x11000, 1)[0]).as("the next sector untouched").isEqualTo((byte) 0);
            wire.send(0xD0, new byte[0]);
            assertThat(status(wire.reply(0xD0), 2)).containsExactly(0, 0);
            assertThat(esp.readFlash(0x11000, 1)[0]).isEqualTo((byte) 0xFF);
        }
    }

    @Test
    void readFlashSendsPacketsTheHostAcknowledgesThenTheMd5() throws Exception {
        try (VirtualEsp32 esp = board(Esp32Faults.none())) {
            byte[] image = SyntheticFirmware.micropython(ChipModel.ESP32, 0x2800, 7);
            esp.preload(0x1000, image);
            LoaderWire wire = stub(esp);
            wire.send(0xD2, words(0x1000, image.length, 0x1000, 64));
            assertThat(status(wire.reply(0xD2), 2)).containsExactly(0, 0);
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            while (got.size() < image.length) {
                byte[] packet = wire.frame(Duration.ofSeconds(5));
                assertThat(packet.length).as("4 KB packets, the last shorter").isLessThanOrEqualTo(0x1000);
                got.write(packet);
                assertThat(wire.silentFor(Duration.ofMillis(100))).as("one packet in flight until acknowledged")
                        .isTrue();
                wire.sendRaw(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(got.size()).array());
            }
            assertThat(got.toByteArray()).isEqualTo(image);
            assertThat(wire.frame(Duration.ofSeconds(5))).as("the MD5 of what was sent")
                    .isEqualTo(MessageDigest.getInstance("MD5").digest(image));
            assertThat(wire.readReg(0x40001000)).as("back to commands").isEqualTo(0x00F01D83);
        }
    }

    @Test
    void changeBaudRateScalesFromTheOldRateTheHostNames() throws Exception {
        try (VirtualEsp32 esp = board(Esp32Faults.none())) {
            LoaderWire wire = stub(esp);
            wire.send(0x0F, words(921_600, 115_200));
            assertThat(status(wire.reply(0x0F), 2)).containsExactly(0, 0);
            org.awaitility.Awaitility.await("the stub's new divider").atMost(Duration.ofSeconds(2))
                    .until(() -> esp.baudRate() == 921_600);
            esp.hostLink().setBaudRate(921_600);
            assertThat(wire.sync().getInt(4)).isZero();
            wire.drain();
            wire.send(0x0F, words(460_800, 0));
            wire.reply(0x0F);
            org.awaitility.Awaitility.await("a divider of 0").atMost(Duration.ofSeconds(2))
                    .until(() -> esp.baudRate() == 0);
        }
    }

    @Test
    void flashEndZeroAndRunUserCodeLeaveTheStub() throws Exception {
        try (VirtualEsp32 esp = board(Esp32Faults.none())) {
            esp.preload(0x1000, SyntheticFirmware.otherApplication(0x4000, 3));
            LoaderWire wire = stub(esp);
            wire.send(0x02, words(0, 0, 0x4000, 0)); // esptool's soft reset: flash_begin(0, 0), flash_finish(True)
            wire.reply(0x02);
            wire.send(0x04, words(0));
            assertThat(status(wire.reply(0x04), 2)).containsExactly(0, 0);
            SerialScript serial = new SerialScript(esp.hostLink());
            assertThat(serial.readUntil("waiting for download\r\n", Duration.ofSeconds(5)))
                    .as("a software reset: the boot mode latched at the last chip reset").contains("SW_CPU_RESET");
            assertThat(esp.stubRunning()).isFalse();

            wire = stub(esp);
            wire.send(0xD3, new byte[0]);
            org.awaitility.Awaitility.await("the app running").atMost(Duration.ofSeconds(5))
                    .until(() -> esp.state() == VirtualEsp32.State.HALTED);
        }
    }

    @Test
    void answersWhatItDoesNotKnowWithItsErrorCodes() throws Exception {
        try (VirtualEsp32 esp = board(Esp32Faults.none())) {
            LoaderWire wire = stub(esp);
            wire.send(0x14, new byte[0]);
            assertThat(status(wire.reply(0x14), 2)).as("the ESP32's stub has no security info").containsExactly(0xFF, 0);
            wire.send(0x54, new byte[0]);
            assertThat(status(wire.reply(0x54), 2)).containsExactly(0xC3, 0);
            wire.send(0x0D, new byte[8]);
            assertThat(status(wire.reply(0x0D), 2)).as("SPI_ATTACH takes 4 bytes from a stub").containsExactly(0xC0, 0);
        }
    }

    @Test
    void theStubAcknowledgesAtOnceAndWritesWhileTheNextBlockArrives() throws Exception {
        try (VirtualEsp32 esp = VirtualEsp32.create(Esp32Options.of(ChipModel.ESP32, fs))) {
            LoaderWire wire = stub(esp);
            wire.send(0x0B, words(0, 4 << 20, 0x10000, 0x1000, 0x100, 0xFFFF));
            wire.reply(0x0B);
            wire.send(0x02, words(0x10000, 4, 0x4000, 0x20000));
            wire.reply(0x02);
            long start = System.nanoTime();
            for (int seq = 0; seq < 4; seq++) {
                wire.sendData(0x03, seq, new byte[0x4000]);
                assertThat(status(wire.reply(0x03), 2)).containsExactly(0, 0);
            }
            wire.send(0x04, words(1));
            assertThat(status(wire.reply(0x04), 2)).containsExactly(0, 0);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("one 64 KB block erase (150 ms) and 256 page"
                    + " programs (0.7 ms each) before FLASH_END is answered").isGreaterThanOrEqualTo(Duration.ofMillis(329));
        }
    }

    @Test
    void aStubThatNeverStartsLeavesTheRomLoaderAnswering() throws Exception {
        try (VirtualEsp32 esp = board(Esp32Faults.none().withStubNeverStarting())) {
            LoaderWire wire = LoaderWire.inBootloader(esp);
            upload(wire);
            assertThat(wire.sync().getInt(4)).as("still the ROM").isEqualTo(0x20120707);
            assertThat(esp.stubRunning()).isFalse();
        }
    }

    private VirtualEsp32 board(Esp32Faults faults) {
        return VirtualEsp32.create(Esp32Options.of(ChipModel.ESP32, fs).withFaults(faults).withoutFlashTiming());
    }

    /** The ROM loader, a stub uploaded and greeting with OHAI. */
    private static LoaderWire stub(VirtualEsp32 esp) throws IOException {
        LoaderWire wire = LoaderWire.inBootloader(esp);
        upload(wire);
        assertThat(wire.frame(Duration.ofSeconds(5))).isEqualTo("OHAI".getBytes(StandardCharsets.US_ASCII));
        assertThat(esp.stubRunning()).isTrue();
        return wire;
    }

    /** MEM_BEGIN, two MEM_DATA blocks, MEM_END(0, entry): the ROM acknowledges each. */
    private static void upload(LoaderWire wire) throws IOException {
        byte[] text = new byte[0x2000];
        Arrays.fill(text, (byte) 0x36);
        wire.send(0x05, words(text.length, 2, 0x1800, TEXT_START));
        assertThat(status(wire.reply(0x05), 4)).containsExactly(0, 0);
        for (int seq = 0; seq < 2; seq++) {
            wire.sendData(0x07, seq, Arrays.copyOfRange(text, seq * 0x1800, Math.min(text.length, (seq + 1) * 0x1800)));
            assertThat(status(wire.reply(0x07), 4)).containsExactly(0, 0);
        }
        wire.send(0x06, words(0, TEXT_START + 0x10));
        assertThat(status(wire.reply(0x06), 4)).containsExactly(0, 0);
    }
}
