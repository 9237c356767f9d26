package io.uconform.suite;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a class of conformance checks that leaves its target changed for the checks after it:
 * malformed or oversized input, hostile campaigns, or state a later check must not meet (BOOT-02's
 * throwaway secrets). Otherwise it is a {@link ConformanceChecks} class. Without a pool it changes
 * nothing: every class runs in its {@code @Order}. In a parallel run (a target pool) these classes
 * run after every {@link ConformanceChecks} class has finished, one after another in their
 * {@code @Order} (their checks and targets still run concurrently), and an instance that served one
 * of their checks is never lent to a {@link ConformanceChecks} class's check again ({@link ClassStages}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ClassTemplate
@ExtendWith(TargetExtension.class)
@TestMethodOrder(TargetsSideBySide.class)
public @interface LastConformanceChecks {
}
