package io.uconform.kind.esp32;

import io.uconform.link.JSerialCommLink;
import io.uconform.link.Link;
import io.uconform.link.PortFinder;
import io.uconform.link.TcpLink;
import java.io.IOException;
import java.time.Duration;

/** Opens the link the options name; with none named, the one board on a known ESP32 USB bridge. */
@FunctionalInterface
public interface LinkOpener {

    Link open() throws IOException;

    static LinkOpener from(Esp32TargetOptions options) {
        if (options.tcp().isPresent()) {
            return () -> TcpLink.connect(options.tcp().get(), Duration.ofSeconds(5));
        }
        if (options.vidpid().isPresent()) {
            return () -> JSerialCommLink.openByUsbId(options.vidpid().get(), 115_200);
        }
        if (options.port().isPresent()) {
            return () -> JSerialCommLink.open(options.port().get(), 115_200);
        }
        return () -> {
            try {
                return JSerialCommLink.open(PortFinder.soleKnownBridge(JSerialCommLink.listPorts()).path(), 115_200);
            } catch (IllegalArgumentException e) {
                throw new IOException(e.getMessage(), e);
            }
        };
    }
}
