package io.uconform.kind.renode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uconform.spi.TargetException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The emulated board's {@code config.json}: the app's own file with the board name and the wired
 * network ({@code "net": {"mode": "lan", "ip", "netmask", "gateway", "dns"}}, static, from the
 * address plan) set, every other key kept.
 */
final class BoardConfig {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BoardConfig() {
    }

    static byte[] forBoard(byte[] existing, BoardProfile board, AddressPlan plan) {
        ObjectNode root;
        try {
            root = existing == null || existing.length == 0 ? JSON.createObjectNode()
                    : (ObjectNode) JSON.readTree(existing);
        } catch (IOException | ClassCastException e) {
            throw new TargetException("renode: the app's config.json is not a JSON object: " + e.getMessage());
        }
        section(root, "device").put("board", board.name());
        ObjectNode net = section(root, "net");
        net.put("mode", "lan");
        net.put("ip", plan.boardIp());
        net.put("netmask", AddressPlan.NETMASK);
        net.put("gateway", plan.hostIp());
        net.put("dns", plan.hostIp());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode section(ObjectNode root, String name) {
        if (!(root.get(name) instanceof ObjectNode)) {
            root.set(name, JSON.createObjectNode());
        }
        return (ObjectNode) root.get(name);
    }
}
