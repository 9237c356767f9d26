package io.uconform.flash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uconform.simulator.esp32.ChipModel;
import io.uconform.simulator.esp32.Esp32Faults;
import io.uconform.simulator.esp32.Esp32Options;
import io.uconform.simulator.esp32.SyntheticFirmware;
import io.uconform.simulator.esp32.VirtualEsp32;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Flashing through a flasher stub on the virtual ESP32 (which models the stub's protocol). */
@Timeout(60)
class StubFlasherTest {

    static final int IMAGE_SIZE = 1536 * 1024;
    private static final EsptoolStubs NO_ESPTOOL = chip -> Optional.empty();

    @TempDir
    Path fs;

    /** The test fixture: made-up bytes in esptool's stub format (not a real stub). */
    static Path fakeStub() {
        try {
            return Paths.get(StubFlasherTest.class.getResource("fake-stub-esp32.json").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private VirtualEsp32 board(Esp32Faults faults) {
        return VirtualEsp32.create(Esp32Options.of(ChipModel.ESP32, fs.resolve("board")).withFaults(faults).withoutFlashTiming());
    }

    @Test
    void uploadsTheStubAndFlashesUncompressedIn16KBlocksWithAnMd5Check() {
        byte[] image = SyntheticFirmware.micropython(ChipModel.ESP32, IMAGE_SIZE, 11);
        List<Long> progress = new ArrayList<>();
        try (VirtualEsp32 esp = board(Esp32Faults.none())) {
            EspFlasher flasher = new EspFlasher(esp.hostLink(), ResetStrategy.CLASSIC, (done, total) -> progress.add(done),
                    StubChoice.file(fakeStub()), NO_ESPTOOL);
            assertThat(flasher.connect()).isEqualTo(Chip.ESP32);
            assertThat(esp.stubRunning()).isTrue();
            assertThat(flasher.loader()).isEqualTo("flasher stub " + fakeStub());
            flasher.changeBaud(921_600);
            assertThat(esp.baudRate()).isEqualTo(921_600);
            FlashResult result = flasher.flash(FlashRequest.of(image, 0x1000).withCompression(false));
            assertThat(result.compressed()).isFalse();
            assertThat(result.md5()).isEqualTo(FlashImage.md5(image));
            assertThat(esp.flashMd5(0x1000, image.length)).isEqualTo(FlashImage.md5(image));
            assertThat(progress).as("one progress step per 0x4000 block").hasSize(IMAGE_SIZE / 0x4000);
            // 96 blocks: 24 header bytes and 2 END bytes each, plus SLIP escapes of the data
            assertThat(result.wireBytes()).isBetween((long) IMAGE_SIZE + 96 * 26, (long) (IMAGE_SIZE * 1.02));
        }
    }

    @Test
    void flashesCompressedThroughTheStubAndTheBoardBootsIt() {
        byte[] image = SyntheticFirmware.micropython(ChipModel.ESP32, IMAGE_SIZE, 12);
        try (VirtualEsp32 esp = board(Esp32Faults.none())) {
            EspFlasher flasher = new EspFlasher(esp.hostLink(), ResetStrategy.CLASSIC, FlashProgress.none(),
                    StubChoice.file(fakeStub()), NO_ESPTOOL);
            flasher.connect();
            FlashResult result = flasher.flash(FlashRequest.of(image, 0x1000).withSkipIfIdentical(false));
            assertThat(result.compressed()).isTrue();
            assertThat(result.wireBytes()).isLessThan(image.length);
            assertThat(esp.flashMd5(0x1000, image.length)).isEqualTo(FlashImage.md5(image));
            assertThat(flasher.flash(FlashRequest.of(image, 0x1000)).skipped()).as("16-byte MD5 matches").isTrue();
            flasher.hardReset();
            org.awaitility.Awaitility.await("the board boots MicroPython").atMost(Duration.ofSeconds(10))
                    .until(() -> esp.state() == VirtualEsp32.State.MICROPYTHON);
        }
    }

    @Test
    void aStubAlreadyRunningIsNotUploadedAgain() {
        byte[] image = SyntheticFirmware.micropython(ChipModel.ESP32, 128 * 1024, 13);
        try (VirtualEsp32 esp = board(Esp32Faults.none())) {
            esp.resetIntoBootloader();
            org.awaitility.Awaitility.await("the ROM download mode").atMost(Duration.ofSeconds(5))
                    .until(() -> esp.state() == VirtualEsp32.State.BOOTLOADER);
            new EspFlasher(esp.hostLink(), ResetStrategy.NONE, FlashProgress.none(), StubChoice.file(fakeStub()),
                    NO_ESPTOOL).connect();
            Path missing = fs.resolve("no-such-stub.json"); // an upload attempt would fail on it
            EspFlasher again = new EspFlasher(esp.hostLink(), ResetStrategy.NONE, FlashProgress.none(),
                    StubChoice.file(missing), NO_ESPTOOL);
            assertThat(again.connect()).isEqualTo(Chip.ESP32);
            assertThat(again.loader()).isEqualTo("flasher stub (already running)");
            again.flash(FlashRequest.of(image, 0x1000).withSkipIfIdentical(false));
            assertThat(esp.flashMd5(0x1000, image.length)).isEqualTo(FlashImage.md5(image));
        }
    }

    @Test
    void aBadChecksumThroughTheStubIsAClearError() throws IOException {
        try (VirtualEsp32 esp = board(Esp32Faults.none())) {
            EspFlasher flasher = new EspFlasher(esp.hostLink(), ResetStrategy.CLASSIC, FlashProgress.none(),
                    StubChoice.file(fakeStub()), NO_ESPTOOL);
            flasher.connect();
            RomClient raw = new RomClient(esp.hostLink());
            raw.useStubRules();
            Duration t = Duration.ofSeconds(3);
            EspFlasher.check(RomOp.FLASH_BEGIN, raw.command(RomOp.FLASH_BEGIN, RomClient.words(0x4000, 1, 0x4000, 0, 0),
                    0, t), "FLASH_BEGIN");
            byte[] payload = new byte[16 + 0x4000];
            System.arraycopy(RomClient.words(0x4000, 0, 0, 0), 0, payload, 0, 16);
            RomResponse r = raw.command(RomOp.FLASH_DATA, payload, 0x00, t); // right would be 0xEF
            assertThatThrownBy(() -> EspFlasher.check(RomOp.FLASH_DATA, r, "block 1/1 at 0x0"))
                    .isInstanceOf(FlashException.class)
                    .hasMessage("block 1/1 at 0x0 failed: stub error 0xC100: bad checksum");
        }
    }

    @Test
    void aStubThatNeverSaysOhaiFailsClearlyAndTheBoardStaysUsable() {
        byte[] image = SyntheticFirmware.micropython(ChipModel.ESP32, 64 * 1024, 14);
        try (VirtualEsp32 esp = board(Esp32Faults.none().withStubNeverStarting())) {
            EspFlasher flasher = new EspFlasher(esp.hostLink(), ResetStrategy.CLASSIC, FlashProgress.none(),
                    StubChoice.file(fakeStub()), NO_ESPTOOL);
            assertThatThrownBy(flasher::connect).isInstanceOf(FlashException.class)
                    .hasMessageStartingWith("the flasher stub " + fakeStub() + " never said OHAI on mem:virtual-esp32")
                    .hasMessageContaining("the board is still in the ROM loader");
            assertThat(esp.state()).isEqualTo(VirtualEsp32.State.BOOTLOADER);
            EspFlasher rom = new EspFlasher(esp.hostLink(), ResetStrategy.CLASSIC, FlashProgress.none(),
                    StubChoice.none(), NO_ESPTOOL);
            rom.connect();
            assertThat(rom.loader()).isEqualTo("ROM loader");
            rom.flash(FlashRequest.of(image, 0x1000));
            assertThat(esp.flashMd5(0x1000, image.length)).isEqualTo(FlashImage.md5(image));
        }
    }

    @Test
    void anEntryOutsideTheUploadedCodeIsRefusedByTheRom() throws IOException {
        Path stub = Files.writeString(fs.resolve("stub.json"), Files.readString(fakeStub())
                .replace("\"entry\": 1074521088", "\"entry\": 1074266112")); // 0x40080000: nothing uploaded there
        try (VirtualEsp32 esp = board(Esp32Faults.none())) {
            EspFlasher flasher = new EspFlasher(esp.hostLink(), ResetStrategy.CLASSIC, FlashProgress.none(),
                    StubChoice.file(stub), NO_ESPTOOL);
            assertThatThrownBy(flasher::connect).isInstanceOf(FlashException.class)
                    .hasMessage("MEM_END (jump to the stub's entry 0x40080000 from " + stub
                            + ") failed: ROM error 0x0F: bad RAM size or address");
        }
    }

    @Test
    void aMalformedStubFileIsOneLineNamingIt() throws IOException {
        Path bad = Files.writeString(fs.resolve("stub.json"), "{\"text\": \"AAAA\", \"text_start\": \"somewhere\"}");
        Path notJson = Files.writeString(fs.resolve("stub2.json"), "{\"text\": ");
        assertThatThrownBy(() -> FlasherStub.load(bad)).isInstanceOf(FlashException.class)
                .hasMessage("malformed flasher stub " + bad + ": field 'text_start' is not a 32-bit address");
        assertThatThrownBy(() -> FlasherStub.load(notJson)).isInstanceOf(FlashException.class)
                .hasMessageStartingWith("malformed flasher stub " + notJson + ": not JSON")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        try (VirtualEsp32 esp = board(Esp32Faults.none())) {
            EspFlasher flasher = new EspFlasher(esp.hostLink(), ResetStrategy.CLASSIC, FlashProgress.none(),
                    StubChoice.file(bad), NO_ESPTOOL);
            assertThatThrownBy(flasher::connect).isInstanceOf(FlashException.class)
                    .hasMessageContaining("malformed flasher stub " + bad);
        }
    }

    @Test
    void autoWithoutEsptoolFlashesThroughTheRomAndSaysSoOnce() {
        byte[] image = SyntheticFirmware.micropython(ChipModel.ESP32, 64 * 1024, 15);
        List<String> notices = new ArrayList<>();
        FlashProgress progress = FlashProgress.noticesTo(notices::add);
        try (VirtualEsp32 esp = board(Esp32Faults.none())) {
            EspFlasher flasher = new EspFlasher(esp.hostLink(), ResetStrategy.CLASSIC, progress, StubChoice.auto(),
                    NO_ESPTOOL);
            flasher.connect();
            flasher.flash(FlashRequest.of(image, 0x1000));
            assertThat(esp.stubRunning()).isFalse();
            assertThat(flasher.loader()).isEqualTo("ROM loader");
            assertThat(notices).containsExactly(
                    "no flasher stub found (install esptool or pass stub=<file>): using the ROM loader");
        }
    }

    @Test
    void autoFindsTheStubInAnEsptoolInstallationVersion2First() throws IOException {
        Path esptool = fs.resolve("site-packages/esptool");
        Path v1 = Files.createDirectories(esptool.resolve("targets/stub_flasher/1")).resolve("esp32.json");
        Files.copy(fakeStub(), v1);
        assertThat(EsptoolStubs.inDirectory(esptool).stubFile(Chip.ESP32)).contains(v1);
        Path v2 = Files.createDirectories(esptool.resolve("targets/stub_flasher/2")).resolve("esp32.json");
        Files.copy(fakeStub(), v2);
        assertThat(EsptoolStubs.inDirectory(esptool).stubFile(Chip.ESP32)).contains(v2);
        assertThat(EsptoolStubs.inDirectory(esptool).stubFile(Chip.ESP32_C3)).isEmpty();
        try (VirtualEsp32 esp = board(Esp32Faults.none())) {
            EspFlasher flasher = new EspFlasher(esp.hostLink(), ResetStrategy.CLASSIC, FlashProgress.none(),
                    StubChoice.auto(), EsptoolStubs.inDirectory(esptool));
            flasher.connect();
            assertThat(flasher.loader()).isEqualTo("flasher stub " + v2);
            assertThat(esp.stubRunning()).isTrue();
        }
    }

    @Test
    void parsesTheStubOption() {
        assertThat(StubChoice.parse("auto")).isEqualTo(StubChoice.auto());
        assertThat(StubChoice.parse(" ")).isEqualTo(StubChoice.auto());
        assertThat(StubChoice.parse("NONE")).isEqualTo(StubChoice.none());
        assertThat(StubChoice.parse("/opt/stubs/esp32.json")).isEqualTo(StubChoice.file(Path.of("/opt/stubs/esp32.json")));
    }
}
