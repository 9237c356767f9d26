package io.uconform.simulator.esp32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The REPL byte for byte as the raw-REPL spec describes it. */
@Timeout(30)
class VirtualEsp32ReplTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path fs;
    VirtualEsp32 esp;
    SerialScript serial;

    @BeforeEach
    void boot() throws Exception {
        assumeTrue(new ProcessBuilder("python3", "--version").start().waitFor() == 0, "python3 is not on PATH");
        esp = VirtualEsp32.create(Esp32Options.of(ChipModel.ESP32, fs));
        esp.preload(0x1000, SyntheticFirmware.micropython(ChipModel.ESP32, 64 * 1024, 1));
        serial = new SerialScript(esp.hostLink());
    }

    @AfterEach
    void off() {
        if (esp != null) {
            esp.close();
        }
    }

    @Test
    void bootsWithTheRomLogInitialSetupAndTheBanner() throws Exception {
        esp.powerOn();
        String boot = serial.readUntil(">>> ", WAIT);
        assertThat(boot).startsWith("ets Jun  8 2016 00:22:57\r\n\r\nrst:0x1 (POWERON_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)")
                .contains("Performing initial setup\r\n")
                .endsWith("MicroPython v1.24.1 on 2024-11-29; Generic ESP32 module with ESP32\r\n"
                        + "Type \"help()\" for more information.\r\n>>> ");
        assertThat(fs.resolve("boot.py")).exists();
    }

    @Test
    void friendlyModeEchoesEvaluatesAndContinuesBlocks() throws Exception {
        esp.powerOn();
        serial.readUntil(">>> ", WAIT);
        serial.send("1+1\r");
        assertThat(serial.readUntil(">>> ", WAIT)).isEqualTo("1+1\r\n2\r\n>>> ");
        serial.send("for i in range(2):\r");
        assertThat(serial.readUntil("... ", WAIT)).isEqualTo("for i in range(2):\r\n... ");
        serial.send("  print(i)\r\r");
        assertThat(serial.readUntil(">>> ", WAIT)).endsWith("0\r\n1\r\n>>> ");
    }

    @Test
    void rawModeRunsCodeWithTheExactFraming() throws Exception {
        esp.powerOn();
        serial.readUntil(">>> ", WAIT);
        serial.send("\r\u0001");
        assertThat(serial.readUntil("CTRL-B to exit\r\n>", WAIT)).isEqualTo("\r\n>>> \r\nraw REPL; CTRL-B to exit\r\n>");
        serial.send("print(1+1)\u0004");
        assertThat(serial.readUntil("\u0004>", WAIT)).isEqualTo("OK2\r\n\u0004\u0004>");
        serial.send("1/0\u0004");
        assertThat(serial.readUntil("\u0004>", WAIT)).startsWith("OK\u0004Traceback (most recent call last):\r\n")
                .matches("(?s).*ZeroDivisionError: divi(de|sion) by zero\r\n\u0004>"); // MicroPython's or CPython's words
        serial.send("\u0004");
        assertThat(serial.readUntil("raw REPL; CTRL-B to exit\r\n>", WAIT)).startsWith("OK\r\nMPY: soft reboot\r\n");
        serial.send("\u0002");
        assertThat(serial.readUntil(">>> ", WAIT)).endsWith("Type \"help()\" for more information.\r\n>>> ");
    }

    @Test
    void rawPasteAnswersWithTheWindowAndFlowControl() throws Exception {
        esp.powerOn();
        serial.readUntil(">>> ", WAIT);
        serial.send("\r\u0001");
        serial.readUntil("raw REPL; CTRL-B to exit\r\n>", WAIT);
        serial.send("\u0005A\u0001");
        assertThat(serial.readUntil("R\u0001\u0080\u0000\u0001", WAIT)).isEqualTo("R\u0001\u0080\u0000\u0001");
        String code = "x = '" + "a".repeat(200) + "'\nprint(len(x))";
        serial.send(code);
        assertThat(serial.readUntil("\u0001", WAIT)).isEqualTo("\u0001"); // window update after 128 bytes
        serial.send("\u0004");
        assertThat(serial.readUntil("\u0004>", WAIT)).endsWith("\u0004200\r\n\u0004\u0004>");
    }

    @Test
    void ctrlCInterruptsARunningProgram() throws Exception {
        Files.writeString(fs.resolve("main.py"), "import time\nprint('running')\nwhile True:\n    time.sleep(0.05)\n");
        esp.powerOn();
        serial.readUntil("running\r\n", WAIT);
        serial.send("\u0003");
        assertThat(serial.readUntil(">>> ", WAIT)).contains("KeyboardInterrupt");
    }

    /**
     * SIGINT is asynchronous: a Ctrl-C sent as a short program ends may land while the program runs,
     * while its end is reported, or between commands. Wherever it lands, the section ends with its
     * framing and the raw REPL answers again (it once lost the end marks and waited forever).
     */
    @Test
    @Timeout(120)
    void aCtrlCLandingAsAProgramEndsNeverLeavesTheReplWaiting() throws Exception {
        esp.powerOn();
        serial.readUntil(">>> ", WAIT);
        serial.send("\r\u0001");
        serial.readUntil("raw REPL; CTRL-B to exit\r\n>", WAIT);
        for (int round = 0; round < 150; round++) {
            int loops = (round % 30) * 4000; // from nothing to several milliseconds of work
            serial.send("for i in range(" + loops + "): pass\u0004\u0003");
            String answer = serial.readUntil("\u0004>", WAIT);
            assertThat(answer).as("round %d (%d loops)", round, loops).startsWith("OK");
        }
        serial.send("print(6*7)\u0004");
        assertThat(serial.readUntil("\u0004>", WAIT)).isEqualTo("OK42\r\n\u0004\u0004>");
    }

    @Test
    void aNormalResetOverTheControlLinesRebootsAndTheDownloadStrapEntersTheRom() throws Exception {
        esp.powerOn();
        serial.readUntil(">>> ", WAIT);
        esp.hostLink().setControlLines(false, true);
        esp.hostLink().setControlLines(false, false);
        assertThat(serial.readUntil(">>> ", WAIT)).contains("SPI_FAST_FLASH_BOOT");
        esp.hostLink().setControlLines(false, true);
        esp.hostLink().setControlLines(true, false);
        assertThat(serial.readUntil("waiting for download\r\n", WAIT)).contains("boot:0x3 (DOWNLOAD_BOOT");
        Awaitility.await("the ROM runs").atMost(WAIT).until(() -> esp.state() == VirtualEsp32.State.BOOTLOADER);
    }
}
