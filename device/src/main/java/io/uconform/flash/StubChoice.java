package io.uconform.flash;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the flasher stub comes from: {@code auto} (the installed esptool's stub for the chip, else
 * the ROM loader), {@code none} (ROM loader only), or a stub file in esptool's JSON format.
 *
 * @param mode what to do
 * @param file the stub file, for {@link Mode#FILE}
 */
public record StubChoice(Mode mode, Optional<Path> file) {

    /** The three choices. */
    public enum Mode { AUTO, NONE, FILE }

    public static StubChoice auto() {
        return new StubChoice(Mode.AUTO, Optional.empty());
    }

    public static StubChoice none() {
        return new StubChoice(Mode.NONE, Optional.empty());
    }

    public static StubChoice file(Path file) {
        return new StubChoice(Mode.FILE, Optional.of(file));
    }

    /** Parses {@code auto}, {@code none} or a path (blank = auto). */
    public static StubChoice parse(String value) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty() || v.equalsIgnoreCase("auto")) {
            return auto();
        }
        return v.equalsIgnoreCase("none") ? none() : file(Path.of(v));
    }

    /** The stub to upload for {@code chip}, or empty for the ROM loader. */
    Optional<FlasherStub> resolve(Chip chip, EsptoolStubs esptool) {
        switch (mode) {
            case NONE:
                return Optional.empty();
            case FILE:
                return Optional.of(FlasherStub.load(file.orElseThrow()));
            default:
                return esptool.stubFile(chip).map(FlasherStub::load);
        }
    }

    @Override
    public String toString() {
        return mode == Mode.FILE ? file.orElseThrow().toString() : mode.name().toLowerCase();
    }
}
