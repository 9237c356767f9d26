package io.uconform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class UconformCliTest {

    @TempDir
    Path dir;
    private HttpServer server;
    private String url;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", exchange -> {
            // "/teapot" answers 418: the fixture check expecting 404 fails against it
            int status = exchange.getRequestURI().getPath().equals("/") ? 200
                    : exchange.getRequestURI().getPath().equals("/teapot") ? 418 : 404;
            byte[] body = "{\"data\":null}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private Path profile(String probePath) throws Exception {
        Path file = dir.resolve("profile-" + probePath.replace("/", "") + ".json");
        Files.writeString(file, "{\"name\":\"cli-test\",\"groups\":[\"PROTO\",\"CORE\"],\"params\":{\"probePath\":\"" + probePath + "\"}}");
        return file;
    }

    private int run(String... args) {
        return Uconform.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private void assertOneLineError(String expected) {
        assertThat(err.toString()).isEqualTo("uconform: " + expected + System.lineSeparator());
    }

    @Test
    void runAgainstAConformingServerExitsZeroAndWritesEveryReport() throws Exception {
        Path reports = dir.resolve("reports");

        int exit = run("run", "--target", "url", "--option", "url=" + url, "--profile", profile("/nope").toString(),
                "--report-dir", reports.toString(), "--checks-package", "io.uconform.cli.fixture");

        assertThat(exit).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("pass PROTO-01", "skip SSE-01",
                "uconform: 3 checks: 2 passed, 0 failed, 0 skipped, 1 not claimed, 0 waived, 0 not run",
                "report.html: " + reports.resolve("report.html").toAbsolutePath());
        assertThat(reports.resolve("report.json")).exists();
        assertThat(reports.resolve("report.html")).exists();
        assertThat(Files.readString(reports.resolve("TEST-junit-jupiter.xml"))).contains("<testcase", "indexAnswers");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void runWithAFailingCheckExitsOneAndNamesIt() throws Exception {
        int exit = run("run", "--target", "url", "--option", "url=" + url, "--profile", profile("/teapot").toString(),
                "--report-dir", dir.resolve("r").toString(), "--checks-package", "io.uconform.cli.fixture");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("FAIL CORE-03", "CliFixtureChecks.unknownPathGives404", "expected: 404",
                "1 failed");
    }

    @Test
    void targetsFileRunsTheChecksOncePerTarget() throws Exception {
        Path targets = dir.resolve("targets.json");
        String profile = profile("/nope").toString().replace("\\", "\\\\");
        Files.writeString(targets, "[{\"kind\":\"url\",\"options\":{\"url\":\"" + url + "\"},\"profile\":\"" + profile + "\"},"
                + "{\"kind\":\"url\",\"options\":{\"url\":\"" + url + "/\"},\"profile\":\"" + profile + "\"}]");

        int exit = run("run", "--targets", targets.toString(), "--report-dir", dir.resolve("multi").toString(),
                "--checks-package", "io.uconform.cli.fixture");

        assertThat(exit).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("uconform: 6 checks: 4 passed", "[url:" + url + "]", "[url:" + url + "/]");
    }

    @Test
    void diffExitsOneOnNewFailuresAndZeroOtherwise() throws Exception {
        Path good = dir.resolve("good");
        Path bad = dir.resolve("bad");
        run("run", "--target", "url", "--option", "url=" + url, "--profile", profile("/nope").toString(),
                "--report-dir", good.toString(), "--checks-package", "io.uconform.cli.fixture");
        run("run", "--target", "url", "--option", "url=" + url, "--profile", profile("/teapot").toString(),
                "--report-dir", bad.toString(), "--checks-package", "io.uconform.cli.fixture");
        out.getBuffer().setLength(0);

        assertThat(run("diff", good.resolve("report.json").toString(), bad.resolve("report.json").toString())).isEqualTo(1);
        assertThat(out.toString()).contains("new failures: 1", "CORE-03  CliFixtureChecks.unknownPathGives404");
        assertThat(run("diff", bad.resolve("report.json").toString(), good.resolve("report.json").toString())).isZero();
        assertThat(out.toString()).contains("fixes: 1");
    }

    @Test
    void unknownTargetKindIsOneLineAndExitTwo() {
        assertThat(run("run", "--target", "toaster")).isEqualTo(2);
        assertThat(err.toString()).startsWith("uconform: unknown target kind 'toaster' (known: ").doesNotContain("\tat ");
        assertThat(err.toString().lines()).hasSize(1);
    }

    @Test
    void unreachableUrlIsOneLineAndExitThree() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThat(run("run", "--target", "url", "--option", "url=http://127.0.0.1:" + port, "--profile", "http11-embedded",
                "--report-dir", dir.resolve("r").toString())).isEqualTo(3);
        assertThat(err.toString()).startsWith("uconform: url http://127.0.0.1:" + port + " does not answer a TCP connect within 2 s");
        assertThat(err.toString().lines()).hasSize(1);
    }

    @Test
    void malformedProfileFileIsOneLineAndExitTwo() throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"name\": \"x\", \"groups\": [");

        assertThat(run("run", "--target", "url", "--option", "url=" + url, "--profile", broken.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("uconform: profile " + broken + " is not valid JSON");
        assertThat(err.toString().lines()).hasSize(1);
    }

    @Test
    void unknownOptionIsOneLineAndExitTwo() {
        assertThat(run("run", "--colour", "red")).isEqualTo(2);
        assertOneLineError("Unknown options: '--colour', 'red'");
    }

    @Test
    void malformedUrlOptionIsOneLineAndExitTwo() {
        assertThat(run("run", "--target", "url", "--option", "url=ftp://x", "--profile", "http11-embedded")).isEqualTo(2);
        assertOneLineError("target 'url': 'ftp://x' must start with http:// or https://");
    }

    @Test
    void missingReportForDiffIsOneLineAndExitTwo() {
        assertThat(run("diff", dir.resolve("a.json").toString(), dir.resolve("b.json").toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("uconform: cannot read report ");
        assertThat(err.toString().lines()).hasSize(1);
    }

    @Test
    void simOnAPortInUseIsOneLineAndExitTwo() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int exit = run("sim", "--port", String.valueOf(busy.getLocalPort()), "--admin-port", "0");

            assertThat(exit).isEqualTo(2);
            assertThat(err.toString().lines()).hasSize(1);
            assertThat(err.toString()).startsWith("uconform: ").contains("port " + busy.getLocalPort(), "already in use")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void runOnATargetThatCannotStartIsOneLineAndExitThree() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int exit = run("run", "--target", "sim", "--option", "port=" + busy.getLocalPort(), "--profile", profile("/nope").toString(),
                    "--report-dir", dir.resolve("r").toString(), "--checks-package", "io.uconform.cli.fixture");

            assertThat(exit).isEqualTo(3);
            assertThat(err.toString()).startsWith("uconform: sim: ").contains("port " + busy.getLocalPort(), "already in use");
            assertThat(err.toString().lines()).hasSize(1);
            assertThat(out.toString().lines().filter(l -> l.contains("not run: target failed to start"))).hasSize(1);
        }
    }

    @Test
    void anUnwritableReportDirIsOneLineAndExitTwoBeforeAnyCheckRuns() throws Exception {
        assertThat(run("run", "--target", "url", "--option", "url=" + url, "--profile", profile("/nope").toString(),
                "--report-dir", "/proc/nope", "--checks-package", "io.uconform.cli.fixture")).isEqualTo(2);
        assertThat(err.toString()).startsWith("uconform: cannot write reports into /proc/nope (").endsWith(
                "): choose another --report-dir" + System.lineSeparator());
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(out.toString()).doesNotContain("pass ", "running the conformance suite");
    }

    @Test
    void anOptionValueWithSemicolonsAndEqualsSignsReachesTheTargetIntact() {
        int exit = run("run", "--target", "url", "--option", "url=" + url + "/;x=1;y", "--profile", "http11-embedded",
                "--report-dir", dir.resolve("r").toString(), "--checks-package", "io.uconform.cli.fixture");

        assertThat(err.toString()).isEmpty();
        assertThat(out.toString()).contains("[url:" + url + "/;x=1;y]").doesNotContain("not name=value");
        assertThat(exit).isIn(0, 1);
    }

    @Test
    void urlRefusesAnUnknownOptionNamingTheKnownOnes() {
        assertThat(run("run", "--target", "url", "--option", "url=" + url, "--option", "loopbak=2>18",
                "--profile", "http11-embedded")).isEqualTo(2);
        assertOneLineError("target 'url' has no option 'loopbak' (known: url)");
    }

    @Test
    void helpListsTheExitCodes() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Exit codes:", "0     every check passed", "3     the target could not be reached",
                "130   interrupted by SIGINT", "143   interrupted by SIGTERM");
        out.getBuffer().setLength(0);
        assertThat(run("run", "--help")).isZero();
        assertThat(out.toString()).contains("Exit codes:", "2     bad input");
    }

    @Test
    void runHelpListsEveryKindOnTheClassPathWithItsOptions() {
        assertThat(run("run", "--help")).isZero();
        String help = out.toString();
        assertThat(help).contains("Target kinds (--target) and their options (--option NAME=VALUE):");
        java.util.List<io.uconform.spi.TargetKind> kinds = io.uconform.spi.TargetKinds.all();
        assertThat(kinds).extracting(io.uconform.spi.TargetKind::name).contains("sim", "host", "esp32", "url");
        for (io.uconform.spi.TargetKind kind : kinds) {
            assertThat(help).containsPattern("(?m)^  " + java.util.regex.Pattern.quote(kind.name()) + "\\b");
            kind.options().forEach(o -> assertThat(help).contains("    " + o.name() + "=<" + o.type() + ">"));
        }
        assertThat(help).contains("paced-line=<true|false>", "boot-timeout-seconds=<seconds>")
                .doesNotContain("pacedLine", "bootTimeoutSeconds");
    }

    @Test
    void simWithAnUnknownBoardIsOneLineAndExitTwo() {
        assertThat(run("sim", "--board", "toaster", "--port", "0", "--admin-port", "0")).isEqualTo(2);
        assertThat(err.toString()).startsWith("uconform: sim: unknown board 'toaster'");
        assertThat(err.toString().lines()).hasSize(1);
    }
}
