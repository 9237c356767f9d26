package io.uconform.suite;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * One conformance check. It names exactly one requirement ID of the contract
 * ({@code docs/CONFORMANCE.md}); its group decides whether the target's profile claims it.
 * A check of an unclaimed group is skipped as "not claimed"; a waived requirement as "waived".
 * In a parallel run (a target pool) the checks of a class run concurrently, each on an instance of
 * its own ({@link RunsAlone} for those that must not share the machine with their neighbours).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Test
@Execution(ExecutionMode.CONCURRENT)
public @interface Check {

    /** The requirement ID, e.g. {@code "KA-01"}. */
    String value();
}
