package io.uconform.kind.esp32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.uconform.flash.Chip;
import io.uconform.flash.EsptoolStubs;
import io.uconform.flash.StubChoice;
import io.uconform.profile.Profile;
import io.uconform.simulator.esp32.ChipModel;
import io.uconform.simulator.esp32.Esp32Options;
import io.uconform.simulator.esp32.SyntheticFirmware;
import io.uconform.simulator.esp32.VirtualEsp32;
import io.uconform.spi.TargetException;
import io.uconform.spi.TargetSpec;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The esp32 target's {@code stub} option, and the image installer flashing through it. */
@Timeout(60)
class Esp32StubOptionTest {

    @TempDir
    Path work;

    private static Esp32TargetOptions options(Map<String, String> raw) {
        Profile profile = new Profile("test", "", java.util.Set.of(), Map.of(), io.uconform.profile.Limits.reference(),
                Map.of(), Map.of());
        return Esp32TargetOptions.parse(new TargetSpec("esp32", raw, profile), Map.of());
    }

    private static Path fakeStub() throws URISyntaxException {
        return Paths.get(Esp32StubOptionTest.class.getResource("/io/uconform/flash/fake-stub-esp32.json").toURI());
    }

    @Test
    void parsesAutoNoneAndAFileAndRejectsAMissingFile() throws Exception {
        assertThat(options(Map.of("port", "/dev/ttyUSB0")).stub()).isEqualTo(StubChoice.auto());
        assertThat(options(Map.of("port", "/dev/ttyUSB0", "stub", "none")).stub()).isEqualTo(StubChoice.none());
        assertThat(options(Map.of("port", "/dev/ttyUSB0", "stub", fakeStub().toString())).stub())
                .isEqualTo(StubChoice.file(fakeStub()));
        Path missing = work.resolve("esp32.json");
        assertThatThrownBy(() -> options(Map.of("port", "/dev/ttyUSB0", "stub", missing.toString())))
                .isInstanceOf(TargetException.class)
                .hasMessageStartingWith("esp32: option stub: no flasher stub file " + missing);
    }

    @Test
    void theImageInstallerFlashesThroughTheNamedStubAndSaysSo() throws Exception {
        Path image = Files.write(work.resolve("fw.bin"), SyntheticFirmware.micropython(ChipModel.ESP32, 256 * 1024, 21));
        try (VirtualEsp32 esp = VirtualEsp32.create(Esp32Options.of(ChipModel.ESP32, work.resolve("fs")))) {
            Esp32TargetOptions opts = options(Map.of("port", "virtual", "stub", fakeStub().toString()));
            Map<String, String> facts = new ImageInstaller(opts, esp.hostLink()).install(image);
            assertThat(facts).containsEntry("image.flashed", "written")
                    .containsEntry("image.loader", "flasher stub " + fakeStub()).doesNotContainKey("image.loader.note");
            assertThat(esp.flashMd5(0x1000, (int) Files.size(image)))
                    .isEqualTo(io.uconform.flash.FlashImage.prepare(0x1000, Files.readAllBytes(image)).md5());
        }
    }

    @Test
    void autoWithoutAnInstalledEsptoolUsesTheRomLoaderAndNotesWhy() throws Exception {
        assumeTrue(EsptoolStubs.installed().stubFile(Chip.ESP32).isEmpty(),
                "esptool is installed here: auto finds its stub");
        Path image = Files.write(work.resolve("fw.bin"), SyntheticFirmware.micropython(ChipModel.ESP32, 64 * 1024, 22));
        try (VirtualEsp32 esp = VirtualEsp32.create(Esp32Options.of(ChipModel.ESP32, work.resolve("fs")))) {
            Map<String, String> facts = new ImageInstaller(options(Map.of("port", "virtual")), esp.hostLink())
                    .install(image);
            assertThat(facts).containsEntry("image.loader", "ROM loader").containsEntry("image.loader.note",
                    "no flasher stub found (install esptool or pass stub=<file>): using the ROM loader");
            assertThat(esp.stubRunning()).isFalse();
        }
    }
}
