package io.uconform.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.uconform.console.ConsoleCapture;
import io.uconform.console.SecretMask;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ReadinessTest {

    private final ConsoleCapture console = new ConsoleCapture(SecretMask.of("hunter22"));
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private URI serve(int status) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void aConsoleLineAfterTheMarkIsReadyAndItsGroupIsTheBaseUrl() {
        console.accept("UCONFORM READY url=http://127.0.0.1:1/ (an old boot, before the mark)");
        int mark = console.size();
        console.accept("booting");
        console.accept("UCONFORM READY url=http://127.0.0.1:8080/");

        Readiness.Ready ready = Readiness.consoleLine("UCONFORM READY url=(\\S+?)/?$")
                .await(Readiness.Subject.console("dev", console, mark, () -> true));

        assertThat(ready.baseUri()).contains(URI.create("http://127.0.0.1:8080"));
        assertThat(ready.line()).get().extracting(l -> l.text()).isEqualTo("UCONFORM READY url=http://127.0.0.1:8080/");
    }

    @Test
    void noConsoleLineInTimeNamesWhatWasAwaitedAndTheLastConsoleLinesMasked() {
        for (int i = 1; i <= 5; i++) {
            console.accept("line " + i);
        }
        console.accept("wifi password hunter22 refused");

        assertThatThrownBy(() -> Readiness.consoleLine("UCONFORM READY").withTimeout(Duration.ofMillis(300))
                .await(Readiness.Subject.console("dev", console, 0, () -> true)))
                .isInstanceOf(TargetException.class)
                .hasMessage("dev: no ready line matching 'UCONFORM READY' within 300 ms;"
                        + " last console lines: line 4 | line 5 | wifi password **** refused")
                .satisfies(e -> assertThat(((TargetException) e).details().lines())
                        .containsExactly("line 1", "line 2", "line 3", "line 4", "line 5", "wifi password **** refused"));
    }

    @Test
    void aTargetThatStopsIsNotAwaitedUntilTheTimeout() {
        console.accept("Traceback: ImportError");

        assertThatThrownBy(() -> Readiness.consoleLine("READY")
                .await(Readiness.Subject.console("host:micropython", console, 0, () -> false)))
                .hasMessage("host:micropython: stopped before a ready line matching 'READY' was printed;"
                        + " last console lines: Traceback: ImportError");
    }

    @Test
    void httpIsReadyOn200AndFailsAtOnceOnAnotherStatus() throws IOException {
        URI ok = serve(200);
        assertThat(Readiness.http("/").await(Readiness.Subject.at("sim", ok)).baseUri()).contains(ok);
        server.stop(0);

        URI refusing = serve(503);
        assertThatThrownBy(() -> Readiness.http("/").await(Readiness.Subject.at("sim", refusing)))
                .isInstanceOf(TargetException.class)
                .hasMessageStartingWith("sim: awaited GET / answered 200 at " + refusing + ", got 'HTTP/1.1 503");
        assertThat(Readiness.http("/").forAnyStatus().await(Readiness.Subject.at("url", refusing)).baseUri())
                .contains(refusing);
    }

    @Test
    void aClosedPortIsTriedUntilTheTimeout() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        URI base = URI.create("http://127.0.0.1:" + port);

        assertThatThrownBy(() -> Readiness.http("/led").withTimeout(Duration.ofMillis(300))
                .await(Readiness.Subject.at("url", base)))
                .isInstanceOf(TargetException.class)
                .hasMessageStartingWith("url: " + base + " did not answer GET /led within 300 ms: ");
    }

    @Test
    void allOfHandsTheAnnouncedUrlToTheHttpStep() throws IOException {
        URI base = serve(200);
        console.accept("UCONFORM READY url=" + base);

        Readiness both = Readiness.allOf(Readiness.consoleLine("UCONFORM READY url=(\\S+)"), Readiness.http("/"));
        Readiness.Ready ready = both.await(Readiness.Subject.console("host", console, 0, () -> true));

        assertThat(ready.baseUri()).contains(base);
        assertThat(ready.line()).isPresent();
        assertThat(both.timeout()).isEqualTo(Duration.ofSeconds(40));
        assertThat(both.awaited()).isEqualTo("a console line matching 'UCONFORM READY url=(\\S+)', then GET / answered 200");
    }

    @Test
    void allOfBoundsTheWholeWithItsTimeout() {
        Readiness both = Readiness.allOf(Readiness.consoleLine("never"), Readiness.http("/"))
                .withTimeout(Duration.ofMillis(300));

        assertThatThrownBy(() -> both.await(Readiness.Subject.console("host", console, 0, () -> true)))
                .isInstanceOf(TargetException.class).hasMessageStartingWith("host: no ready line matching 'never' within ");
    }

    @Test
    void httpWithoutABaseUrlSaysSo() {
        assertThatThrownBy(() -> Readiness.http("/").await(Readiness.Subject.console("esp32", console, 0, () -> true)))
                .hasMessage("esp32: cannot await GET / answered 200: no base URL known");
        assertThatThrownBy(() -> Readiness.http("led")).hasMessageContaining("must start with /");
    }
}
