/**
 * The {@code sim} target kind: the JVM reference server on a virtual board, in this JVM
 * ({@link io.uconform.kind.sim.SimTargetKind}, options in
 * {@link io.uconform.kind.sim.SimOptions}), and
 * {@link io.uconform.kind.sim.VirtualBoardProbe}, the {@code BoardProbe} of a virtual board
 * (also used by the {@code host} target).
 */
package io.uconform.kind.sim;
