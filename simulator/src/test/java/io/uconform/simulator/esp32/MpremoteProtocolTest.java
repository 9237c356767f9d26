package io.uconform.simulator.esp32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.uconform.simulator.host.Interpreter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What mpremote relies on, at the protocol level, against the virtual ESP32 under whichever
 * interpreter runs it (CPython in CI): raw REPL entry with soft reset, raw-paste flow control, and
 * the shapes of the small programs its fs commands send (written from MicroPython's docs and the
 * raw-REPL spec, not copied from mpremote), answered as a board answers them.
 */
@Timeout(60)
class MpremoteProtocolTest {

    static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path fs;
    VirtualEsp32 esp;
    RawReplClient repl;

    @BeforeEach
    void boot() throws Exception {
        assumeTrue(Interpreter.find("auto").isPresent(), "neither micropython nor python3 is on PATH");
        esp = VirtualEsp32.create(Esp32Options.of(ChipModel.ESP32, fs));
        esp.preload(0x1000, SyntheticFirmware.micropython(ChipModel.ESP32, 64 * 1024, 1));
        esp.powerOn();
        repl = new RawReplClient(esp.hostLink(), WAIT);
        repl.serial().readUntil(">>> ", WAIT);
        repl.enter(true);
    }

    @AfterEach
    void off() {
        if (esp != null) {
            esp.close();
        }
    }

    @Test
    void rawPasteLetsTwoWindowsGoUpFrontAndGrantsOneMorePer128Bytes() throws Exception {
        String code = "x = '" + "a".repeat(1000) + "'\nprint(len(x))";
        RawReplClient.Result r = repl.run(code);
        assertThat(r.out()).isEqualTo("1000\r\n");
        assertThat(r.err()).isEmpty();
        assertThat(repl.windowIncrements).as("window updates for " + code.length() + " bytes")
                .isBetween(code.length() / 128 - 1, code.length() / 128 + 1);
    }

    @Test
    void aNewFileIsWrittenInChunksThroughABoundWriteAndReadBackUntilEmpty() throws Exception {
        byte[] data = new byte[600];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        assertThat(repl.run("f=open('new.bin','wb')\nw=f.write").err()).isEmpty();
        for (int off = 0; off < data.length; off += 256) {
            int n = Math.min(256, data.length - off);
            assertThat(repl.run("w(" + bytesLiteral(data, off, n) + ")").err()).isEmpty();
        }
        assertThat(repl.run("f.close()").err()).isEmpty();
        assertThat(fs.resolve("new.bin")).hasBinaryContent(data);

        assertThat(repl.run("f=open('new.bin','rb')\nr=f.read").err()).isEmpty();
        for (int chunk = 0; chunk < 3; chunk++) {
            assertThat(repl.run("print(repr(r(256)))").out()).startsWith("b'\\x00\\x01\\x02");
        }
        assertThat(repl.run("print(repr(r(256)))").out()).isEqualTo("b''\r\n");
        repl.run("f.close()");
    }

    @Test
    void listingsAreIlistdirTuplesAndStatsAreTenTuplesWithTheTypeBits() throws Exception {
        Files.writeString(fs.resolve("a.txt"), "12345");
        Files.createDirectories(fs.resolve("lib"));
        String listing = repl.run("import os\nfor f in os.ilistdir(''):\n print(repr(f), end=',')").out();
        assertThat(listing).contains("('a.txt', 32768, 0, 5),").contains("('lib', 16384, 0, 0),")
                .doesNotContain("hostrt");
        assertThat(repl.run("import os\nprint(repr(tuple(os.stat('a.txt'))))").out())
                .matches("\\(32768, 0, 0, 0, 0, 0, 5, \\d+, \\d+, \\d+\\)\r\n");
        assertThat(repl.run("print(tuple(os.stat('lib'))[0] & 0x4000)").out()).isEqualTo("16384\r\n");
    }

