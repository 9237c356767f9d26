package io.uconform.spi;

import java.io.PrintStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** What every kind does with its raw options before it parses them: one shared check against its {@link KindOption}s. */
public final class KindOptions {

    /** Deprecation lines already printed in this JVM ({@code kind:oldName}): one each, not one per pool member. */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private KindOptions() {
    }

    /**
     * The raw options with every name in its current spelling. A former spelling prints one
     * deprecation line on stderr (once per JVM).
     *
     * @throws TargetException one line for an option the kind does not declare (naming the known
     *                         ones), or for an option given under both its names
     */
    public static Map<String, String> canonical(String kind, List<KindOption> declared, Map<String, String> raw) {
        return canonical(kind, declared, raw, System.err);
    }

    static Map<String, String> canonical(String kind, List<KindOption> declared, Map<String, String> raw,
                                         PrintStream warnings) {
        Map<String, String> canonical = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : raw.entrySet()) {
            String given = entry.getKey();
            KindOption option = declared.stream()
                    .filter(o -> o.name().equals(given) || o.formerNames().contains(given)).findFirst()
                    .orElseThrow(() -> new TargetException("target '" + kind + "' has no option '" + given
                            + "' (known: " + known(declared) + ")"));
            if (canonical.containsKey(option.name())) {
                throw new TargetException("target '" + kind + "': option '" + option.name() + "' is given twice"
                        + " (also as '" + given + "'): give it once");
            }
            if (!given.equals(option.name()) && WARNED.add(kind + ":" + given)) {
                warnings.println("uconform: target '" + kind + "': option '" + given + "' is deprecated, write '"
                        + option.name() + "' (the old spelling goes in the next release)");
                warnings.flush();
            }
            canonical.put(option.name(), entry.getValue());
        }
        return Collections.unmodifiableMap(canonical);
    }

    /** The spec with its options in their current spellings, see {@link #canonical(String, List, Map)}. */
    public static TargetSpec canonical(TargetKind kind, TargetSpec spec) {
        return new TargetSpec(spec.kind(), canonical(kind.name(), kind.options(), spec.options()), spec.profile());
    }

    /** The declared names, sorted, comma-separated. */
    public static String known(List<KindOption> declared) {
        return declared.stream().map(KindOption::name).collect(Collectors.toCollection(TreeSet::new)).stream()
                .collect(Collectors.joining(", "));
    }

    /** Every kind on the class path with its options, one line each, for {@code --help}. */
    public static List<String> usage() {
        return TargetKinds.all().stream().flatMap(kind -> java.util.stream.Stream.concat(
                java.util.stream.Stream.of(kind.name() + (kind.options().isEmpty() ? "  (no options)" : "")),
                kind.options().stream().map(o -> "    " + o.describe()))).toList();
    }
}
