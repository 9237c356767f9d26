package io.uconform.suite;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a class of conformance checks. The class runs once per selected target (a JUnit class
 * template); its {@link Check} methods get a {@link CheckContext} injected. Checks never build
 * targets themselves: the target is chosen by configuration ({@code -Dtarget=...}, a targets
 * file, or the CLI). When the run is parallel (a target pool), the classes still run one after
 * another in their {@code @Order} (the run's default execution mode is {@code same_thread}, which
 * {@link TargetExtension} insists on), the targets take each class side by side
 * ({@link TargetsSideBySide}) and the checks run concurrently ({@link Check} is {@code CONCURRENT}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ClassTemplate
@ExtendWith(TargetExtension.class)
@TestMethodOrder(TargetsSideBySide.class)
public @interface ConformanceChecks {
}
