package io.uconform.flash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uconform.link.ForwardingLink;
import io.uconform.link.Link;
import io.uconform.link.SlipDecoder;
import io.uconform.simulator.esp32.ChipModel;
import io.uconform.simulator.esp32.Esp32Options;
import io.uconform.simulator.esp32.SyntheticFirmware;
import io.uconform.simulator.esp32.VirtualEsp32;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flasher does what esptool does on a chip: it reads the flash ID and sets the size from it,
 * pre-scales the ESP32 ROM's baud rate, sends 16-byte BEGINs to stubs, no FLASH_END to the ROM,
 * and checks an image before anything is written (a wrong one leaves the board's flash as it was).
 */
@Timeout(60)
class FlasherLikeEsptoolTest {

    private static final EsptoolStubs NO_ESPTOOL = chip -> Optional.empty();

    @TempDir
    Path fs;

    private VirtualEsp32 board(Esp32Options options) {
        return VirtualEsp32.create(options.withoutFlashTiming());
    }

    @Test
    void readsTheFlashIdAndWritesPastTheRomsDefault2MbThroughTheRomAt921600() {
        byte[] image = SyntheticFirmware.micropython(ChipModel.ESP32, 3 << 20, 5);
        try (VirtualEsp32 esp = board(Esp32Options.of(ChipModel.ESP32, fs).withFlashSize(16 << 20))) {
            EspFlasher flasher = new EspFlasher(esp.hostLink(), ResetStrategy.CLASSIC, FlashProgress.none(),
                    StubChoice.none(), NO_ESPTOOL);
            flasher.connect();
            assertThat(flasher.flashSize()).isEqualTo(16L << 20);
            assertThat(flasher.flashIdText()).isEqualTo("manufacturer ef, device 4018, 16 MB");
            flasher.changeBaud(921_600); // the ROM's own crystal estimate is 4% off: only a pre-scaled rate works
            assertThat(Math.abs(esp.baudRate() - 921_600)).isLessThan(921_600 / 100);
            FlashResult result = flasher.flash(FlashRequest.of(image, 0x1000));
            assertThat(esp.flashMd5(0x1000, image.length)).isEqualTo(result.md5());
            assertThat(esp.state()).as("no FLASH_END: the ROM is still the loader").isEqualTo(VirtualEsp32.State.BOOTLOADER);
            flasher.eraseRegion(0x300000, 0x1000);
            assertThat(esp.readFlash(0x300000, 1)[0]).isEqualTo((byte) 0xFF);
            assertThat(esp.state()).isEqualTo(VirtualEsp32.State.BOOTLOADER);
        }
    }

    @Test
    void sendsSixteenByteBeginsToAStubAndTwentyOnlyToRomsThatTakeThem() {
        byte[] image = SyntheticFirmware.micropython(ChipModel.ESP32, 64 * 1024, 6);
        try (VirtualEsp32 esp = board(Esp32Options.of(ChipModel.ESP32, fs))) {
            Recording link = new Recording(esp.hostLink());
            EspFlasher flasher = new EspFlasher(link, ResetStrategy.CLASSIC, FlashProgress.none(),
                    StubChoice.file(StubFlasherTest.fakeStub()), NO_ESPTOOL);
            flasher.connect();
            flasher.flash(FlashRequest.of(image, 0x1000));
            flasher.flash(FlashRequest.of(image, 0x20000).withCompression(false));
            assertThat(link.dataLengths(0x10)).as("FLASH_DEFL_BEGIN to the stub").containsExactly(16);
            assertThat(link.dataLengths(0x02)).as("FLASH_BEGIN to the stub").containsExactly(16);
        }
        try (VirtualEsp32 esp = board(Esp32Options.of(ChipModel.ESP32_S3, fs))) {
            Recording link = new Recording(esp.hostLink());
            EspFlasher flasher = new EspFlasher(link, ResetStrategy.CLASSIC, FlashProgress.none(), StubChoice.none(),
                    NO_ESPTOOL);
            flasher.connect();
            flasher.flash(FlashRequest.of(SyntheticFirmware.micropython(ChipModel.ESP32_S3, 64 * 1024, 7), 0));
            assertThat(link.dataLengths(0x10)).as("the S3 ROM takes the encrypt word").containsExactly(20);
            assertThat(link.dataLengths(0x12)).as("no FLASH_DEFL_END to a ROM").isEmpty();
        }
    }

    @Test
    void aWrongImageIsOneErrorLineAndTheBoardKeepsItsFirmware() {
        byte[] firmware = SyntheticFirmware.micropython(ChipModel.ESP32, 256 * 1024, 8);
        byte[] random = new byte[256 * 1024];
        new Random(9).nextBytes(random);
        random[0] = 0x3F;
        byte[] tooManySegments = SyntheticFirmware.micropython(ChipModel.ESP32, 64 * 1024, 10);
        tooManySegments[1] = 40;
        byte[] tooBig = SyntheticFirmware.micropython(ChipModel.ESP32, (2 << 20) + 4096, 11);
        try (VirtualEsp32 esp = board(Esp32Options.of(ChipModel.ESP32, fs).withFlashSize(2 << 20))) {
            esp.preload(0x1000, firmware);
            String before = esp.flashMd5(0, 2 << 20);
            EspFlasher flasher = new EspFlasher(esp.hostLink(), ResetStrategy.CLASSIC, FlashProgress.none(),
                    StubChoice.file(StubFlasherTest.fakeStub()), NO_ESPTOOL);
            flasher.connect();
            assertThatThrownBy(() -> flasher.flash(FlashRequest.of(random, 0x1000).named("random.bin")))
                    .isInstanceOf(FlashException.class)
                    .hasMessage("the image random.bin is not an ESP firmware image: it starts with 0x3F, an ESP image"
                            + " with 0xE9");
            assertThatThrownBy(() -> flasher.flash(FlashRequest.of(new byte[0], 0x1000).named("empty.bin")))
                    .hasMessage("the image empty.bin is empty: nothing to flash");
            assertThatThrownBy(() -> flasher.flash(FlashRequest.of(tooManySegments, 0x1000)))
                    .hasMessageContaining("claims 40 segments");
            assertThatThrownBy(() -> flasher.flash(FlashRequest.of(SyntheticFirmware.micropython(ChipModel.ESP32_S3,
                    64 * 1024, 12), 0x1000).named("s3.bin")))
                    .hasMessage("the image s3.bin is an ESP32-S3 image (chip ID 9 in its header), but the board is an"
                            + " ESP32: not flashed");
            assertThatThrownBy(() -> flasher.flash(FlashRequest.of(tooBig, 0x1000).named("big.bin")))
                    .hasMessageContaining("beyond the board's 2 MB of flash");
            assertThat(esp.flashMd5(0, 2 << 20)).as("nothing was written").isEqualTo(before);
            assertThat(flasher.flash(FlashRequest.of(firmware, 0x1000)).skipped()).as("the board still runs its firmware")
                    .isTrue();
        }
    }

    /** A link that decodes the SLIP frames the flasher writes, to see what it sent. */
    private static final class Recording extends ForwardingLink {
        private final List<byte[]> commands = new CopyOnWriteArrayList<>();
        private final SlipDecoder decoder = new SlipDecoder(commands::add);

        Recording(Link link) {
            super(link);
        }

        @Override
        public OutputStream output() {
            OutputStream out = delegate.output();
            return new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    decoder.feed(b, off, len);
                    out.write(b, off, len);
                }
            };
        }

        List<Integer> dataLengths(int op) {
            return commands.stream().filter(c -> c.length >= 8 && c[0] == 0 && (c[1] & 0xFF) == op)
                    .map(c -> (c[2] & 0xFF) | (c[3] & 0xFF) << 8).toList();
        }
    }
}
