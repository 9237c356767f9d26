package io.uconform.kind.replay;

import io.uconform.record.RecordedRun;
import io.uconform.spi.TargetException;
import io.uconform.spi.TargetSpec;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/** Options of the {@code replay} kind: {@code dir} (required), a directory recorded with {@code --record}. Immutable. */
record ReplayOptions(Path dir) {

    static final Set<String> KNOWN = Set.of("dir");

    /** @throws TargetException one line: an unknown or missing option, no such directory, not a recording */
    static ReplayOptions from(TargetSpec spec) {
        for (String key : spec.options().keySet()) {
            if (!KNOWN.contains(key)) {
                throw new TargetException("target 'replay' has no option '" + key + "' (known: "
                        + String.join(", ", new TreeSet<>(KNOWN)) + ")");
            }
        }
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
