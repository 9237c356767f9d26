package io.uconform.simulator.esp32;

import io.uconform.simulator.board.BoardProfile;
import io.uconform.simulator.board.BoardProfiles;
import io.uconform.simulator.board.VirtualBoard;
import io.uconform.simulator.bridge.HostBridge;
import io.uconform.simulator.bridge.VirtualAccessPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * The pins, LED and Wi-Fi of a virtual ESP32 served on its own (no host bridge given in its
 * options): a virtual board of the chip's devkit, its bridge, and the stand-in modules, so that
 * {@code import machine} and {@code import network} work as on any board. Its access point has a
 * random password nobody knows: the board sees a network it cannot join, as in a room without yours.
 */
final class OwnBoard implements AutoCloseable {

    private final VirtualBoard board;
    private final HostBridge bridge;
    private final Path hostRuntime;

    private OwnBoard(VirtualBoard board, HostBridge bridge, Path hostRuntime) {
        this.board = board;
        this.bridge = bridge;
        this.hostRuntime = hostRuntime;
    }

    static OwnBoard start(ChipModel chip) {
        BoardProfile profile = chip == ChipModel.ESP32_C3 ? BoardProfiles.ESP32C3_DEVKITM : BoardProfiles.ESP32_DEVKITC;
        byte[] secret = new byte[9];
        new SecureRandom().nextBytes(secret);
        Path dir;
        try {
            dir = Files.createTempDirectory("uconform-esp32-hostrt");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the virtual ESP32's modules: " + e.getMessage(), e);
        }
        VirtualBoard board = VirtualBoard.powerOn(profile);
        HostBridge bridge = HostBridge.start(board, new VirtualAccessPoint("uconform-virtual-ap",
                "v" + HexFormat.of().formatHex(secret)));
        return new OwnBoard(board, bridge, HostRuntime.extractTo(dir));
    }

    VirtualBoard board() {
        return board;
    }

    String bridgeAddress() {
        return bridge.address();
    }

    Path hostRuntime() {
        return hostRuntime;
    }

    @Override
    public void close() {
        bridge.close();
        try (Stream<Path> walk = Files.walk(hostRuntime)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
