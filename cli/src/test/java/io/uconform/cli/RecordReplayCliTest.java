package io.uconform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code uconform run --record DIR}, then {@code --target replay --option dir=DIR} with the server gone. */
@Timeout(60)
class RecordReplayCliTest {

    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Uconform.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void aRecordingReplaysItsVerdictsWithTheServerGone() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", exchange -> {
            int status = exchange.getRequestURI().getPath().equals("/") ? 200 : 418;
            byte[] body = "{\"data\":null}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        Path profile = dir.resolve("profile.json");
        Files.writeString(profile, "{\"name\":\"cli-test\",\"groups\":[\"PROTO\",\"CORE\"],\"params\":{\"probePath\":\"/teapot\"}}");
        Path recording = dir.resolve("recording");
        int recorded;
        try {
            recorded = run("run", "--target", "url", "--option", "url=http://127.0.0.1:" + server.getAddress().getPort(),
                    "--profile", profile.toString(), "--report-dir", dir.resolve("r1").toString(),
                    "--checks-package", "io.uconform.cli.fixture", "--record", recording.toString());
        } finally {
            server.stop(0);
        }
        assertThat(recorded).as(out + "\n" + err).isEqualTo(1);
        assertThat(recording.resolve("mappings")).isNotEmptyDirectory();
        assertThat(recording.resolve("checks/CliFixtureChecks.indexAnswers.json")).exists();
        out.getBuffer().setLength(0);

        int replayed = run("run", "--target", "replay", "--option", "dir=" + recording, "--profile", profile.toString(),
                "--report-dir", dir.resolve("r2").toString(), "--checks-package", "io.uconform.cli.fixture");

        assertThat(replayed).as(out + "\n" + err).isEqualTo(1);
        assertThat(out.toString()).contains("FAIL CORE-03", "CliFixtureChecks.unknownPathGives404", "expected: 404",
                "pass PROTO-01", "1 passed, 1 failed");
    }

    @Test
    void aMissingRecordingIsOneLineAndExitTwo() {
        Path missing = dir.resolve("nothing-here");

        int exit = run("run", "--target", "replay", "--option", "dir=" + missing, "--report-dir",
                dir.resolve("r").toString(), "--checks-package", "io.uconform.cli.fixture");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("uconform: target 'replay': no recording directory " + missing
                + System.lineSeparator());
    }

    @Test
    void aDirectoryThatIsNotARecordingIsOneLineAndExitTwo() throws Exception {
        Files.createDirectories(dir.resolve("empty"));

        int exit = run("run", "--target", "replay", "--option", "dir=" + dir.resolve("empty"), "--report-dir",
                dir.resolve("r").toString(), "--checks-package", "io.uconform.cli.fixture");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("uconform: target 'replay': " + dir.resolve("empty") + " is not a recording")
                .hasLineCount(1);
    }

    @Test
    void recordingIntoAnEarlierRecordingIsOneLineAndExitTwo() throws Exception {
        Files.createDirectories(dir.resolve("old/mappings"));
        Files.writeString(dir.resolve("old/mappings/x.json"), "{}");

        int exit = run("run", "--target", "url", "--option", "url=http://127.0.0.1:9", "--record",
                dir.resolve("old").toString(), "--report-dir", dir.resolve("r").toString(),
                "--checks-package", "io.uconform.cli.fixture");

        assertThat(exit).isIn(2, 3);
        assertThat(err.toString()).hasLineCount(1);
    }
}
