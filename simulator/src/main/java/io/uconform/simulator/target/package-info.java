/**
 * The {@code sim} target kind: the JVM reference server on a virtual board, in this JVM
 * ({@link io.uconform.simulator.target.SimTargetKind}, options in
 * {@link io.uconform.simulator.target.SimOptions}), and
 * {@link io.uconform.simulator.target.VirtualBoardProbe}, the {@code BoardProbe} of a virtual board
 * (also used by the {@code host} target).
 */
package io.uconform.simulator.target;
