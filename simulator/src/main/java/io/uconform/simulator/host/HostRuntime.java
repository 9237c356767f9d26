package io.uconform.simulator.host;

import io.uconform.spi.TargetException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.regex.Pattern;

/**
 * What the host runtime and the {@code host} kind agree on: the firmware's console lines, the
 * exit code of a {@code machine.reset()}, the virtual access point's name, a free loopback port.
 */
public final class HostRuntime {

    /** The interpreter's exit status after {@code machine.reset()} (the stand-in module exits with it). */
    public static final int RESET_EXIT_CODE = 75;
    /** The firmware's ready line, group 1 its base URL. */
    public static final Pattern READY = Pattern.compile("UCONFORM READY url=(http://\\S+?)/?(\\s|$)");
    /** The firmware's boot line, group 1 the firmware, group 2 the interpreter. */
    public static final Pattern BOOT = Pattern.compile("UCONFORM BOOT firmware=(\\S+) interpreter=(.+)$");
    /** The SSID of the virtual access point the firmware joins. */
    public static final String VIRTUAL_SSID = "uconform-virtual-ap";

    private HostRuntime() {
    }

    /** A loopback port free at the time of asking. */
    public static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new TargetException("target 'host': no free loopback port: " + e.getMessage());
        }
    }
}
