package io.uconform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.simulator.esp32.ChipModel;
import io.uconform.simulator.esp32.SyntheticFirmware;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code uconform esp32}: bad input is one line and exit 2, and nothing is served. */
@Timeout(30)
class Esp32CommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Uconform.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private void assertOneLine(String expected) {
        assertThat(err.toString().lines().toList()).as("stderr").hasSize(1).first().asString()
                .startsWith("uconform: ").contains(expected);
        assertThat(out.toString()).as("nothing served").doesNotContain("serving at");
    }

    @Test
    void aWrongImageIsRefusedBeforeTheBoardStarts(@TempDir Path dir) throws Exception {
        byte[] random = new byte[4096];
        new Random(1).nextBytes(random);
        random[0] = 0x12;
        Path file = Files.write(dir.resolve("random.bin"), random);
        assertThat(run("esp32", "--listen", "0", "--image", file.toString())).isEqualTo(Uconform.BAD_INPUT);
        assertOneLine("is not an ESP firmware image: it starts with 0x12");
    }

    @Test
    void anImageForAnotherChipIsRefused(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("s3.bin"), SyntheticFirmware.micropython(ChipModel.ESP32_S3, 8192, 2));
        assertThat(run("esp32", "--listen", "0", "--image", file.toString())).isEqualTo(Uconform.BAD_INPUT);
        assertOneLine("is an ESP32-S3 image (chip ID 9 in its header), but the board is an ESP32");
    }

    @Test
    void anUnknownChipAndABusyPortAreOneLineEach() throws Exception {
        assertThat(run("esp32", "--chip", "esp8266")).isEqualTo(Uconform.BAD_INPUT);
        assertOneLine("--chip: unknown chip 'esp8266'");
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(run("esp32", "--listen", String.valueOf(busy.getLocalPort()), "--no-flash-timing"))
                    .isEqualTo(Uconform.BAD_INPUT);
            assertThat(err.toString().lines().toList()).hasSize(1).first().asString()
                    .contains("cannot listen on 127.0.0.1:" + busy.getLocalPort()).contains("--listen");
        }
    }
}
