package io.uconform.suite;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A check whose verdict rests on how many connections or subscribers the target holds (slot
 * limits, subscriber caps): in a pool it gets an instance that no check has used for
 * {@link TargetPool#QUIET} (or one not used yet), so that clients an earlier check left behind,
 * which a server notices only at its next write or timeout, cannot fill a slot it counts on.
 * Without a pool it changes nothing.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CountsConnections {
}
