package io.uconform.suite;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Marks a class of conformance checks. The class runs once per selected target (a JUnit class
 * template); its {@link Check} methods get a {@link CheckContext} injected. Checks never build
 * targets themselves: the target is chosen by configuration ({@code -Dtarget=...}, a targets
 * file, or the CLI). When the run is parallel (a target pool), the classes still run one after
 * another in their {@code @Order} ({@code SAME_THREAD} here) while their checks run concurrently
 * ({@link Check} is {@code CONCURRENT}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ClassTemplate
@ExtendWith(TargetExtension.class)
@Execution(ExecutionMode.SAME_THREAD)
public @interface ConformanceChecks {
}
