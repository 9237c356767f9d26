package io.uconform.flash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uconform.link.Link;
import io.uconform.link.TcpLink;
import io.uconform.simulator.esp32.ChipModel;
import io.uconform.simulator.esp32.Esp32Faults;
import io.uconform.simulator.esp32.Esp32Options;
import io.uconform.simulator.serial.RawTcpServer;
import io.uconform.simulator.esp32.SyntheticFirmware;
import io.uconform.simulator.esp32.VirtualEsp32;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class EspFlasherTest {

    static final int IMAGE_SIZE = 1536 * 1024;

    @TempDir
    Path fs;

    private VirtualEsp32 board(ChipModel chip, Esp32Faults faults) {
        return VirtualEsp32.create(Esp32Options.of(chip, fs).withFaults(faults).withoutFlashTiming());
    }

    @Test
    void flashesAOnePointFiveMegabyteImageCompressedAndVerifiesTheMd5() {
        byte[] image = SyntheticFirmware.micropython(ChipModel.ESP32, IMAGE_SIZE, 1);
        List<Long> progress = new ArrayList<>();
        try (VirtualEsp32 esp = board(ChipModel.ESP32, Esp32Faults.none())) {
            EspFlasher flasher = new EspFlasher(esp.hostLink(), ResetStrategy.CLASSIC, (done, total) -> progress.add(done));
            assertThat(flasher.connect()).isEqualTo(Chip.ESP32);
            FlashResult result = flasher.flash(FlashRequest.of(image, Chip.ESP32.micropythonOffset()).expecting(Chip.ESP32));
            assertThat(result.compressed()).isTrue();
            assertThat(result.skipped()).isFalse();
            assertThat(result.wireBytes()).isLessThan(image.length);
            assertThat(result.md5()).isEqualTo(FlashImage.md5(image));
            assertThat(esp.flashMd5(0x1000, image.length)).isEqualTo(FlashImage.md5(image));
            assertThat(progress).isSorted().last().isEqualTo((long) image.length);
        }
    }

    @Test
    void flashesUncompressedWhenAskedAndTheBoardBootsMicroPythonAfterTheReset() {
        byte[] image = SyntheticFirmware.micropython(ChipModel.ESP32_C3, IMAGE_SIZE, 2);
        try (VirtualEsp32 esp = board(ChipModel.ESP32_C3, Esp32Faults.none())) {
            EspFlasher flasher = new EspFlasher(esp.hostLink(), ResetStrategy.CLASSIC, FlashProgress.none());
            assertThat(flasher.connect()).isEqualTo(Chip.ESP32_C3);
            flasher.changeBaud(921_600);
            FlashResult result = flasher.flash(FlashRequest.of(image, 0).withCompression(false));
            assertThat(result.compressed()).isFalse();
            assertThat(result.wireBytes()).isGreaterThan(image.length);
            assertThat(esp.baudRate()).isEqualTo(921_600);
            assertThat(esp.flashMd5(0, image.length)).isEqualTo(FlashImage.md5(image));
            flasher.hardReset();
            org.awaitility.Awaitility.await("the board boots MicroPython").atMost(Duration.ofSeconds(10))
                    .until(() -> esp.state() == VirtualEsp32.State.MICROPYTHON);
        }
    }

    @Test
    void skipsTheWriteWhenTheRegionAlreadyHoldsTheImage() {
        byte[] image = SyntheticFirmware.micropython(ChipModel.ESP32, IMAGE_SIZE, 3);
        try (VirtualEsp32 esp = board(ChipModel.ESP32, Esp32Faults.none())) {
            esp.preload(0x1000, image);
            EspFlasher flasher = new EspFlasher(esp.hostLink(), ResetStrategy.CLASSIC, FlashProgress.none());
            flasher.connect();
            FlashResult result = flasher.flash(FlashRequest.of(image, 0x1000));
            assertThat(result.skipped()).isTrue();
            assertThat(result.wireBytes()).isZero();
        }
    }

    @Test
    void flashesOverTcpWithoutControlLines() throws Exception {
        byte[] image = SyntheticFirmware.micropython(ChipModel.ESP32_S3, 256 * 1024, 4);
        try (VirtualEsp32 esp = board(ChipModel.ESP32_S3, Esp32Faults.none());
             RawTcpServer tcp = esp.serveTcp();
             Link link = TcpLink.connect(tcp.address(), Duration.ofSeconds(2))) {
            esp.resetIntoBootloader();
            EspFlasher flasher = new EspFlasher(link, ResetStrategy.NONE, FlashProgress.none());
            assertThat(flasher.connect()).isEqualTo(Chip.ESP32_S3);
            flasher.flash(FlashRequest.of(image, 0));
            assertThat(esp.flashMd5(0, image.length)).isEqualTo(FlashImage.md5(image));
            flasher.hardReset();
            org.awaitility.Awaitility.await("the board reboots on FLASH_END(0)").atMost(Duration.ofSeconds(10))
                    .until(() -> esp.state() == VirtualEsp32.State.MICROPYTHON);
        }
    }

    @Test
    void noSyncSaysHowToEnterTheBootloader() {
        try (VirtualEsp32 esp = board(ChipModel.ESP32, Esp32Faults.none().withNoSync())) {
            EspFlasher flasher = new EspFlasher(esp.hostLink(), ResetStrategy.CLASSIC, FlashProgress.none());
            assertThatThrownBy(flasher::connect).isInstanceOf(FlashException.class)
                    .hasMessageContaining("no sync with the ESP bootloader on mem:virtual-esp32")
                    .hasMessageContaining("booted its app instead")
                    .hasMessageContaining("hold BOOT and press EN");
        }
    }

    @Test
    void wrongChipNamesExpectedAndFound() {
        byte[] image = SyntheticFirmware.micropython(ChipModel.ESP32, 64 * 1024, 5);
        try (VirtualEsp32 esp = board(ChipModel.ESP32, Esp32Faults.none().withChipReportedAs(ChipModel.ESP32_S3))) {
            EspFlasher flasher = new EspFlasher(esp.hostLink(), ResetStrategy.CLASSIC, FlashProgress.none());
            flasher.connect();
            assertThatThrownBy(() -> flasher.flash(FlashRequest.of(image, 0x1000).expecting(Chip.ESP32)))
                    .isInstanceOf(FlashException.class)
                    .hasMessage("wrong chip on mem:virtual-esp32: expected ESP32, found ESP32-S3");
        }
    }

    @Test
    void aCorruptWriteIsAnMd5Mismatch() {
        byte[] image = SyntheticFirmware.micropython(ChipModel.ESP32, 128 * 1024, 6);
        try (VirtualEsp32 esp = board(ChipModel.ESP32, Esp32Faults.none().withCorruptFlashWrite())) {
            EspFlasher flasher = new EspFlasher(esp.hostLink(), ResetStrategy.CLASSIC, FlashProgress.none());
            flasher.connect();
            assertThatThrownBy(() -> flasher.flash(FlashRequest.of(image, 0x1000)))
                    .isInstanceOf(FlashException.class)
                    .hasMessageStartingWith("MD5 mismatch after writing 131072 bytes at 0x1000")
                    .hasMessageContaining("expected " + FlashImage.md5(image));
        }
    }

    @Test
    void aLinkCutMidFlashFailsTheRunAndLeavesTheBootloader() {
        byte[] image = SyntheticFirmware.micropython(ChipModel.ESP32, IMAGE_SIZE, 7);
        try (VirtualEsp32 esp = board(ChipModel.ESP32, Esp32Faults.none().withLinkCutAfter(300_000))) {
            EspFlasher flasher = new EspFlasher(esp.hostLink(), ResetStrategy.CLASSIC, FlashProgress.none());
            flasher.connect();
            assertThatThrownBy(() -> flasher.flash(FlashRequest.of(image, 0x1000).withCompression(false)))
                    .isInstanceOf(FlashException.class)
                    .hasMessageContaining("link cut during flash at block")
                    .hasMessageContaining("the ROM bootloader is intact");
            assertThat(esp.state()).isEqualTo(VirtualEsp32.State.BOOTLOADER);
        }
    }

    @Test
    void erasesARegion() {
        byte[] image = SyntheticFirmware.micropython(ChipModel.ESP32, 64 * 1024, 8);
        try (VirtualEsp32 esp = board(ChipModel.ESP32, Esp32Faults.none())) {
            esp.preload(0x1000, image);
            EspFlasher flasher = new EspFlasher(esp.hostLink(), ResetStrategy.CLASSIC, FlashProgress.none());
            flasher.connect();
            flasher.eraseRegion(0x1000, 64 * 1024);
            byte[] erased = new byte[64 * 1024];
            java.util.Arrays.fill(erased, (byte) 0xFF);
            assertThat(flasher.deviceMd5(0x1000, erased.length)).isEqualTo(FlashImage.md5(erased));
        }
    }
}
