package io.uconform.kind.esp32;

import io.uconform.credentials.WifiCredentials;
import io.uconform.link.Link;
import io.uconform.probe.BoardProbe;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/** What the esp32 target talks to: a board on a serial/TCP link, or the in-process virtual ESP32. */
interface BoardConnection extends AutoCloseable {

    /** A link to the board's UART; the target closes it when it stops. */
    Link open() throws IOException;

    /** Station credentials written into the board's config.json, if any. */
    Optional<WifiCredentials> wifi();

    /** The probe when no loopback wires are declared (the target uses a loopback probe otherwise). */
    BoardProbe probe();

    /** True when the board's server runs on this host and must bind to loopback. */
    boolean loopbackServer();

    Map<String, String> facts();

    @Override
    void close();

    /** A real board: a link opener and the user's settings. */
    static BoardConnection serial(LinkOpener opener, Optional<WifiCredentials> wifi) {
        return new BoardConnection() {
            @Override
            public Link open() throws IOException {
                return opener.open();
            }

            @Override
            public Optional<WifiCredentials> wifi() {
                return wifi;
            }

            @Override
            public BoardProbe probe() {
                return BoardProbe.none(io.uconform.probe.LoopbackProbe.NO_WIRES);
            }

            @Override
            public boolean loopbackServer() {
                return false;
            }

            @Override
            public Map<String, String> facts() {
                return Map.of();
            }

            @Override
            public void close() {
                // nothing held between starts
            }
        };
    }
}
