package io.uconform.simulator.board;

/**
 * A jumper wire between two pins of a board, as on a test bench (declared {@code from>to}). An
 * output on either end drives the other end over its pull, with the level an outside observer
 * would see (a dead or stuck output shows through the wire). Immutable.
 */
public record Jumper(int from, int to) {

    boolean touches(int pin) {
        return from == pin || to == pin;
    }

    @Override
    public String toString() {
        return from + ">" + to;
    }
}
