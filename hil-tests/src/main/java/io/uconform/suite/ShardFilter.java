package io.uconform.suite;

import java.util.Optional;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Keeps only the conformance checks of one {@link Shard}; other tests and containers pass. The
 * CLI gives it the shard; for Maven runs it is registered through {@code META-INF/services} and
 * reads the system property {@code uconform.shard} (no property: it keeps everything).
 */
public final class ShardFilter implements PostDiscoveryFilter {

    private final Optional<Shard> shard;

    /** As the launcher loads it: the shard from the system property {@code uconform.shard}, if set. */
    public ShardFilter() {
        this(Optional.ofNullable(System.getProperty(Shard.PARAMETER)).filter(s -> !s.isBlank()).map(Shard::parse));
    }

    public ShardFilter(Optional<Shard> shard) {
        this.shard = shard;
    }

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        if (shard.isEmpty() || !descriptor.isTest()) {
            return FilterResult.included("not sharded");
        }
        Optional<String> id = descriptor.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .filter(m -> m.getJavaMethod().isAnnotationPresent(Check.class))
                .map(m -> m.getJavaClass().getSimpleName() + "." + m.getMethodName());
        if (id.isEmpty()) {
            return FilterResult.included("not a conformance check");
        }
        return shard.get().contains(id.get()) ? FilterResult.included("in shard " + shard.get())
                : FilterResult.excluded("in another shard than " + shard.get());
    }
}
