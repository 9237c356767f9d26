package io.uconform.server.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Generates a throw-away self-signed certificate for {@code localhost}, {@code 127.0.0.1} and
 * {@code ::1} with the JDK's own {@code keytool} (no key material is ever committed). For tests
 * and the simulator's {@code tls=on}.
 */
public final class SelfSignedKeystore {
    private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

    private SelfSignedKeystore() {
    }

    /**
     * Writes {@code uconform-tls.p12} into {@code directory} with a random password.
     *
     * @throws IOException one line when keytool is missing, fails or takes longer than a minute
     */
    public static TlsConfig generate(Path directory) throws IOException {
        byte[] secret = new byte[12];
        new SecureRandom().nextBytes(secret);
        String password = HexFormat.of().formatHex(secret);
        Path keystore = directory.resolve("uconform-tls.p12");
        Files.deleteIfExists(keystore);
        Path keytool = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "keytool.exe" : "keytool");
        if (!Files.isExecutable(keytool)) {
            throw new IOException("keytool not found at " + keytool + "; cannot generate a TLS certificate");
        }
        List<String> command = List.of(keytool.toString(), "-genkeypair", "-alias", "uconform",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1,ip:::1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass:env", "UCONFORM_KS_PASS", "-keypass:env", "UCONFORM_KS_PASS", "-noprompt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("UCONFORM_KS_PASS", password);
        Process process = builder.start();
        try {
            if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("keytool did not finish within " + KEYTOOL_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while generating a TLS certificate", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (process.exitValue() != 0 || !Files.isRegularFile(keystore)) {
            throw new IOException("keytool failed (exit " + process.exitValue() + "): "
                    + output.lines().findFirst().orElse("no output"));
        }
        return TlsConfig.pkcs12(keystore, password);
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win");
    }
}
