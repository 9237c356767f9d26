package io.uconform.kind.replay;

import io.uconform.record.RecordedRun;
import io.uconform.spi.KindOption;
import io.uconform.spi.KindOptions;
import io.uconform.spi.TargetException;
import io.uconform.spi.TargetSpec;
import java.nio.file.Path;
import java.util.List;

/** Options of the {@code replay} kind: {@code dir} (required), a directory recorded with {@code --record}. Immutable. */
record ReplayOptions(Path dir) {

    /** The one option of the {@code replay} kind; any other is refused. */
    static final List<KindOption> OPTIONS = List.of(new KindOption("dir", "path", "",
            "a recording made with uconform run --record DIR (required)"));

    /** @throws TargetException one line: an unknown or missing option, no such directory, not a recording */
    static ReplayOptions from(TargetSpec given) {
        TargetSpec spec = new TargetSpec(given.kind(), KindOptions.canonical("replay", OPTIONS, given.options()),
                given.profile());
        return new ReplayOptions(Path.of(spec.requireOption("dir").trim()));
    }

    /** The recording, read and checked. */
    RecordedRun recording() {
        try {
            return RecordedRun.read(dir);
        } catch (IllegalArgumentException e) {
            throw new TargetException("target 'replay': " + e.getMessage(), e);
        }
    }
}
