package io.uconform.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code uconform sim}, run in-process on a thread and stopped by an interrupt (as Ctrl-C stops it). */
@Timeout(60)
class SimCommandTest {

    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @AfterEach
    void stop() throws InterruptedException {
        thread.shutdownNow();
        assertThat(thread.awaitTermination(20, TimeUnit.SECONDS)).as("sim stopped").isTrue();
    }

    private int run(String... args) {
        return Uconform.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private Future<Integer> start(String... args) {
        return thread.submit(() -> run(args));
    }

    private URI printed(String regex) {
        Pattern p = Pattern.compile(regex);
        await("'" + regex + "' on sim's output").atMost(Duration.ofSeconds(30))
                .until(() -> p.matcher(out.toString()).find() || !err.toString().isEmpty());
        Matcher m = p.matcher(out.toString());
        assertThat(m.find()).as(out + "\n" + err).isTrue();
        return URI.create(m.group(1));
    }

    private HttpResponse<String> send(String method, URI uri, String user, String password) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("hi"));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean answers(URI uri) {
        try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void theReferenceBoardHasTheSimTargetsCredentials() throws Exception {
        Future<Integer> sim = start("sim", "--port", "0", "--admin-port", "0");
        URI base = printed("serving at (http://\\S+)");
        URI admin = printed("board view at (http://\\S+)");

        assertThat(send("GET", base.resolve("/api/whoami"), "admin", "istrator").statusCode()).isEqualTo(200);
        assertThat(send("PUT", base.resolve("/files/note.txt"), "admin", "istrator").statusCode()).isBetween(200, 299);
        assertThat(send("PUT", base.resolve("/files/note.txt"), null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", admin, null, null).body()).contains("<svg id=\"board\"");
        assertThat(out.toString()).doesNotContain("istrator");

        thread.shutdownNow();
        assertThat(sim.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(answers(base)).as("the device is closed").isFalse();
    }

    @Test
    void theSimTargetsOptionsAreAcceptedAndUnknownOnesNamed() throws Exception {
        start("sim", "--port", "0", "--admin-port", "0", "--option", "auth-password=s3cret", "--option", "board=esp32c3-devkitm");
        URI base = printed("serving at (http://\\S+)");
        assertThat(out.toString()).contains("board esp32c3-devkitm");
        assertThat(send("GET", base.resolve("/api/whoami"), "admin", "s3cret").statusCode()).isEqualTo(200);

        StringWriter err2 = new StringWriter();
        int exit = Uconform.execute(new String[] {"sim", "--option", "bogus=1"}, new PrintWriter(new StringWriter()),
                new PrintWriter(err2, true));
        assertThat(exit).isEqualTo(2);
        assertThat(err2.toString()).startsWith("uconform: target 'sim' has no option 'bogus' (known: ").contains("auth-password");
        assertThat(err2.toString().lines()).hasSize(1);
    }

    @Test
    void aPortGivenTwiceDifferentlyIsOneLine() {
        assertThat(run("sim", "--port", "0", "--option", "port=9")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("uconform: --port and --option port=9 disagree: give it once" + System.lineSeparator());
    }

    @Test
    void anAppDirectoryWithoutMainPyIsOneLine() {
        assertThat(run("sim", "--app", dir.toString(), "--port", "0", "--admin-port", "0")).isEqualTo(2);
        assertThat(err.toString()).startsWith("uconform: --app " + dir + " has no main.py");
        assertThat(err.toString().lines()).hasSize(1);
    }

    @Test
    void anAppOnAPortInUseIsOneLineBeforeAnythingStarts() throws Exception {
        Path app = dir.resolve("app");
        Files.createDirectories(app);
        Files.writeString(app.resolve("main.py"), "print('never runs')\n");
        try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(run("sim", "--app", app.toString(), "--port", String.valueOf(busy.getLocalPort()), "--admin-port", "0"))
                    .isEqualTo(2);
            assertThat(err.toString()).isEqualTo("uconform: port " + busy.getLocalPort()
                    + " on 127.0.0.1 is already in use (the app's port; choose another with --port)" + System.lineSeparator());
            assertThat(out.toString()).doesNotContain("never runs");
        }
    }

    @Test
    void anAppRunsWithItsConsoleOnTheTerminalUntilInterrupted() throws Exception {
        assumeTrue(io.uconform.simulator.host.Interpreter.find("python3").isPresent(), "python3 is not on PATH");
        Path app = dir.resolve("app");
        Files.createDirectories(app);
        Files.writeString(app.resolve("main.py"), String.join("\n",
                "import json, socket",
                "config = json.load(open('config.json'))",
                "port = config['server']['port']",
                "print('wifi=' + config['sta']['password'] + ' auth=' + config['auth']['password'])",
                "s = socket.socket()",
                "s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)",
                "s.bind(('127.0.0.1', port))",
                "s.listen(1)",
                "print('UCONFORM READY url=http://127.0.0.1:%d/' % port)",
                "while True:",
                "    c, _ = s.accept()",
                "    c.recv(1024)",
                "    c.sendall(b'HTTP/1.1 200 OK\\r\\nContent-Length: 2\\r\\nConnection: close\\r\\n\\r\\nok')",
                "    c.close()", ""));
        Future<Integer> sim = start("sim", "--app", app.toString(), "--port", "0", "--admin-port", "0",
                "--option", "interpreter=python3");
        URI appUri = printed("UCONFORM READY url=(http://\\S+)");
        assertThat(out.toString()).contains("on python3", "board page at http://", "restarts the app (a soft reset)");
        assertThat(send("GET", appUri, null, null).body()).isEqualTo("ok");
        assertThat(out.toString()).as("the app printed its secrets: the terminal shows them masked")
                .contains("wifi=**** auth=****").doesNotContain("istrator");

        thread.shutdownNow();
        assertThat(sim.get(10, TimeUnit.SECONDS)).isZero();
        await("the app's interpreter gone").atMost(Duration.ofSeconds(5)).until(() -> !answers(appUri));
    }
}
