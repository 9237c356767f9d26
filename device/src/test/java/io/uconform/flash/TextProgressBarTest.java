package io.uconform.flash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class TextProgressBarTest {

    @Test
    void rendersAndEndsWithANewline() {
        assertThat(TextProgressBar.render(512, 1024)).isEqualTo("Writing [###############...............]  50% 512/1024");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TextProgressBar bar = new TextProgressBar(new PrintStream(out, true));
        bar.update(0, 10);
        bar.update(0, 10);
        bar.update(10, 10);
        assertThat(out.toString()).isEqualTo("\r" + TextProgressBar.render(0, 10) + "\r" + TextProgressBar.render(10, 10)
                + System.lineSeparator());
    }

    @Test
    void printsANoticeOnItsOwnLine() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TextProgressBar(new PrintStream(out, true)).notice(EspFlasher.NO_STUB_NOTICE);
        assertThat(out.toString()).isEqualTo(
                "no flasher stub found (install esptool or pass stub=<file>): using the ROM loader" + System.lineSeparator());
    }

    @Test
    void parsesChipNames() {
        assertThat(Chip.parse("esp32s3")).contains(Chip.ESP32_S3);
        assertThat(Chip.parse("ESP32-C6")).contains(Chip.ESP32_C6);
        assertThat(Chip.parse("esp8266")).isEmpty();
        assertThat(Chip.ESP32.micropythonOffset()).isEqualTo(0x1000);
        assertThat(Chip.ESP32_S2.micropythonOffset()).isEqualTo(0x1000);
        assertThat(Chip.ESP32_C3.micropythonOffset()).isZero();
    }
}
