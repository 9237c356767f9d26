package io.uconform.suite;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContext;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContextProvider;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a {@link ConformanceChecks} class once per selected target. Targets come from
 * configuration only ({@link SuiteSettings}); each is started once per run and shared by every
 * check class through JUnit's root store, which closes it when the run ends. Each invocation is
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
        SuiteSettings settings = context.getRoot().getStore(NS)
                .getOrComputeIfAbsent(SuiteSettings.class, k -> SuiteSettings.from(context::getConfigurationParameter),
                        SuiteSettings.class);
        return settings.selections().stream().map(selection -> invocation(context, selection, settings));
    }

    private static ClassTemplateInvocationContext invocation(ExtensionContext context, TargetSelection selection,
                                                             SuiteSettings settings) {
        TargetSession session = context.getRoot().getStore(NS)
                .getOrComputeIfAbsent(selection, TargetSession::new, TargetSession.class);
        return new ClassTemplateInvocationContext() {
            @Override
            public String getDisplayName(int invocationIndex) {
                return "[" + session.name() + "]";
            }

            @Override
            public List<Extension> getAdditionalExtensions() {
                return List.of(new CheckSupport(session), new CheckTimeout(settings.checkTimeout(), session.name()));
            }
        };
    }

    @Override
    public boolean mayReturnZeroClassTemplateInvocationContexts(ExtensionContext context) {
        return true;
    }
}
