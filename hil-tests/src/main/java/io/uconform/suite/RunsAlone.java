package io.uconform.suite;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A check whose verdict rests on measured time (a timeout's length, the pace of retries or of
 * background work): while it runs, no other check runs on its target's pool, so the load of
 * neighbouring checks cannot make it fail or pass. Every check already has an instance to itself;
 * this also keeps the other instances of the pool quiet. Without a pool it changes nothing.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RunsAlone {
}
