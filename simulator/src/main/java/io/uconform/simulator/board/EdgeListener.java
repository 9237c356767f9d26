package io.uconform.simulator.board;

/**
 * Called when a pin's digital level changes in a way its {@link Edge} selects: the Java side of a
 * pin IRQ. Called on the thread that caused the change, after the board's lock is released, so a
 * listener may call back into the board. Exceptions thrown by a listener are logged and dropped.
 */
@FunctionalInterface
public interface EdgeListener {

    void onEdge(int pin, int level, long atMillis);
}
