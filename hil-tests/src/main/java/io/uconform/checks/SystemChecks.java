package io.uconform.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.uconform.checks.support.Answers;
import io.uconform.checks.support.Access;
import io.uconform.checks.support.BoardRoutes;
import io.uconform.checks.support.Envelope;
import io.uconform.checks.support.Waits;
import io.uconform.client.HttpReply;
import io.uconform.suite.Check;
import io.uconform.suite.CheckContext;
import io.uconform.suite.ConformanceChecks;
import io.uconform.suite.Needs;
import org.junit.jupiter.api.Order;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/** SYS: the system report and the reset (BOOT-02, which rewrites secrets, is in {@link SecretChecks}). */
@Needs(routes = "system")
@ConformanceChecks
@Order(ChecksOrder.SYSTEM)
public class SystemChecks {

    /** How long a device may take to reboot and answer again. */
    private static final Duration REBOOT_BUDGET = Duration.ofSeconds(20);

    @Check("SYS-01")
    void systemReportsUptimeHeapFirmwareBoardAndResetCause(CheckContext ctx) {
        JsonNode system = system(ctx);
        assertThat(system.path("uptime_ms").canConvertToLong()).as("uptime_ms in %s", system).isTrue();
        assertThat(system.path("uptime_ms").asLong()).as("uptime_ms").isNotNegative();
        assertThat(system.path("free_heap").canConvertToLong()).as("free_heap in %s", system).isTrue();
        assertThat(system.path("free_heap").asLong()).as("free_heap").isPositive();
        assertThat(system.path("firmware").asText()).as("firmware in %s", system).isNotBlank();
        assertThat(system.path("board").asText()).as("board in %s", system).isNotBlank();
        assertThat(system.path("reset_cause").asText()).as("reset_cause in %s", system).isNotBlank();
    }

    @Check("SYS-01")
    void uptimeAdvances(CheckContext ctx) {
        long first = system(ctx).path("uptime_ms").asLong();
        await("uptime_ms of " + BoardRoutes.system(ctx) + " advancing past " + first).atMost(Duration.ofSeconds(3))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> system(ctx).path("uptime_ms").asLong() > first);
    }

    @Needs(routes = "reset")
    @Check("SYS-02")
    void resetAnswersRebootsAndReportsASoftReset(CheckContext ctx) {
        long uptimeBefore = system(ctx).path("uptime_ms").asLong();
        long requested = System.nanoTime();
        HttpReply reply = ctx.http().send("POST", BoardRoutes.reset(ctx), Access.administrator(ctx), null);
        Answers.expectStatusBetween(ctx, reply, String.format("POST %s (body: %s)", BoardRoutes.reset(ctx), reply.text()), 200, 299);
        JsonNode after = awaitRebooted(ctx, uptimeBefore, requested);
        assertThat(after.path("reset_cause").asText().toLowerCase(Locale.ROOT)).as("reset cause after a reset request")
                .contains("soft");
    }

    @Needs(routes = {"config", "reset"})
    @Check("SYS-02")
    void configurationSurvivesAReset(CheckContext ctx) {
        String name = "uconform-" + Long.toHexString(System.nanoTime() & 0xffffff);
        HttpReply put = putConfig(ctx, "{\"device\":{\"name\":\"" + name + "\"}}");
        Answers.expectStatus(ctx, put, String.format("PUT %s (body: %s)", BoardRoutes.config(ctx), put.text()), 200);
        JsonNode before = config(ctx);
        long uptimeBefore = system(ctx).path("uptime_ms").asLong();
        long requested = System.nanoTime();
        assertThat(ctx.http().send("POST", BoardRoutes.reset(ctx), Access.administrator(ctx), null).status())
                .isBetween(200, 299);
        awaitRebooted(ctx, uptimeBefore, requested);
        assertThat(config(ctx)).as("configuration after the reset").isEqualTo(before);
        assertThat(config(ctx).path("device").path("name").asText()).as("device name after the reset").isEqualTo(name);
    }

    /** Waits until the system report shows a fresh boot: uptime restarted since the reset request. */
    static JsonNode awaitRebooted(CheckContext ctx, long uptimeBefore, long requestedNanos) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await("device back after a reset, uptime restarted (was " + uptimeBefore + " ms)").atMost(REBOOT_BUDGET)
                .pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .untilAsserted(() -> {
                    JsonNode system = system(ctx);
                    last.set(system);
                    long sinceRequest = (System.nanoTime() - requestedNanos) / 1_000_000;
                    assertThat(system.path("uptime_ms").asLong()).as("uptime_ms %d ms after the reset request",
                            sinceRequest).isLessThanOrEqualTo(sinceRequest + 100).isLessThan(uptimeBefore + sinceRequest);
                });
        return last.get();
    }

    static JsonNode system(CheckContext ctx) {
        HttpReply reply = ctx.http().get(BoardRoutes.system(ctx));
        Answers.expectStatus(ctx, reply, String.format("GET %s (body: %s)", BoardRoutes.system(ctx), reply.text()), 200);
        return Envelope.data(reply);
    }

    /** {@code PUT} on the config route with the profile's credentials, which AUTH-07 asks for. */
    static HttpReply putConfig(CheckContext ctx, String json) {
        return ctx.http().send("PUT", BoardRoutes.config(ctx), Access.administratorJson(ctx),
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static JsonNode config(CheckContext ctx) {
        HttpReply reply = ctx.http().get(BoardRoutes.config(ctx));
        Answers.expectStatus(ctx, reply, String.format("GET %s", BoardRoutes.config(ctx)), 200);
        return Envelope.data(reply);
    }

    static String secret() {
        return "s3cret-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
    }
}
