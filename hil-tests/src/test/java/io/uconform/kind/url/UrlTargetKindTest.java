package io.uconform.kind.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uconform.profile.Profiles;
import io.uconform.spi.Availability;
import io.uconform.spi.TargetException;
import io.uconform.spi.TargetKinds;
import io.uconform.spi.TargetSpec;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class UrlTargetKindTest {

    private static TargetSpec spec(String url) {
        return new TargetSpec("url", url == null ? Map.of() : Map.of("url", url), Profiles.load("http11-embedded"));
    }

    @Test
    void isFoundThroughServiceLoader() {
        assertThat(TargetKinds.find("url")).get().isInstanceOf(UrlTargetKind.class);
    }

    @Test
    void aServerAnsweringHttpIsAvailableAndAttachedWithoutOwningIt() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        AtomicInteger requests = new AtomicInteger();
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(401, -1); // ready means "speaks HTTP": any status will do
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            UrlTargetKind kind = new UrlTargetKind();

            assertThat(kind.availability(spec(url)).isAvailable()).isTrue();
            var target = kind.create(spec(url));
            assertThat(target.name()).isEqualTo("url:" + url);
            assertThat(target.ownsLifecycle()).isFalse();
            assertThat(target.start().baseUri().toString()).isEqualTo("http://127.0.0.1:" + server.getAddress().getPort());
            assertThat(target.start().probe().unavailableReason()).isPresent();
            assertThat(requests).as("readiness GETs: one, the second start() is the same attachment").hasValue(1);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aPortThatClosesWithoutAnAnswerIsNotReadyNamingWhatWasAwaited() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
            Thread closer = new Thread(() -> {
                try {
                    server.accept().close();
                } catch (java.io.IOException e) {
                    // the test ends the server
                }
            });
            closer.start();
            String url = "http://127.0.0.1:" + server.getLocalPort();
            var target = new UrlTargetKind().create(spec(url));

            assertThatThrownBy(target::start).isInstanceOf(TargetException.class)
                    .hasMessage("url:" + url + ": awaited GET / answered any status at " + url
                            + ", the connection was closed with no answer");
            closer.join(5000);
        }
    }

    @Test
    void closedPortIsUnavailableWithTheReason() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Availability availability = new UrlTargetKind().availability(spec("http://127.0.0.1:" + port));

        assertThat(availability.isAvailable()).isFalse();
        assertThat(availability.reason()).startsWith("url http://127.0.0.1:" + port + " does not answer a TCP connect within 2 s");
    }

    @Test
    void malformedOrMissingUrlIsOneClearLine() {
        UrlTargetKind kind = new UrlTargetKind();

        assertThatThrownBy(() -> kind.create(spec(null))).isInstanceOf(TargetException.class)
                .hasMessage("target 'url' needs the option 'url'");
        assertThatThrownBy(() -> kind.create(spec("ftp://host/"))).hasMessage("target 'url': 'ftp://host/' must start with http:// or https://");
        assertThatThrownBy(() -> kind.create(spec("http:///x"))).hasMessage("target 'url': 'http:///x' has no host");
        assertThat(kind.availability(spec("not a url")).reason()).contains("is not a URL");
    }

    @Test
    void anUnknownOptionIsRefusedNamingTheKnownOnes() {
        TargetSpec spec = new TargetSpec("url", java.util.Map.of("url", "http://127.0.0.1:1", "loopback", "2>18"),
                io.uconform.profile.Profiles.load("http11-embedded"));

        assertThatThrownBy(() -> new UrlTargetKind().create(spec)).isInstanceOf(TargetException.class)
                .hasMessage("target 'url' has no option 'loopback' (known: url)");
    }
}
