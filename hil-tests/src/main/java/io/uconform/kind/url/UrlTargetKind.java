package io.uconform.kind.url;

import io.uconform.spi.Availability;
import io.uconform.spi.Target;
import io.uconform.spi.TargetException;
import io.uconform.spi.TargetKind;
import io.uconform.spi.TargetSpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * The {@code url} kind: attach to a server that is already running (a device on the network, a
 * server started by someone else). Option {@code url} (required). Available when the host accepts
 * a TCP connection within 2 s. The harness does not own its lifecycle.
 */
public final class UrlTargetKind implements TargetKind {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    @Override
    public String name() {
        return "url";
    }

    @Override
    public java.util.List<io.uconform.spi.KindOption> options() {
        return UrlOptions.OPTIONS;
    }

    @Override
    public Availability availability(TargetSpec spec) {
        UrlOptions options;
        try {
            options = UrlOptions.from(spec);
        } catch (TargetException e) {
            return Availability.unavailable(e.getMessage());
        }
        String host = options.uri().getHost();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, options.port()), (int) CONNECT_TIMEOUT.toMillis());
            return Availability.available();
        } catch (IOException e) {
            return Availability.unavailable("url " + options.uri() + " does not answer a TCP connect within "
                    + CONNECT_TIMEOUT.toSeconds() + " s (" + e.getMessage() + ")");
        }
    }

    @Override
    public Target create(TargetSpec spec) {
        return new UrlTarget(UrlOptions.from(spec));
    }
}
