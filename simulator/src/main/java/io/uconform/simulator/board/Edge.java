package io.uconform.simulator.board;

/** Which level changes an edge listener (an IRQ) is called for. */
public enum Edge {
    RISING, FALLING, BOTH;

    /** Whether a change from {@code oldLevel} to {@code newLevel} triggers this edge. */
    public boolean matches(int oldLevel, int newLevel) {
        if (oldLevel == newLevel) {
            return false;
        }
        return this == BOTH || (this == RISING) == (newLevel > oldLevel);
    }
}
