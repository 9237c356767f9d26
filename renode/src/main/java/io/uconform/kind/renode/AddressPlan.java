package io.uconform.kind.renode;

import io.uconform.spi.TargetException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The fixed network of an emulated run: the board's Ethernet MAC on an in-emulation switch, the
 * switch joined to a host TAP interface; the host end of the TAP and the board each have a static
 * IPv4 address in one /24 (no DHCP: Renode has none built in). Defaults are from TEST-NET-1
 * (RFC 5737), which is never routed, so the plan cannot clash with a real network.
 *
 * @param tap     host TAP interface name (at most 15 characters, Linux IFNAMSIZ)
 * @param hostIp  the host end of the TAP, the board's gateway
 * @param boardIp the board's static address
 */
public record AddressPlan(String tap, String hostIp, String boardIp) {

    public static final AddressPlan DEFAULT = new AddressPlan("uconform0", "192.0.2.1", "192.0.2.2");
    public static final String NETMASK = "255.255.255.0";

    public AddressPlan {
        if (!tap.matches("[A-Za-z0-9_.-]{1,15}")) {
            throw new TargetException("renode: option tap: '" + tap + "' is not a Linux interface name (1-15 of A-Z a-z 0-9 _ . -)");
        }
        byte[] host = ipv4("host-ip", hostIp);
        byte[] board = ipv4("board-ip", boardIp);
        if (host[0] != board[0] || host[1] != board[1] || host[2] != board[2] || host[3] == board[3]) {
            throw new TargetException("renode: host-ip " + hostIp + " and board-ip " + boardIp
                    + " must be two different addresses of one /24");
        }
    }

    private static byte[] ipv4(String option, String value) {
        if (!value.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            throw new TargetException("renode: option " + option + ": '" + value + "' is not a dotted IPv4 address");
        }
        try {
            InetAddress a = InetAddress.getByName(value);
            if (!(a instanceof Inet4Address)) {
                throw new TargetException("renode: option " + option + ": '" + value + "' is not IPv4");
            }
            return a.getAddress();
        } catch (UnknownHostException e) {
            throw new TargetException("renode: option " + option + ": '" + value + "' is not an IPv4 address");
        }
    }

    /** The one-time host set-up this plan needs (root once; Renode then runs unprivileged). */
    public String hostSetup() {
        return "sudo ip tuntap add dev " + tap + " mode tap user $(id -u) && sudo ip addr add " + hostIp + "/24 dev "
                + tap + " && sudo ip link set " + tap + " up";
    }
}
