package io.uconform.record;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A check (or every check of a class) whose verdict a recording cannot reproduce, with why (it
 * waits on the device's timers, needs its pins, restarts it). Checks that open raw connections,
 * read the board probe or the console, or declare a timeout limit are found without this; a replay
 * skips them all with "not replayable: <why>".
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface NotReplayable {

    /** Why, e.g. {@code "waits for the device to reboot"}. */
    String value();
}
