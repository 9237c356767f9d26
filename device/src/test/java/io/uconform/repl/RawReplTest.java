package io.uconform.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.uconform.console.ConsoleCapture;
import io.uconform.console.SecretMask;
import io.uconform.simulator.esp32.Esp32Faults;
import io.uconform.simulator.esp32.VirtualEsp32;
import io.uconform.testsupport.Boards;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class RawReplTest {

    @TempDir
    Path fs;

    @BeforeEach
    void needsPython() {
        assumeTrue(Boards.pythonAvailable(), "python3 is not on PATH: the virtual ESP32 runs code with it");
    }

    @Test
    void runsCodeInRawPasteAndCapturesOutputAndTracebacks() {
        ConsoleCapture console = new ConsoleCapture(SecretMask.none());
        try (VirtualEsp32 esp = Boards.bootedMicroPython(fs, Esp32Faults.none());
             RawRepl repl = new RawRepl(esp.hostLink(), new ConsoleTap(console), Duration.ofSeconds(10))) {
            repl.enter(true);
            assertThat(repl.exec("print(1+1)")).isEqualTo(new ExecResult("2\r\n", ""));
            assertThat(repl.usesRawPaste()).isTrue();
            ExecResult bad = repl.exec("x = 1\nprint('before')\nundefined_name");
            assertThat(bad.stdout()).isEqualTo("before\r\n");
            assertThat(bad.exceptionLine()).isEqualTo("NameError: name 'undefined_name' is not defined");
            String big = "s = 0\n" + "s += 1\n".repeat(2000) + "print(s)";
            assertThat(repl.exec(big).stdout()).isEqualTo("2000\r\n");
            assertThat(console.lines()).extracting(l -> l.text()).contains("MPY: soft reboot")
                    .as("the raw REPL exchange is not console output; the traceback is")
                    .noneMatch(l -> l.contains("R\u0001") || l.contains("\uFFFD") || l.startsWith(">R"))
                    .contains("NameError: name 'undefined_name' is not defined");
        }
    }

    @Test
    void keepsStateBetweenExecsAndLosesItOnSoftReset() {
        try (VirtualEsp32 esp = Boards.bootedMicroPython(fs, Esp32Faults.none());
             RawRepl repl = new RawRepl(esp.hostLink(), new ConsoleTap(new ConsoleCapture(SecretMask.none())),
                     Duration.ofSeconds(10))) {
            repl.enter(false);
            repl.exec("counter = 41");
            assertThat(repl.exec("print(counter + 1)").stdout()).isEqualTo("42\r\n");
            repl.softReset();
            assertThat(repl.exec("print(counter)").exceptionLine()).startsWith("NameError");
        }
    }

    @Test
    void interruptsARunningMainPyToGetTheRawRepl() throws Exception {
        Files.writeString(fs.resolve("main.py"), "import time\nprint('looping')\nwhile True:\n    time.sleep(0.05)\n");
        try (VirtualEsp32 esp = Boards.bootedMicroPython(fs, Esp32Faults.none());
             RawRepl repl = new RawRepl(esp.hostLink(), new ConsoleTap(new ConsoleCapture(SecretMask.none())),
                     Duration.ofSeconds(10))) {
            repl.enter(false);
            assertThat(repl.exec("print('free')").stdout()).isEqualTo("free\r\n");
        }
    }

    @Test
    void fallsBackToStandardRawModeWhenTheFirmwareHasNoRawPaste() {
        try (VirtualEsp32 esp = Boards.bootedMicroPython(fs, Esp32Faults.none().withoutRawPaste());
             RawRepl repl = new RawRepl(esp.hostLink(), new ConsoleTap(new ConsoleCapture(SecretMask.none())),
                     Duration.ofSeconds(10))) {
            repl.enter(false);
            String code = "t = 0\n" + "t += 2\n".repeat(300) + "print(t)";
            assertThat(repl.exec(code).stdout()).isEqualTo("600\r\n");
            assertThat(repl.usesRawPaste()).isFalse();
            assertThat(repl.exec("print('again')").stdout()).isEqualTo("again\r\n");
        }
    }

    @Test
    void aSilentLinkFailsWithOneClearLine() {
        io.uconform.link.InMemoryLink.Pair pair = io.uconform.link.InMemoryLink.pair("nobody");
        RawRepl repl = new RawRepl(pair.host(), new ConsoleTap(new ConsoleCapture(SecretMask.none())), Duration.ofSeconds(1), 2);
        assertThatThrownBy(() -> repl.enter(false)).isInstanceOf(ReplException.class)
                .hasMessageStartingWith("no raw REPL on mem:nobody after 2 attempt(s): timed out waiting for the raw REPL banner")
                .hasMessageContaining("nothing received");
    }
}