    @Test
    void missingFilesAndExistingDirectoriesAreOsErrorsWithMicroPythonsErrnoNames() throws Exception {
        Files.createDirectories(fs.resolve("d"));
        assertThat(repl.run("import os\nos.stat('nope.txt')").err())
                .startsWith("Traceback (most recent call last):\r\n  File \"<stdin>\", line 2, in <module>\r\n")
                .endsWith("OSError: [Errno 2] ENOENT\r\n");
        assertThat(repl.run("open('nope.txt','rb')").err()).endsWith("OSError: [Errno 2] ENOENT\r\n");
        assertThat(repl.run("os.mkdir('d')").err()).endsWith("OSError: [Errno 17] EEXIST\r\n");
        assertThat(repl.run("os.remove('nope.txt')").err()).endsWith("OSError: [Errno 2] ENOENT\r\n");
        assertThat(repl.run("os.rmdir('d')\nos.mkdir('e')\nopen('e/x','w').close()\nos.remove('e/x')").err()).isEmpty();
        assertThat(fs.resolve("d")).doesNotExist();
        assertThat(fs.resolve("e")).isDirectory().isEmptyDirectory();
    }

    @Test
    void theSha256OfAFileIsComputedOnTheBoardWithReadinto() throws Exception {
        byte[] content = "hash me, board\n".repeat(40).getBytes(StandardCharsets.US_ASCII);
        Files.write(fs.resolve("h.txt"), content);
        String code = "import hashlib\nh=hashlib.sha256()\nbuf=memoryview(bytearray(256))\n"
                + "with open('h.txt','rb') as f:\n while True:\n  n=f.readinto(buf)\n  if n==0:\n   break\n"
                + "  h.update(buf if n==256 else buf[:n])\nprint(h.digest().hex())";
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        assertThat(repl.run(code).out()).isEqualTo(expected + "\r\n");
    }

    @Test
    void slashIsTheBoardsFilesystemAndTheWorkingDirectoryStartsThere() throws Exception {
        RawReplClient.Result r = repl.run("import os\nopen('/abs.txt','w').write('x')\nprint(os.getcwd())\n"
                + "os.mkdir('/sub')\nos.chdir('/sub')\nprint(os.getcwd())\nos.chdir('/')\nprint(os.getcwd())");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("/\r\n/sub\r\n/\r\n");
        assertThat(fs.resolve("abs.txt")).hasContent("x");
    }

    @Test
    void theBoardNamesItselfInUnameButTheInterpreterStaysWhatItIs() throws Exception {
        assertThat(repl.run("import os\nu=os.uname()\nprint(u.sysname, u.release, u.machine)").out())
                .isEqualTo("esp32 1.24.1 Generic ESP32 module with ESP32\r\n");
        String expected = Interpreter.find("auto").get().isMicroPython() ? "micropython" : "cpython";
        assertThat(repl.run("import sys\nprint(sys.implementation.name)").out()).isEqualTo(expected + "\r\n");
        assertThat(esp.interpreterIdentity()).hasValueSatisfying(who -> assertThat(who).startsWith(expected + " "));
    }

    @Test
    void onItsOwnTheBoardHasPinsAndMachineResetRebootsIt() throws Exception {
        assertThat(repl.run("import machine, network\nmachine.Pin(2, machine.Pin.OUT).on()").err()).isEmpty();
        assertThat(esp.ownBoard()).hasValueSatisfying(board -> assertThat(board.pin(2).level()).isEqualTo(1));
        repl.send("import time, machine\ntime.sleep_ms(10)\nmachine.reset()"); // mpremote's reset: sent, not followed
        assertThat(repl.serial().readUntil(">>> ", WAIT)).contains("rst:").contains("Type \"help()\"");
    }

    @Test
    void aProgramThatPrintsTheEndByteDoesNotEndItsSectionOnTheBoard() throws Exception {
        RawReplClient.Result r = repl.exec("import sys\nsys.stdout.write('a\\x04b')\nprint()");
        assertThat(r.out()).isEqualTo("a"); // a tool takes the program's byte for an end, as with a real board
        assertThat(r.err()).isEqualTo("b\r\n");
        assertThat(repl.serial().readUntil("\u0004>", WAIT)).isEqualTo("\u0004>"); // the board's own end, once
        assertThat(repl.run("print(1)").out()).isEqualTo("1\r\n");
    }

