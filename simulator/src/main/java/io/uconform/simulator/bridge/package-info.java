/**
 * The host runtime bridge: {@link io.uconform.simulator.bridge.HostBridge} serves the stand-in
 * {@code machine}, {@code network} and {@code esp32} modules (resources under {@code hostrt/}) of a
 * MicroPython app running on the host, on top of the virtual board. Loopback only.
 */
package io.uconform.simulator.bridge;
