package io.uconform.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.uconform.console.ConsoleCapture;
import io.uconform.console.SecretMask;
import io.uconform.link.Link;
import io.uconform.link.TcpLink;
import io.uconform.repl.ConsoleTap;
import io.uconform.repl.RawRepl;
import io.uconform.repl.ReplException;
import io.uconform.simulator.esp32.Esp32Faults;
import io.uconform.simulator.serial.RawTcpServer;
import io.uconform.simulator.esp32.VirtualEsp32;
import io.uconform.testsupport.Boards;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class DeployerTest {

    @TempDir
    Path fs;
    @TempDir
    Path local;

    @BeforeEach
    void needsPython() {
        assumeTrue(Boards.pythonAvailable(), "python3 is not on PATH: the virtual ESP32 runs code with it");
    }

    @Test
    void pushesADirectoryAndSkipsFilesWhoseHashMatches() throws Exception {
        byte[] binary = new byte[5000];
        new Random(3).nextBytes(binary);
        Files.writeString(local.resolve("main.py"), "print('it\\'s \"quoted\"')\n");
        Files.createDirectories(local.resolve("lib/uconform"));
        Files.write(local.resolve("lib/uconform/blob.bin"), binary);
        Files.createDirectories(local.resolve("__pycache__"));
        Files.writeString(local.resolve("__pycache__/x.pyc"), "cache");
        try (VirtualEsp32 esp = Boards.bootedMicroPython(fs, Esp32Faults.none());
             RawRepl repl = new RawRepl(esp.hostLink(), new ConsoleTap(new ConsoleCapture(SecretMask.none())),
                     Duration.ofSeconds(10))) {
            repl.enter(true);
            Deployer deployer = new Deployer(repl);
            PushReport first = deployer.push(local, "");
            assertThat(first.written()).containsExactly("lib/uconform/blob.bin", "main.py");
            assertThat(first.bytesWritten()).isEqualTo(5000 + Files.size(local.resolve("main.py")));
            assertThat(Files.readAllBytes(fs.resolve("lib/uconform/blob.bin"))).isEqualTo(binary);
            assertThat(fs.resolve("__pycache__")).doesNotExist();

            Files.writeString(local.resolve("main.py"), "print('changed')\n");
            PushReport second = deployer.push(local, "");
            assertThat(second.written()).containsExactly("main.py");
            assertThat(second.upToDate()).containsExactly("lib/uconform/blob.bin");
            assertThat(deployer.readFile("main.py")).isEqualTo("print('changed')\n".getBytes());
            assertThat(deployer.remoteSha256("main.py")).contains(Deployer.sha256("print('changed')\n".getBytes()));
        }
    }

    @Test
    void mkdirRemoveAndMissingFilesOverTcp() throws Exception {
        try (VirtualEsp32 esp = Boards.bootedMicroPython(fs, Esp32Faults.none());
             RawTcpServer tcp = esp.serveTcp();
             Link link = TcpLink.connect(tcp.address(), Duration.ofSeconds(2));
             RawRepl repl = new RawRepl(link, new ConsoleTap(new ConsoleCapture(SecretMask.none())), Duration.ofSeconds(10))) {
            repl.enter(false);
            Deployer deployer = new Deployer(repl);
            deployer.mkdirs("www/static");
            deployer.mkdirs("www/static");
            assertThat(fs.resolve("www/static")).isDirectory();
            deployer.writeFile("www/static/ünï.txt", "x".getBytes());
            assertThat(fs.resolve("www/static/ünï.txt")).hasContent("x");
            deployer.remove("www/static/ünï.txt");
            assertThat(fs.resolve("www/static/ünï.txt")).doesNotExist();
            assertThat(deployer.remoteSha256("nope.py")).isEmpty();
            assertThatThrownBy(() -> deployer.remove("nope.py")).isInstanceOf(ReplException.class)
                    .hasMessageStartingWith("removing nope.py failed on tcp://127.0.0.1:")
                    .hasMessageContaining("OSError: [Errno 2] ENOENT"); // as a board words it, whatever runs the code
        }
    }
}
