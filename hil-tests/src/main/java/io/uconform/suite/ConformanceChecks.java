package io.uconform.suite;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a class of conformance checks. The class runs once per selected target (a JUnit class
 * template); its {@link Check} methods get a {@link CheckContext} injected. Checks never build
 * targets themselves: the target is chosen by configuration ({@code -Dtarget=...}, a targets
 * file, or the CLI).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ClassTemplate
@ExtendWith(TargetExtension.class)
public @interface ConformanceChecks {
}
