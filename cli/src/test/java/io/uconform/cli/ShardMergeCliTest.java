package io.uconform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.uconform.report.CheckRecord;
import io.uconform.report.ReportJson;
import io.uconform.report.RunReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --shard i/n} on each shard, then {@code merge}: the same verdicts as one unsharded run. */
@Timeout(60)
class ShardMergeCliTest {

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
            byte[] body = "{\"data\":null}".getBytes(StandardCharsets.UTF_8);
            // "/teapot" answers 418, so the fixture check that expects 404 fails there
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/") ? 200
                    : exchange.getRequestURI().getPath().equals("/teapot") ? 418 : 404, body.length);
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

    @Test
    void mergedShardsGiveTheVerdictsOfOneUnshardedRunAndDiffAcceptsThem() throws Exception {
        Path profile = dir.resolve("profile.json");
        Files.writeString(profile, "{\"name\":\"cli-test\",\"groups\":[\"PROTO\",\"CORE\"],\"params\":{\"probePath\":\"/teapot\"}}");
        assertThat(runSuite(profile, dir.resolve("whole"), null)).as(out + "\n" + err).isEqualTo(1);
        assertThat(runSuite(profile, dir.resolve("s1"), "1/2")).as(out + "\n" + err).isEqualTo(0);
        assertThat(runSuite(profile, dir.resolve("s2"), "2/2")).as(out + "\n" + err).isEqualTo(1);
        assertThat(out.toString()).contains("uconform: shard 1/2 of the checks");

        int merged = run("merge", dir.resolve("s1/report.json").toString(), dir.resolve("s2/report.json").toString(),
                "--report-dir", dir.resolve("merged").toString());

        assertThat(merged).as("merge exit (a check failed in shard 2): " + out + err).isEqualTo(1);
        assertThat(out.toString()).contains("uconform: merged 2 reports: 3 checks: 1 passed, 1 failed");
        RunReport whole = ReportJson.read(dir.resolve("whole/report.json"));
        RunReport joined = ReportJson.read(dir.resolve("merged/report.json"));
        assertThat(statuses(joined)).isEqualTo(statuses(whole));
        assertThat(joined.verdicts()).isEqualTo(whole.verdicts());
        assertThat(dir.resolve("merged/report.html")).exists();
        assertThat(Files.readString(dir.resolve("merged/TEST-uconform-merged.xml")))
                .contains("tests=\"3\"", "failures=\"1\"", "<failure message=", "unknownPathGives404");
        assertThat(run("diff", dir.resolve("whole/report.json").toString(), dir.resolve("merged/report.json").toString()))
                .as("diff of the unsharded run against the merged shards: " + out).isEqualTo(0);
    }

    @Test
    void mergingAShardTwiceIsOneLineAndExitTwo() throws Exception {
        Path profile = dir.resolve("profile.json");
        Files.writeString(profile, "{\"name\":\"cli-test\",\"groups\":[\"PROTO\",\"CORE\"],\"params\":{\"probePath\":\"/nope\"}}");
        runSuite(profile, dir.resolve("s1"), "1/2");
        err.getBuffer().setLength(0);

        int exit = run("merge", dir.resolve("s1/report.json").toString(), dir.resolve("s1/report.json").toString(),
                "--report-dir", dir.resolve("merged").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("uconform: check CliFixtureChecks.indexAnswers [url:" )
                .contains("merge joins the disjoint shards of one run").hasLineCount(1);
    }

    @Test
    void aPoolOnATargetWithoutPoolsOrAMalformedShardIsOneLineAndExitTwo() {
        assertThat(run("run", "--target", "url", "--option", "url=" + url, "--pool", "3")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("uconform: url: one instance only (no pool of 3)" + System.lineSeparator());
        err.getBuffer().setLength(0);
        assertThat(run("run", "--target", "sim", "--pool", "3", "--option", "port=8080")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("uconform: sim: a pool of 3 instances needs port=0 (each on a free port of"
                + " its own), not port=8080" + System.lineSeparator());
        err.getBuffer().setLength(0);
        assertThat(run("run", "--target", "sim", "--shard", "3/2")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("uconform: shard must be i/n with 1 <= i <= n, not 3/2" + System.lineSeparator());
    }

    private int runSuite(Path profile, Path reports, String shard) {
        String[] base = {"run", "--target", "url", "--option", "url=" + url, "--profile", profile.toString(),
            "--report-dir", reports.toString(), "--checks-package", "io.uconform.cli.fixture"};
        return shard == null ? run(base) : run(append(base, "--shard", shard));
    }

    private static String[] append(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private static Map<String, String> statuses(RunReport report) {
        Map<String, String> statuses = new TreeMap<>();
        for (CheckRecord c : report.checks()) {
            statuses.put(c.id() + " [" + c.target() + "]", c.status().label() + " " + c.reason());
        }
        return statuses;
    }

    private int run(String... args) {
        return Uconform.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }
}
