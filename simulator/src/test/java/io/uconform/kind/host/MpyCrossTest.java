package io.uconform.kind.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.uconform.profile.Limits;
import io.uconform.profile.Profile;
import io.uconform.simulator.host.Interpreter;
import io.uconform.spi.TargetException;
import io.uconform.spi.TargetSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Option {@code mpy-cross} of the {@code host} kind: what is refused before any work, in one line.
 * The stand-ins are shell scripts that write what a wrong mpy-cross writes; the real compile and
 * boot are proven by hand with MicroPython's own mpy-cross (firmware README).
 */
@Timeout(60)
class MpyCrossTest {

    static HostOptions parse(Map<String, String> options) {
        Profile profile = new Profile("test", "", Set.of(), Map.of(), Limits.reference(), Map.of(), Map.of());
        return HostOptions.parse(new TargetSpec("host", options, profile));
    }

    /** A stand-in mpy-cross: {@code -o OUT -s NAME SRC}; {@code body} runs with OUT in $2. */
    static Path script(Path dir, String body) throws IOException {
        Path exe = dir.resolve("mpy-cross");
        Files.writeString(exe, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
        return exe;
    }

    static boolean shell() {
        return Files.isExecutable(Path.of("/bin/sh"));
    }

    @Test
    void withoutTheOptionNothingIsPrecompiled() {
        assertThat(parse(Map.of()).mpyCross()).isEmpty();
    }

    @Test
    void aMissingPathIsRefusedNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-mpy-cross");
        assertThatThrownBy(() -> parse(Map.of("mpy-cross", missing.toString())))
                .isInstanceOf(TargetException.class)
                .hasMessage("target 'host': mpy-cross " + missing + " is not an executable file");
    }

    @Test
    void aFileThatIsNotExecutableIsRefused(@TempDir Path dir) throws IOException {
        Path plain = Files.writeString(dir.resolve("mpy-cross"), "not a program");
        assertThatThrownBy(() -> parse(Map.of("mpy-cross", plain.toString())))
                .hasMessageContaining("is not an executable file");
        assertThatThrownBy(() -> parse(Map.of("mpy-cross", dir.toString())))
                .hasMessageContaining("is not an executable file");
    }

    @Test
    void cpythonCannotRunMpyFiles(@TempDir Path dir) throws IOException {
        assumeTrue(shell(), "no /bin/sh for the stand-in");
        MpyCross cross = new MpyCross(script(dir, "exit 0"));
        assertThatThrownBy(() -> cross.requireLoadableBy(new Interpreter("python3", Path.of("/usr/bin/python3")), "128K"))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("needs interpreter=micropython").hasMessageEndingWith("the interpreter is python3");
    }

    @Test
    void anOlderMpyVersionIsRefusedWithBothVersions(@TempDir Path dir) throws IOException {
        assumeTrue(shell(), "no /bin/sh for the stand-in");
        Path exe = script(dir, "printf 'M\\005\\000\\037' > \"$2\"");  // version 5: MicroPython before 1.19
        // the header is read before the interpreter is asked: this one would fail if it ran
        Interpreter never = new Interpreter("micropython", Path.of("/bin/false"));
        assertThatThrownBy(() -> new MpyCross(exe).requireLoadableBy(never, "128K"))
                .isInstanceOf(TargetException.class)
                .hasMessage("target 'host': " + exe + " writes .mpy files of version 5, MicroPython loads version 6"
                        + " (use the mpy-cross of the interpreter's checkout)");
    }

    @Test
    void somethingThatIsNotMpyIsRefused(@TempDir Path dir) throws IOException {
        assumeTrue(shell(), "no /bin/sh for the stand-in");
        Path exe = script(dir, "printf 'print(1)\\n' > \"$2\"");
        assertThatThrownBy(() -> new MpyCross(exe).requireLoadableBy(new Interpreter("micropython", Path.of("/bin/false")), "128K"))
                .hasMessageContaining("writes .mpy files of an unknown format (first byte 112)");
    }

    @Test
    void aCompileErrorNamesTheModuleAndTheToolsLastLine(@TempDir Path dir) throws IOException {
        assumeTrue(shell(), "no /bin/sh for the stand-in");
        Path exe = script(dir, "echo 'Traceback (most recent call last):'; echo \"SyntaxError: invalid syntax in $4\"; exit 1");
        Path lib = Files.createDirectories(dir.resolve("device/lib/uconform"));
        Files.writeString(lib.resolve("server.py"), "x = 1\n");
        assertThatThrownBy(() -> new MpyCross(exe).compileTree(dir.resolve("device"), "lib"))
                .isInstanceOf(TargetException.class)
                .hasMessage("target 'host': " + exe + " could not compile server.py (as lib/uconform/server.py, exit 1):"
                        + " SyntaxError: invalid syntax in lib/uconform/server.py");
        assertThat(lib.resolve("server.py")).as("a module that did not compile keeps its source").exists();
    }

    @Test
    void eachCompiledModuleLosesItsSourceSoTheMpyIsImported(@TempDir Path dir) throws IOException {
        assumeTrue(shell(), "no /bin/sh for the stand-in");
        Path exe = script(dir, "printf 'M\\006\\000\\037' > \"$2\"; echo \"$4\" >> \"" + dir.resolve("names") + "\"");
        Path lib = Files.createDirectories(dir.resolve("device/lib/uconform"));
        Files.writeString(lib.resolve("__init__.py"), "");
        Files.writeString(lib.resolve("server.py"), "x = 1\n");
        Files.writeString(lib.resolve("names.txt"), "x\n");
        new MpyCross(exe).compileTree(dir.resolve("device"), "lib");
        try (var files = Files.list(lib)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("__init__.mpy", "server.mpy", "names.txt");
        }
        assertThat(Files.readAllLines(dir.resolve("names"))).as("the source name each .mpy gives in tracebacks")
                .containsExactly("lib/uconform/__init__.py", "lib/uconform/server.py");
    }
}
