package io.uconform.flash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uconform.simulator.esp32.ChipModel;
import io.uconform.simulator.esp32.Esp32Options;
import io.uconform.simulator.esp32.SyntheticFirmware;
import io.uconform.simulator.esp32.VirtualEsp32;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reset sequences against a virtual ESP32-C3 on its native USB-Serial/JTAG port: the USB-JTAG
 * sequence reaches the ROM loader and the hard reset runs the app; the classic transistor sequence
 * does not reach the loader there (it restarts the app), as on a real board.
 */
@Timeout(60)
class UsbJtagResetTest {

    @TempDir
    Path fs;

    private VirtualEsp32 nativeUsbBoard() {
        return VirtualEsp32.create(Esp32Options.of(ChipModel.ESP32_C3, fs).withUsbSerialJtag().withoutFlashTiming());
    }

    @Test
    void theUsbJtagSequenceReachesTheLoaderAndTheHardResetRunsTheApp() {
        byte[] image = SyntheticFirmware.micropython(ChipModel.ESP32_C3, 256 * 1024, 21);
        try (VirtualEsp32 esp = nativeUsbBoard()) {
            EspFlasher flasher = new EspFlasher(esp.hostLink(), ResetStrategy.USB_JTAG, FlashProgress.none(),
                    StubChoice.none());
            assertThat(flasher.connect()).isEqualTo(Chip.ESP32_C3);
            assertThat(esp.state()).isEqualTo(VirtualEsp32.State.BOOTLOADER);
            flasher.flash(FlashRequest.of(image, 0));
            assertThat(esp.flashMd5(0, image.length)).isEqualTo(FlashImage.md5(image));
            flasher.hardReset();
            Awaitility.await("the board leaves the loader and runs MicroPython").atMost(Duration.ofSeconds(10))
                    .until(() -> esp.state() == VirtualEsp32.State.MICROPYTHON);
        }
    }

    @Test
    void theClassicSequenceOnlyRestartsTheAppOnANativeUsbPort() {
        try (VirtualEsp32 esp = nativeUsbBoard()) {
            esp.preload(0, SyntheticFirmware.micropython(ChipModel.ESP32_C3, 256 * 1024, 22));
            EspFlasher flasher = new EspFlasher(esp.hostLink(), ResetStrategy.CLASSIC, FlashProgress.none(),
                    StubChoice.none());
            assertThatThrownBy(flasher::connect).isInstanceOf(FlashException.class)
                    .hasMessageContaining("no sync with the ESP bootloader")
                    .hasMessageContaining("booted its app instead of the ROM loader");
            assertThat(esp.state()).isNotEqualTo(VirtualEsp32.State.BOOTLOADER);
        }
    }
}
