package io.uconform.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContext;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContextProvider;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a {@link ConformanceChecks} class once per selected target. Targets come from
 * configuration only ({@link SuiteSettings}); each is a {@link TargetPool} of one or more
 * instances, started once per run and shared by every check class through JUnit's root store,
 * which closes it when the run ends. Each invocation is
 * named after its target ({@code [sim]}, {@code [url:http://...]}) and carries the extensions that
 * apply claims, inject the {@link CheckContext}, enforce the hard timeout and keep the evidence.
 */
public class TargetExtension implements ClassTemplateInvocationContextProvider {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(TargetExtension.class);

    @Override
    public boolean supportsClassTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<ClassTemplateInvocationContext> provideClassTemplateInvocationContexts(ExtensionContext context) {
        requireClassesInOrder(context);
        ClassStages.Stage stage = ClassStages.of(context.getRequiredTestClass(), parallel(context));
        if (stage == ClassStages.Stage.LAST) {
            ClassStages.awaitEarlierClasses();
        }
        SuiteSettings settings = context.getRoot().getStore(NS)
                .getOrComputeIfAbsent(SuiteSettings.class, k -> SuiteSettings.from(context::getConfigurationParameter),
                        SuiteSettings.class);
        List<TargetPool> sessions = settings.selections().stream().distinct()
                .map(selection -> context.getRoot().getStore(NS)
                        .getOrComputeIfAbsent(selection, TargetPool::new, TargetPool.class))
                .toList();
        if (stage == ClassStages.Stage.LAST) {
            for (TargetPool pool : sessions) {
                try {
                    pool.awaitRested();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        List<ClassTemplateInvocationContext> invocations = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            invocations.add(invocation(label(sessions, i), sessions.get(i), settings, stage));
        }
        return invocations.stream();
    }

    private static boolean parallel(ExtensionContext context) {
        return context.getConfigurationParameter(SuiteParallelism.ENABLED).map(Boolean::parseBoolean).orElse(false);
    }

    /**
     * The {@link LastConformanceChecks} classes must run one after another ({@code @Order}: hostile
     * campaigns last), after the concurrent ones; in a parallel run that takes the default execution
     * mode {@code same_thread} ({@link SuiteParallelism}), since a class template's own mode cannot
     * be set apart from its per-target invocations'.
     */
    private static void requireClassesInOrder(ExtensionContext context) {
        boolean parallel = parallel(context);
        String mode = context.getConfigurationParameter(SuiteParallelism.MODE).orElse("same_thread").trim();
        if (parallel && !mode.equalsIgnoreCase("same_thread")) {
            throw new org.junit.jupiter.api.extension.ExtensionConfigurationException(SuiteParallelism.MODE + " is '"
                    + mode + "': a parallel conformance run needs same_thread, so that the check classes keep their"
                    + " order (their checks and targets still run concurrently)");
        }
    }

    /** The target's name; with {@code #n} when a targets file names two targets alike (two sims). */
    private static String label(List<TargetPool> sessions, int index) {
        String name = sessions.get(index).name();
        long same = sessions.stream().filter(s -> s.name().equals(name)).count();
        return same == 1 ? name : name + "#" + (index + 1);
    }

    private static ClassTemplateInvocationContext invocation(String label, TargetPool session, SuiteSettings settings,
                                                             ClassStages.Stage stage) {
        return new ClassTemplateInvocationContext() {
            @Override
            public String getDisplayName(int invocationIndex) {
                return "[" + label + "]";
            }

            @Override
            public List<Extension> getAdditionalExtensions() {
                return List.of(new CheckSupport(session, label, stage), new CheckTimeout(settings.checkTimeout(), label));
            }
        };
    }

    @Override
    public boolean mayReturnZeroClassTemplateInvocationContexts(ExtensionContext context) {
        return true;
    }
}
