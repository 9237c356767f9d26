package io.uconform.suite;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Marks a class of conformance checks. The class runs once per selected target (a JUnit class
 * template); its {@link Check} methods get a {@link CheckContext} injected. Checks never build
 * targets themselves: the target is chosen by configuration ({@code -Dtarget=...}, a targets
 * file, or the CLI). Without parallel execution the classes run one after another in their
 * {@code @Order}. When the run is parallel (a target pool), these classes, which leave the target
 * as they found it, run concurrently with each other (the class is {@code CONCURRENT}, and so are
 * its per-target invocations and its checks, each on an instance of its own); the
 * {@link LastConformanceChecks} classes (malformed input, hostile campaigns, rewritten secrets) run
 * after all of them, on instances no earlier check gets again ({@link ClassStages}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ClassTemplate
@ExtendWith(TargetExtension.class)
@TestMethodOrder(TargetsSideBySide.class)
@Execution(ExecutionMode.CONCURRENT)
public @interface ConformanceChecks {
}
