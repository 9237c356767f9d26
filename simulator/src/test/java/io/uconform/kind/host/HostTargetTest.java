package io.uconform.kind.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.uconform.console.ConsoleLine;
import io.uconform.probe.PinInput;
import io.uconform.profile.Limits;
import io.uconform.profile.Profile;
import io.uconform.simulator.host.FirmwareLocator;
import io.uconform.simulator.host.Interpreter;
import io.uconform.spi.Availability;
import io.uconform.spi.RunningTarget;
import io.uconform.spi.Target;
import io.uconform.spi.TargetException;
import io.uconform.spi.TargetKinds;
import io.uconform.spi.TargetSpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The {@code host} target under CPython: boot, board API on the virtual board, reset, close. */
@Timeout(90)
class HostTargetTest {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    static TargetSpec spec(Map<String, String> options) {
        Profile profile = new Profile("test", "", Set.of(), Map.of(), Limits.reference(),
                Map.of("authPassword", "auth-pass-77"), Map.of());
        return new TargetSpec("host", options, profile);
    }

    static HttpResponse<String> send(URI base, String method, String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5));
        b = method.equals("GET") ? b.GET() : b.method(method, HttpRequest.BodyPublishers.noBody());
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void runsTheFirmwareUnderPython3AgainstTheVirtualBoard() throws Exception {
        HostTargetKind kind = new HostTargetKind();
        TargetSpec spec = spec(Map.of("interpreter", "python3"));
        Availability availability = kind.availability(spec);
        assumeTrue(availability.isAvailable(), availability.reason());
        Target target = kind.create(spec);
        try (target) {
            RunningTarget running = target.start();
            assertThat(target.name()).isEqualTo("host:python3");
            assertThat(running.facts()).containsEntry("interpreter", "python3").containsKey("firmware")
                    .containsEntry("cors", "off").containsEntry("bind", "127.0.0.1");
            assertThat(running.limits()).get().extracting(Limits::headerTimeout).isEqualTo(Duration.ofSeconds(1));
            URI base = running.baseUri();
            assertThat(base.getHost()).isEqualTo("127.0.0.1");

            HttpResponse<String> index = send(base, "GET", "/");
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.body()).contains("\"/led/on\"").doesNotContain("recovery");

            assertThat(send(base, "GET", "/led/on").body()).contains("\"value\": 1");
            assertThat(running.probe().read(2).value()).isEqualTo(1);
            send(base, "GET", "/led/off");
            assertThat(running.probe().read(2).value()).isZero();

            String config = send(base, "GET", "/config").body();
            assertThat(config).contains("****").doesNotContain("auth-pass-77");
            String console = running.console().lines().stream().map(ConsoleLine::text).collect(Collectors.joining("\n"));
            assertThat(console).contains("UCONFORM NET mode=sta").doesNotContain("auth-pass-77");

            int mark = running.console().lines().size();
            running.probe().drive(0, PinInput.level(0));  // press BOOT: an IRQ edge travels Java -> Python
            await("the firmware's IRQ handler to report the pressed button on the console")
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> running.console().lines().stream().skip(mark)
                            .anyMatch(l -> l.text().equals("UCONFORM PIN pin=0 value=0")));

            assertThat(send(base, "POST", "/system/reset").statusCode()).as("reset without credentials (AUTH-07)")
                    .isEqualTo(401);
            HttpRequest reset = HttpRequest.newBuilder(base.resolve("/system/reset")).timeout(Duration.ofSeconds(5))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            "admin:auth-pass-77".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            assertThat(HTTP.send(reset, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            await("the firmware to come back after machine.reset() with a soft reset cause")
                    .atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> send(base, "GET", "/system").body().contains("\"reset_cause\": \"soft\""));
            assertThat(target.start().baseUri()).isEqualTo(base);
        }
        assertThat(target.start().baseUri().getPort()).isPositive();  // start after close boots afresh
        target.close();
    }

    @Test
    void aBrokenAppBootsTheRecoveryAppWithOneConsoleLine(@TempDir Path dir) throws Exception {
        Path firmware = FirmwareLocator.referenceFirmware().orElse(null);
        assumeTrue(firmware != null && Interpreter.find("python3").isPresent(), "python3 or the firmware is missing");
        copy(firmware, dir);
        Files.writeString(dir.resolve("apps/reference.py"), "def setup(app, device, root):\n    raise ValueError('broken on purpose')\n");
        try (Target target = new HostTargetKind().create(spec(Map.of("interpreter", "python3", "app", dir.toString())))) {
            RunningTarget running = target.start();
            assertThat(running.console().lines()).filteredOn(l -> l.text().startsWith("UCONFORM RECOVERY"))
                    .singleElement().extracting(ConsoleLine::text).asString().contains("broken on purpose");
            assertThat(send(running.baseUri(), "GET", "/system").statusCode()).isEqualTo(200);
            assertThat(send(running.baseUri(), "GET", "/led/on").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void theKindIsDiscoveredByServiceLoader() {
        assertThat(TargetKinds.find("host")).get().isInstanceOf(HostTargetKind.class);
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Test
    void badOptionsAreOneClearLine() {
        HostTargetKind kind = new HostTargetKind();
        assertThatThrownBy(() -> kind.create(spec(Map.of("heap", "lots"))))
                .isInstanceOf(TargetException.class).hasMessageContaining("heap");
        assertThat(kind.availability(spec(Map.of("nope", "1"))).reason()).contains("no option 'nope'");
        assertThatThrownBy(() -> kind.create(spec(Map.of("cors", "maybe")))).hasMessageContaining("cors must be on or off");
        assertThatThrownBy(() -> kind.create(spec(Map.of("bind", "0.0.0.0")))).hasMessageContaining("bind must be");
        assertThat(kind.name()).isEqualTo("host");
    }
}
