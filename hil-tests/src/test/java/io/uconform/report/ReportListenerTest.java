package io.uconform.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

@Timeout(60)
class ReportListenerTest {

    @TempDir
    Path dir;

    private ReportListener run(Class<?> testClass) {
        ReportListener listener = new ReportListener();
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false).addTestExecutionListeners(listener).build());
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass))
                .configurationParameter("target", "fake").configurationParameter("profile", "harness-test")
                .configurationParameter(ReportListener.REPORT_DIR, dir.toString()).build();
        launcher.execute(request);
        return listener;
    }

    @Test
    void writesJsonWithVerdictsChecksEvidenceAndTotals() throws Exception {
        run(ReportFixtureChecks.class);

        JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertThat(json.path("format").asText()).isEqualTo(ReportJson.FORMAT);
        assertThat(json.path("targets").get(0).path("name").asText()).isEqualTo("fake");
        assertThat(json.path("targets").get(0).path("profile").asText()).isEqualTo("harness-test");
        assertThat(json.path("targets").get(0).path("facts").path("firmware").asText()).isEqualTo("fake-1.0");
        assertThat(json.path("totals").path("checks").asInt()).isEqualTo(4);
        assertThat(json.path("totals").path("passed").asInt()).isEqualTo(1);
        assertThat(json.path("totals").path("failed").asInt()).isEqualTo(1);
        assertThat(json.path("totals").path("not claimed").asInt()).isEqualTo(1);
        assertThat(json.path("totals").path("waived").asInt()).isEqualTo(1);
        assertThat(json.path("groups").path("CORE").path("failed").asInt()).isEqualTo(1);
        assertThat(json.path("requirements").findValuesAsText("id")).containsExactly("CORE-03", "KA-01", "PROTO-01", "SSE-01");
        assertThat(json.path("requirements").get(0).path("verdicts").path("fake").asText()).isEqualTo("failed");
        JsonNode failed = json.path("checks").findParents("status").stream()
                .filter(c -> c.path("status").asText().equals("failed")).findFirst().orElseThrow();
        assertThat(failed.path("id").asText()).isEqualTo("ReportFixtureChecks.unknownPathIsTeapot");
        assertThat(failed.path("requirement").asText()).isEqualTo("CORE-03");
        assertThat(failed.path("reason").asText()).contains("418");
        assertThat(failed.path("evidence").path("transcript").asText()).contains("GET /nope", "no route </nope>");
        assertThat(failed.path("durationMs").asLong()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void writesHtmlWithTheMatrixAndTheEscapedTranscriptOfAFailedCheck() throws Exception {
        run(ReportFixtureChecks.class);

        String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("<table class=\"matrix\">", "<td>CORE-03</td><td class=\"failed\">failed</td>",
                "<td>SSE-01</td><td class=\"not-claimed\">not claimed</td>");
        assertThat(html).contains("no route &lt;/nope&gt;").doesNotContain("no route </nope>");
        assertThat(html).doesNotContain("<script", "<link", "src=", "@import");
    }

    @Test
    void namesTheCauseWhenTheTargetWentDownAndReportsLaterChecksAsNotRun() throws Exception {
        run(io.uconform.suite.TargetDownFixture.checks());

        JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertThat(json.path("totals").path("failed").asInt()).isEqualTo(1);
        assertThat(json.path("totals").path("not run").asInt()).isEqualTo(1);
        assertThat(json.path("targets").get(0).path("events").get(0).asText())
                .isEqualTo("target fake stopped answering GET / after TargetDownChecks.crashesTheTarget (PROTO-03)");
        assertThat(json.path("requirements").findParents("id").stream()
                .filter(r -> r.path("id").asText().equals("PROTO-01")).findFirst().orElseThrow()
                .path("verdicts").path("fake").asText()).isEqualTo("not run");
    }

    @Test
    void writesNothingWhenNoCheckRan() {
        ReportListener listener = run(PlainTests.class);

        assertThat(dir.resolve("report.json")).doesNotExist();
        assertThat(listener.report()).isEmpty();
    }

    @Test
    void readsBackWhatItWrote() {
        ReportListener listener = run(ReportFixtureChecks.class);

        RunReport read = ReportJson.read(dir.resolve("report.json"));
        assertThat(read.checks()).isEqualTo(listener.report().orElseThrow().checks());
    }

    static class PlainTests {
        @Test
        void notACheck() {
            assertThat(1).isOne();
        }
    }
}
