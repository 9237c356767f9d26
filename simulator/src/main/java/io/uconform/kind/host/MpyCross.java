package io.uconform.kind.host;

import io.uconform.cleanup.TempDirectories;
import io.uconform.simulator.host.Interpreter;
import io.uconform.spi.TargetException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The firmware's {@code lib/} modules precompiled to {@code .mpy} bytecode by {@code mpy-cross}
 * (option {@code mpy-cross}), as the field deploys to small boards: the device then never parses
 * or compiles them. MicroPython imports {@code x.mpy} when there is no {@code x.py}, so each
 * compiled module's source is removed from the device copy. Immutable.
 *
 * @param executable the {@code mpy-cross} program
 */
record MpyCross(Path executable) {

    /** The .mpy format MicroPython loads since v1.19 (docs: "MicroPython .mpy files", header byte 1). */
    static final int MPY_VERSION = 6;
    /** Each mpy-cross or interpreter run of the checks and the compile. */
    static final Duration STEP = Duration.ofSeconds(30);
    private static final String PROBE = "uconform_mpy_probe";

    /**
     * Refuses, with one line, an {@code mpy-cross} whose output {@code interpreter} cannot load:
     * another interpreter than MicroPython, a .mpy header that is not version {@value #MPY_VERSION},
     * or a probe module the interpreter does not import. Runs before any work of the target.
     */
    void requireLoadableBy(Interpreter interpreter, String heap) {
        if (!interpreter.isMicroPython()) {
            throw new TargetException("target 'host': option mpy-cross needs interpreter=micropython (.mpy files are "
                    + "MicroPython bytecode), but the interpreter is " + interpreter.name());
        }
        Path dir = TempDirectories.create("uconform-mpy-probe-");
        try {
            Path mpy = compile(dir.resolve(PROBE + ".py"), "VALUE = 6 * 7\n", PROBE + ".py");
            byte[] header = header(mpy);
            if (header[0] != 'M' || header[1] != MPY_VERSION) {
                throw new TargetException("target 'host': " + executable + " writes .mpy files of "
                        + (header[0] == 'M' ? "version " + header[1] : "an unknown format (first byte " + (header[0] & 0xff) + ")")
                        + ", MicroPython loads version " + MPY_VERSION + " (use the mpy-cross of the interpreter's checkout)");
            }
            Result loaded = run(List.of(interpreter.executable().toString(), "-X", "heapsize=" + heap, "-c",
                    "import " + PROBE + "; print(" + PROBE + ".VALUE)"), dir, Map.of("MICROPYPATH", dir.toString()));
            if (loaded.status() != 0 || !loaded.output().strip().equals("42")) {
                throw new TargetException("target 'host': " + interpreter.executable() + " cannot load the .mpy files "
                        + executable + " writes: " + lastLine(loaded.output()));
            }
        } finally {
            TempDirectories.remove(dir);
        }
    }

    /**
     * Compiles every {@code .py} under {@code dir} (relative to {@code root}, the device directory)
     * to {@code .mpy} beside it and removes the source. Each .mpy names its source as
     * {@code lib/uconform/server.py} (tracebacks). Naming it by its import path instead
     * ({@code .mpy}) was measured worse on 64-bit 128K (firmware README), so it is not done.
     */
    void compileTree(Path root, String dir) {
        Path top = root.resolve(dir);
        if (!Files.isDirectory(top)) {
            return;
        }
        List<Path> sources;
        try (Stream<Path> files = Files.walk(top)) {
            sources = files.filter(f -> f.getFileName().toString().endsWith(".py") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + top + ": " + e.getMessage(), e);
        }
        for (Path source : sources) {
            String name = root.relativize(source).toString().replace('\\', '/');
            compile(source, null, name);
            try {
                Files.delete(source);
            } catch (IOException e) {
                throw new UncheckedIOException("could not remove " + source + " after compiling it: " + e.getMessage(), e);
            }
        }
    }

    /** Writes {@code text} to {@code source} when given, compiles it; the .mpy beside it. */
    private Path compile(Path source, String text, String name) {
        String file = source.getFileName().toString();
        Path mpy = source.resolveSibling(file.substring(0, file.length() - 3) + ".mpy");
        try {
            if (text != null) {
                Files.writeString(source, text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + source + ": " + e.getMessage(), e);
        }
        Result result = run(List.of(executable.toString(), "-o", mpy.toString(), "-s", name, source.toString()),
                source.getParent(), Map.of());
        if (result.status() != 0 || !Files.isRegularFile(mpy)) {
            throw new TargetException("target 'host': " + executable + " could not compile " + source.getFileName()
                    + " (as " + name + ", exit "
                    + result.status() + "): " + lastLine(result.output()));
        }
        return mpy;
    }

    private static byte[] header(Path mpy) {
        try (InputStream in = Files.newInputStream(mpy)) {
            byte[] header = in.readNBytes(4);
            return header.length == 4 ? header : new byte[] {0, 0, 0, 0};
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + mpy + ": " + e.getMessage(), e);
        }
    }

    private record Result(int status, String output) {
    }

    private Result run(List<String> command, Path dir, Map<String, String> env) {
        Path log = null;
        try {
            log = Files.createTempFile("uconform-mpy-cross-", ".log");
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(STEP.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
                throw new TargetException("target 'host': " + command.get(0) + " did not finish within "
                        + STEP.toSeconds() + " s (" + String.join(" ", command.subList(1, command.size())) + ")");
            }
            return new Result(p.exitValue(), new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TargetException("target 'host': could not run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException("target 'host': interrupted while running " + command.get(0));
        } finally {
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException e) {
                    log.toFile().deleteOnExit();
                }
            }
        }
    }

    private static String lastLine(String output) {
        List<String> lines = output.strip().lines().toList();
        return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
    }
}
