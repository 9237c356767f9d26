package io.uconform.suite;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a check takes from the profile: the route roles it requests ({@link CheckContext#route}),
 * the limits it takes as the server's own claim ({@link CheckContext#limit}) and the parameters it
 * reads ({@link CheckContext#param}). On a class it applies to every check of the class, adding to
 * the check's own. A check whose needs the profile does not meet is skipped with the reason before
 * it runs, and {@code uconform run --explain} lists them without running anything; a check that asks
 * for something it did not declare fails (a mistake in the suite, never a verdict on the server).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Needs {

    /** Route roles, e.g. {@code "index"}, {@code "json"}. */
    String[] routes() default {};

    /** Limit names as in the profile file, e.g. {@code "maxHeaderBytes"}, {@code "headerTimeoutMs"}. */
    String[] limits() default {};

    /** Parameter names, e.g. {@code "ledPin"}. */
    String[] params() default {};
}
