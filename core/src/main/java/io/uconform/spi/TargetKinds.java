package io.uconform.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The target kinds found on the class path. */
public final class TargetKinds {

    private TargetKinds() {
    }

    public static List<TargetKind> all() {
        List<TargetKind> kinds = new ArrayList<>();
        ServiceLoader.load(TargetKind.class).forEach(kinds::add);
        kinds.sort((a, b) -> a.name().compareTo(b.name()));
        return kinds;
    }

    public static Optional<TargetKind> find(String name) {
        return all().stream().filter(k -> k.name().equals(name)).findFirst();
    }

    /** The kind, or a {@link TargetException} listing the known kinds. */
    public static TargetKind require(String name) {
        return find(name).orElseThrow(() -> new TargetException("unknown target kind '" + name
                + "' (known: " + all().stream().map(TargetKind::name).collect(Collectors.joining(", ")) + ")"));
    }
}
