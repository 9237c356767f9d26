package io.uconform.spi;

/**
 * A kind of target ({@code sim}, {@code url}, {@code host}, {@code esp32}, {@code renode}, ...),
 * discovered with {@link java.util.ServiceLoader}. There is no central switch over kind names:
 * a module that wants a new kind ships an implementation and a
 * {@code META-INF/services/io.uconform.spi.TargetKind} entry.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface TargetKind {

    /** The name used on the command line and in targets files, e.g. {@code "sim"}. Never null. */
    String name();

    /**
     * Every option this kind takes (name, type, default, one line of help): the CLI's help and
     * error messages are built from them, and any other option is refused with one line naming
     * these ({@link KindOptions#canonical}). Empty: the kind takes no options.
     */
    java.util.List<KindOption> options();

    /**
     * Whether this kind can run here with these options. Never throws; a missing tool, port or
     * emulator is reported as {@link Availability#unavailable(String)} with the reason, so that the
     * suite can skip with it.
     */
    Availability availability(TargetSpec spec);

    /**
     * Creates a target (not yet started). Throws {@link TargetException} with one clear line when
     * the options are malformed. Does no I/O.
     */
    Target create(TargetSpec spec);

    /**
     * The specs of {@code size} identical instances of this target that can serve side by side (a
     * pool: the suite spreads its checks over them). Default: one instance only; a kind that can
     * run several (each on its own port, board or interpreter) overrides this.
     *
     * @throws TargetException one line saying why this target cannot have {@code size} instances
     */
    default java.util.List<TargetSpec> poolMembers(TargetSpec spec, int size) {
        if (size == 1) {
            return java.util.List.of(spec);
        }
        throw new TargetException(name() + ": one instance only (no pool of " + size + ")");
    }

    /**
     * The pool size used when the user asks for none ({@code --pool auto}). Default 1 (today's
     * one-instance run); {@code sim}, whose checks mostly wait on timers, suggests more.
     */
    default int defaultPoolSize(TargetSpec spec) {
        return 1;
    }

    /**
     * The profile a run claims when the user names none ({@code uconform run} without
     * {@code --profile}). Default {@code reference}, every group of the contract. A kind whose
     * default app is the reference firmware answers {@code firmware}: the firmware offers no TLS
     * server, so under {@code reference} its TLS group could never be verified and every plain run
     * would exit 1 with nothing failed.
     *
     * @param options the raw options of the run ({@code TargetSpec.options()})
     */
    default String defaultProfile(java.util.Map<String, String> options) {
        return "reference";
    }
}
