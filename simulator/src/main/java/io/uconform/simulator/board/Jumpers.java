package io.uconform.simulator.board;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;

/** The jumper wires of a board; guarded by the owning board's lock. */
final class Jumpers {

    private final List<Jumper> wires = new ArrayList<>();

    void add(int from, int to) {
        if (from == to) {
            throw new BoardException("a wire from GPIO " + from + " to itself connects nothing");
        }
        for (Jumper j : wires) {
            if (j.touches(from) || j.touches(to)) {
                throw new BoardException("wire " + from + ">" + to + ": a pin is already on wire " + j);
            }
        }
        wires.add(new Jumper(from, to));
    }

    List<Jumper> list() {
        return List.copyOf(wires);
    }

    /**
     * Each wired pin takes what its partner puts on the wire, then is settled (one pass suffices:
     * a pin is on one wire at most, and what an output puts on a wire does not depend on the wire).
     */
    void propagate(IntFunction<PinSlot> slots, Function<PinSlot, Integer> drive, Consumer<PinSlot> settle) {
        for (Jumper j : wires) {
            PinSlot from = slots.apply(j.from());
            PinSlot to = slots.apply(j.to());
            Integer fromDrive = drive.apply(from);
            from.wireMillivolts = drive.apply(to);
            to.wireMillivolts = fromDrive;
            settle.accept(from);
            settle.accept(to);
        }
    }
}
