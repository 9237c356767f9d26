package io.uconform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile target: it answers with terminal control sequences (retitle, clear screen, bell) and
 * echoes the credentials it was sent in every form (plain, base64 of user:password and of the
 * password, form- and percent-encoded). Nothing of that reaches the console or a report raw.
 */
@Timeout(60)
class HostileTargetTest {

    private static final String USER = "admin";
    private static final String PASSWORD = "s3cr3t pw/ü";
    private static final String ESC = "\u001b";
    private static final String BEL = "\u0007";

    @TempDir
    Path dir;
    private HttpServer server;

    static List<String> forms() {
        byte[] utf8 = PASSWORD.getBytes(StandardCharsets.UTF_8);
        StringBuilder everyByte = new StringBuilder();
        for (byte b : utf8) {
            everyByte.append(String.format("%%%02X", b & 0xff));
        }
        return List.of(PASSWORD, Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)),
                Base64.getEncoder().encodeToString(utf8), URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8),
                everyByte.toString(), everyByte.toString().toLowerCase());
    }

    @BeforeEach
    void startHostileServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", exchange -> {
            String echo = ESC + "]0;owned" + BEL + ESC + "[2J" + BEL + " you sent " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " forms " + String.join(" ", forms());
            byte[] body = echo.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("X-Echo", forms().get(1));
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void controlBytesAreShownAsEscapesAndEchoedCredentialsAreMaskedEverywhere() throws Exception {
        Path profile = dir.resolve("hostile.json");
        Files.writeString(profile, "{\"name\":\"hostile\",\"groups\":[\"AUTH\"],\"params\":{\"authUser\":\"" + USER
                + "\",\"authPassword\":\"" + PASSWORD + "\"}}");
        Path reports = dir.resolve("reports");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = Uconform.execute(new String[] {"run", "--target", "url", "--option",
                "url=http://127.0.0.1:" + server.getAddress().getPort(), "--profile", profile.toString(),
                "--report-dir", reports.toString(), "--checks-package", "io.uconform.cli.hostile"},
                new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(exit).as("%s%s", out, err).isEqualTo(1);
        assertThat(out.toString()).contains("FAIL AUTH-01", "\\x1b]0;owned\\x07").doesNotContain(ESC, BEL);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(reports)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("report.json", "report.html",
                "TEST-junit-jupiter.xml");
        String html = Files.readString(reports.resolve("report.html"));
        assertThat(html).contains("\\x1b[2J").doesNotContain(ESC, BEL);
        assertThat(Files.readString(reports.resolve("TEST-junit-jupiter.xml"))).doesNotContain(ESC, BEL, "&#27;");
        for (String text : new String[] {out.toString(), err.toString()}) {
            assertThat(forms()).allSatisfy(form -> assertThat(text).doesNotContain(form));
        }
        for (Path file : files) {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(forms()).as("%s", file).allSatisfy(form -> assertThat(content).as("%s", file).doesNotContain(form));
        }
        for (String name : new String[] {"report.json", "report.html", "TEST-junit-jupiter.xml"}) {
            assertThat(Files.readString(reports.resolve(name))).as(name).contains("auth=****");
        }
    }
}
