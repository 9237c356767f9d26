/**
 * The virtual board: {@link io.uconform.simulator.board.VirtualBoard} (pins with modes, pulls and
 * levels; outside inputs such as buttons and voltages; PWM; ADC; edge listeners; resets; faults)
 * built from a {@link io.uconform.simulator.board.BoardProfile} (data: ESP32-DevKitC,
 * ESP32-C3-DevKitM), with a bounded {@link io.uconform.simulator.board.Timeline} of everything that
 * happened. No I/O; thread-safe.
 */
package io.uconform.simulator.board;
