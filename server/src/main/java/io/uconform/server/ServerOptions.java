package io.uconform.server;

import io.uconform.server.cors.CorsPolicy;
import io.uconform.server.tls.TlsConfig;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How a {@link ReferenceServer} listens.
 *
 * @param bindAddress the local address, default {@code 127.0.0.1}; {@code ::} for every IPv6/IPv4 address
 * @param port the TCP port; 0 picks a free one (read it back with {@link ReferenceServer#port()})
 * @param limits resource limits
 * @param faults injected faults, empty for a conforming server
 * @param cors CORS policy, {@link CorsPolicy#off()} by default
 * @param tls the certificate for HTTPS, {@link TlsConfig#off()} (plain HTTP) by default
 */
public record ServerOptions(String bindAddress, int port, ServerLimits limits, Set<ServerFault> faults,
                            CorsPolicy cors, TlsConfig tls) {

    public ServerOptions {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(limits, "limits");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        faults = faults.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(faults));
        cors = cors == null ? CorsPolicy.off() : cors;
        tls = tls == null ? TlsConfig.off() : tls;
    }

    /** Plain HTTP without CORS. */
    public ServerOptions(String bindAddress, int port, ServerLimits limits, Set<ServerFault> faults) {
        this(bindAddress, port, limits, faults, CorsPolicy.off(), TlsConfig.off());
    }

    public static ServerOptions defaults() {
        return new ServerOptions("127.0.0.1", 0, ServerLimits.reference(), Set.of());
    }

    public ServerOptions withPort(int newPort) {
        return new ServerOptions(bindAddress, newPort, limits, faults, cors, tls);
    }

    public ServerOptions withLimits(ServerLimits newLimits) {
        return new ServerOptions(bindAddress, port, newLimits, faults, cors, tls);
    }

    public ServerOptions withFaults(Set<ServerFault> newFaults) {
        return new ServerOptions(bindAddress, port, limits, newFaults, cors, tls);
    }

    public ServerOptions withBindAddress(String newBindAddress) {
        return new ServerOptions(newBindAddress, port, limits, faults, cors, tls);
    }

    public ServerOptions withCors(CorsPolicy newCors) {
        return new ServerOptions(bindAddress, port, limits, faults, newCors, tls);
    }

    public ServerOptions withTls(TlsConfig newTls) {
        return new ServerOptions(bindAddress, port, limits, faults, cors, newTls);
    }

    public boolean has(ServerFault fault) {
        return faults.contains(fault);
    }
}
