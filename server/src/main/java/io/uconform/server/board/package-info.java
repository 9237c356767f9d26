/**
 * The reference board API (CONFORMANCE section 3: LED, GPIO, ADC, PWM, blink, system, config) and
 * the diagnostic routes {@code /raise} and {@code /echo}, installed on an {@code App} by
 * {@link io.uconform.server.board.BoardApi} against the small {@link io.uconform.server.board.Board}
 * interface. The server never depends on a board implementation: the simulator supplies one.
 */
package io.uconform.server.board;