    @Test
    void aRunningProgramReadsWhatTheUartReceivesAndTheReplStaysInStep() throws Exception {
        repl.send("import sys\nprint('ready')\nprint(sys.stdin.readline().strip().upper())");
        repl.serial().readUntil("ready\r\n", WAIT);
        repl.serial().send("hello board\n");
        assertThat(repl.serial().readUntil("\u0004>", WAIT)).isEqualTo("HELLO BOARD\r\n\u0004\u0004>");
        assertThat(repl.run("print(3)").out()).isEqualTo("3\r\n");
    }

    @Test
    void interruptAndRawReplRequestInOneWriteStopTheProgramAndEnterTheRawRepl() throws Exception {
        repl.send("import time\nprint('going')\nwhile True:\n time.sleep_ms(20)");
        repl.serial().readUntil("going\r\n", WAIT);
        repl.serial().send("\r\u0003\r\u0001"); // mpremote's way in, without waiting between the two
        assertThat(repl.serial().readUntil(RawReplClient.RAW_BANNER + ">", WAIT)).contains("KeyboardInterrupt");
        assertThat(repl.run("print(4)").out()).isEqualTo("4\r\n");
    }

    @Test
    void systemExitInTheRawReplSoftResetsBackIntoIt() throws Exception {
        RawReplClient.Result r = repl.exec("x = 1\nimport sys\nsys.exit()");
        assertThat(r.err()).isEmpty();
        assertThat(repl.serial().readUntil(RawReplClient.RAW_BANNER + ">", WAIT)).startsWith("MPY: soft reboot\r\n");
        assertThat(repl.run("print('x' in globals())").out()).isEqualTo("False\r\n");
    }

    @Test
    void theFriendlyReplContinuesBlocksAndTakesPasteMode() throws Exception {
        SerialScript serial = repl.serial();
        serial.send("\r\u0002");
        serial.readUntil(">>> ", WAIT);
        serial.send("def f(a,\r");
        assertThat(serial.readUntil("... ", WAIT)).isEqualTo("def f(a,\r\n... ");
        serial.send("b):\r");
        serial.readUntil("... ", WAIT);
        serial.send("    return a+b\r\r");
        serial.readUntil(">>> ", WAIT);
        serial.send("f(2, 3)\r");
        assertThat(serial.readUntil(">>> ", WAIT)).isEqualTo("f(2, 3)\r\n5\r\n>>> ");
        serial.send("\u0005");
        assertThat(serial.readUntil("=== ", WAIT)).isEqualTo("\r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== ");
        serial.send("for i in range(2):\r    print(i)\r\u0004");
        assertThat(serial.readUntil(">>> ", WAIT)).endsWith("=== \r\n0\r\n1\r\n>>> ");
    }

    @Test
    void ctrlCStopsARunningProgramAndTheRawReplAnswersAgain() throws Exception {
        repl.serial().send("\u0005A\u0001");
        repl.serial().readUntil("R\u0001", WAIT);
        repl.serial().readUntil("\u0001", WAIT); // window header and the first extra window
        repl.serial().send("import time\nprint('going')\nwhile True:\n time.sleep_ms(20)\u0004");
        repl.serial().readUntil("going\r\n", WAIT);
        repl.serial().send("\u0003");
        assertThat(repl.serial().readUntil("\u0004>", WAIT)).contains("KeyboardInterrupt");
        Awaitility.await("the board answers after the interrupt").atMost(WAIT).untilAsserted(
                () -> assertThat(repl.run("print(2)").out()).isEqualTo("2\r\n"));
    }

    private static String bytesLiteral(byte[] data, int off, int len) {
        StringBuilder b = new StringBuilder("b'");
        for (int i = off; i < off + len; i++) {
            int c = data[i] & 0xFF;
            if (c >= 0x20 && c < 0x7F && c != '\\' && c != '\'') {
                b.append((char) c);
            } else {
                b.append(String.format("\\x%02x", c));
            }
        }
        return b.append('\'').toString();
    }
}
