package io.uconform.kind.sim;

import io.uconform.server.board.DeviceSettings;
import io.uconform.server.tls.SelfSignedKeystore;
import io.uconform.server.tls.TlsConfig;
import io.uconform.server.tls.TlsContexts;
import io.uconform.simulator.SimulatedDevice;
import io.uconform.spi.TargetException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Applies {@link SimAccessOptions} to a device and reports them as target facts, which the CORS,
 * TLS and NET6 checks read: {@code cors=on|off}, {@code bind}, {@code tls.url}, {@code tls.sha256}.
 */
final class SimAccess {
    private SimAccess() {
    }

    static DeviceSettings withCredentials(DeviceSettings s, SimAccessOptions access) {
        return new DeviceSettings(s.name(), s.board(), s.staSsid(), s.staPassword(), s.apEssid(), s.apPassword(),
                s.app(), s.homeUrl(), access.authUser(), access.authPassword());
    }

    /** A throw-away certificate from keytool in an owner-only temp directory removed when the JVM exits. */
    static TlsConfig generateCertificate() {
        try {
            Path dir = io.uconform.cleanup.TempDirectories.create("uconform-sim-tls-");
            return SelfSignedKeystore.generate(dir);
        } catch (IOException e) {
            throw new TargetException("sim: tls=on needs a certificate: " + e.getMessage(), e);
        }
    }

    static Map<String, String> facts(SimAccessOptions access, SimulatedDevice device, TlsConfig tls) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("cors", access.cors() ? "on" : "off");
        facts.put("bind", access.bind());
        device.tlsUri().ifPresent(uri -> {
            facts.put("tls.url", uri.toString());
            facts.put("tls.sha256", TlsContexts.certificateSha256(tls));
        });
        return facts;
    }
}
