package io.uconform.probe;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Jumper wires on a bench board, in the text form {@code 2>18,21>0}: each {@code a>b} connects pin
 * {@code a} to pin {@code b}. A wire lets a probe observe pin {@code a} (reading {@code b} as an input)
 * and drive pin {@code b} (setting {@code a} as an output). A pin is on at most one wire. Immutable.
 *
 * @param wires the wires in declaration order
 */
public record LoopbackWires(List<Wire> wires) {

    /** One jumper from pin {@code from} to pin {@code to}. */
    public record Wire(int from, int to) {
        @Override
        public String toString() {
            return from + ">" + to;
        }
    }

    public LoopbackWires {
        wires = List.copyOf(wires);
    }

    public static LoopbackWires none() {
        return new LoopbackWires(List.of());
    }

    /**
     * Parses {@code a>b[,c>d...]}; {@link IllegalArgumentException} with one line naming the bad
     * part when a pin is not a number, a pin is used twice, or a wire loops onto its own pin.
     */
    public static LoopbackWires parse(String text) {
        List<Wire> wires = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        for (String part : text.split(",", -1)) {
            String p = part.trim();
            int gt = p.indexOf('>');
            if (gt < 0 || gt != p.lastIndexOf('>')) {
                throw new IllegalArgumentException("'" + p + "' is not a wire a>b (e.g. 2>18,21>0)");
            }
            Wire wire = new Wire(pin(p.substring(0, gt), p), pin(p.substring(gt + 1), p));
            if (wire.from() == wire.to()) {
                throw new IllegalArgumentException("wire " + wire + " connects pin " + wire.from() + " to itself");
            }
            for (int pin : new int[] {wire.from(), wire.to()}) {
                if (!used.add(pin)) {
                    throw new IllegalArgumentException("pin " + pin + " is on more than one wire (" + p + ")");
                }
            }
            wires.add(wire);
        }
        return new LoopbackWires(wires);
    }

    private static int pin(String number, String wire) {
        try {
            int n = Integer.parseInt(number.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + number.trim() + "' in wire '" + wire + "' is not a pin number");
        }
    }

    public boolean isEmpty() {
        return wires.isEmpty();
    }

    /** The wire through which {@code pin} is observed (it is the wire's {@code from}). */
    public Optional<Wire> observing(int pin) {
        return wires.stream().filter(w -> w.from() == pin).findFirst();
    }

    /** The wire through which {@code pin} is driven (it is the wire's {@code to}). */
    public Optional<Wire> driving(int pin) {
        return wires.stream().filter(w -> w.to() == pin).findFirst();
    }

    @Override
    public String toString() {
        return wires.stream().map(Wire::toString).collect(Collectors.joining(","));
    }
}
