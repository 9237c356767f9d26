package io.uconform.server.tls;

import io.uconform.server.ServerStartException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** Builds the server's {@link SSLContext} from a {@link TlsConfig}; every failure is one line. */
public final class TlsContexts {

    private TlsContexts() {
    }

    /**
     * The SHA-256 fingerprint (lower-case hex) of the keystore's first certificate, for clients
     * that pin a self-signed certificate instead of trusting a CA.
     */
    public static String certificateSha256(TlsConfig config) {
        try (InputStream in = Files.newInputStream(config.keystore())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, config.password().toCharArray());
            String alias = store.aliases().nextElement();
            byte[] der = store.getCertificate(alias).getEncoded();
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(der));
        } catch (IOException | GeneralSecurityException | java.util.NoSuchElementException e) {
            throw new IllegalArgumentException("cannot read the certificate of " + config.keystore() + ": " + e.getMessage(), e);
        }
    }

    /** @throws ServerStartException naming the keystore and what is wrong with it */
    public static SSLContext serverContext(TlsConfig config) {
        if (!config.enabled()) {
            throw new IllegalArgumentException("TLS is off: no keystore configured");
        }
        char[] password = config.password().toCharArray();
        try (InputStream in = Files.newInputStream(config.keystore())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new ServerStartException("cannot read TLS keystore " + config.keystore()
                    + " (missing file or wrong password): " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new ServerStartException("TLS keystore " + config.keystore() + " is unusable: " + e.getMessage(), e);
        }
    }
}
