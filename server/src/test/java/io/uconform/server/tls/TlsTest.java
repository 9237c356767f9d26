package io.uconform.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uconform.server.ServerOptions;
import io.uconform.server.ServerStartException;
import io.uconform.server.auth.AccessServer;
import io.uconform.server.auth.Raw;
import io.uconform.server.support.RawResponse;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** TLS-01 with a certificate made by keytool at test time and trusted explicitly by the client. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class TlsTest {
    @TempDir
    static Path dir;
    private static TlsConfig tls;

    @BeforeAll
    static void certificate() throws Exception {
        tls = SelfSignedKeystore.generate(dir);
    }

    @Test
    void tls01_httpsGivesTheSameResponsesAsHttp() throws Exception {
        try (AccessServer plain = AccessServer.start(dir.resolve("plain"));
             AccessServer secure = AccessServer.start(dir.resolve("secure"), ServerOptions.defaults().withTls(tls))) {
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(tls)).connectTimeout(Duration.ofSeconds(5)).build();
            for (String path : new String[] {"/files/index.html", "/files/", "/nowhere", "/api/whoami"}) {
                HttpResponse<String> https = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + secure.port() + path))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                RawResponse http = Raw.get(plain.port(), path);
                assertThat(https.statusCode()).as(path).isEqualTo(http.status());
                assertThat(https.body()).as(path).isEqualTo(http.text());
                assertThat(https.headers().firstValue("content-type")).as(path).contains(http.header("Content-Type"));
            }
        }
    }

    @Test
    void tls01_plainHttpOnTheTlsPortIsClosedPromptly() throws Exception {
        try (AccessServer secure = AccessServer.start(dir.resolve("s2"), ServerOptions.defaults().withTls(tls));
             Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", secure.port()), 2000);
            socket.setSoTimeout(3000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /files/index.html HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            InputStream in = socket.getInputStream();
            byte[] received = in.readNBytes(4096); // returns at EOF; a hang would end in SocketTimeoutException
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(new String(received, StandardCharsets.ISO_8859_1)).doesNotContain("HTTP/1.1 200");
            System.out.printf("TLS-01: plain HTTP on the TLS port closed after %d ms (%d bytes, a TLS alert at most)%n",
                    millis, received.length);
            assertThat(millis).isLessThan(3000);
        }
    }

    @Test
    void wrongPasswordIsOneClearLine() {
        TlsConfig wrong = TlsConfig.pkcs12(tls.keystore(), "not-the-password");
        assertThatThrownBy(() -> AccessServer.start(dir.resolve("s3"), ServerOptions.defaults().withTls(wrong)))
                .isInstanceOf(ServerStartException.class)
                .hasMessageContaining("uconform-tls.p12").hasMessageNotContaining("not-the-password");
        assertThat(wrong.toString()).doesNotContain("not-the-password");
    }

    static SSLContext trusting(TlsConfig config) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(config.keystore())) {
            keys.load(in, config.password().toCharArray());
        }
        Certificate certificate = keys.getCertificate("uconform");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("uconform", certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
