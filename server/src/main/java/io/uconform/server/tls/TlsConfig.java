package io.uconform.server.tls;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The server certificate for HTTPS (TLS-01): a PKCS12 keystore holding one private key entry.
 * Immutable. {@link #toString()} never shows the password.
 *
 * @param keystore the PKCS12 file; null means TLS is off
 * @param password the keystore (and key) password
 */
public record TlsConfig(Path keystore, String password) {

    public TlsConfig {
        password = password == null ? "" : password;
    }

    /** Plain HTTP. */
    public static TlsConfig off() {
        return new TlsConfig(null, "");
    }

    public static TlsConfig pkcs12(Path keystore, String password) {
        return new TlsConfig(Objects.requireNonNull(keystore, "keystore"), password);
    }

    public boolean enabled() {
        return keystore != null;
    }

    public Optional<Path> keystorePath() {
        return Optional.ofNullable(keystore);
    }

    @Override
    public String toString() {
        return enabled() ? "TlsConfig[pkcs12 " + keystore + ", password ****]" : "TlsConfig[off]";
    }
}
