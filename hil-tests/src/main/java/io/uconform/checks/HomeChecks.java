package io.uconform.checks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.uconform.checks.support.Answers;
import io.uconform.checks.support.BoardRoutes;
import io.uconform.checks.support.Exchange;
import io.uconform.checks.support.HomeServer;
import io.uconform.checks.support.Requests;
import io.uconform.client.HttpReply;
import io.uconform.suite.Check;
import io.uconform.suite.RunsAlone;
import io.uconform.suite.CheckContext;
import io.uconform.suite.ConformanceChecks;
import io.uconform.suite.Needs;
import org.junit.jupiter.api.Order;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * HOME: with a home URL configured ({@code PUT /config}), the device posts its boot and pin-change
 * events there, retries 5xx and timeouts with growing waits, and keeps serving meanwhile. The home
 * is WireMock on 127.0.0.1, scripted per check.
 */
@Needs(routes = "config")
@ConformanceChecks
@Order(ChecksOrder.HOME)
public class HomeChecks {

    /** Bound on a device's posting and retrying (a few tries with backoff). */
    private static final Duration DELIVERY = Duration.ofSeconds(15);

    @Needs(routes = "led", params = "ledPin")
    @Check("HOME-01")
    void pinChangeIsPosted(CheckContext ctx) {
        int led = BoardRoutes.pin(ctx, "ledPin");
        try (HomeServer home = HomeServer.answering().attach(ctx)) {
            int value = SseChecks.toggleLed(ctx).path("value").asInt();
            List<LoggedRequest> posts = awaitPosts(ctx, home, pinEvent(led), 1, "pin event for GPIO " + led);
            JsonNode data = HomeServer.body(posts.get(0)).path("data");
            assertThat(data.path("value").asInt()).as("posted value (LED answered %d)", value).isEqualTo(value);
            assertThat(posts.get(0).getHeader("Content-Type")).as("Content-Type of the post").contains("json");
        }
    }

    @Needs(routes = "reset")
    @Check("HOME-01")
    void bootIsPostedAfterAReset(CheckContext ctx) {
        try (HomeServer home = HomeServer.answering().attach(ctx)) {
            String[] lines = java.util.stream.Stream.concat(java.util.stream.Stream.of("Content-Length: 0"),
                    io.uconform.checks.support.Access.administratorLine(ctx).stream()).toArray(String[]::new);
            HttpReply reset = Exchange.once(ctx, Requests.head(ctx, "POST", BoardRoutes.reset(ctx), lines)
                    + Requests.CRLF);
            Answers.expectStatus(ctx, reset, String.format("POST %s", BoardRoutes.reset(ctx)), 200);
            awaitPosts(ctx, home, e -> "boot".equals(e.path("event").asText()), 1, "boot event after a reset");
        }
    }

    @Needs(routes = "led", params = "ledPin")
    @Check("HOME-01")
    @RunsAlone
    void serverErrorsAreRetried(CheckContext ctx) {
        int led = BoardRoutes.pin(ctx, "ledPin");
        try (HomeServer home = HomeServer.answering(aResponse().withStatus(503), aResponse().withStatus(500))
                .attach(ctx)) {
            SseChecks.toggleLed(ctx);
            List<LoggedRequest> posts = awaitPosts(ctx, home, pinEvent(led), 3, "pin event posted 3 times (503, 500, 200)");
            assertThat(posts.get(1).getBodyAsString()).as("the retry posts the same event")
                    .isEqualTo(posts.get(0).getBodyAsString());
        }
    }

    @Needs(routes = "led", params = "ledPin")
    @Check("HOME-01")
    @RunsAlone
    void retriesBackOffExponentially(CheckContext ctx) {
        int led = BoardRoutes.pin(ctx, "ledPin");
        try (HomeServer home = HomeServer.answering(aResponse().withStatus(503), aResponse().withStatus(503),
                aResponse().withStatus(503)).attach(ctx)) {
            SseChecks.toggleLed(ctx);
            List<LoggedRequest> posts = awaitPosts(ctx, home, pinEvent(led), 4, "pin event posted 4 times");
            List<Long> gaps = new ArrayList<>();
            for (int i = 1; i < 4; i++) {
                gaps.add(posts.get(i).getLoggedDate().getTime() - posts.get(i - 1).getLoggedDate().getTime());
            }
            ctx.note("waits between tries (ms): " + gaps);
            assertThat(gaps.get(0)).as("wait before the first retry (ms), of %s", gaps).isGreaterThanOrEqualTo(50);
            // growth, with room for one late post on a loaded machine (gaps of 560 then 509 ms were a
            // first post delayed by scheduling, not a shrinking backoff): no wait is shorter than 80 %
            // of the one before, and the last is half again the first
            for (int i = 1; i < gaps.size(); i++) {
                assertThat(gaps.get(i) * 5).as("wait %d vs wait %d (ms), of %s: waits between tries grow", i + 1, i, gaps)
                        .isGreaterThanOrEqualTo(gaps.get(i - 1) * 4);
            }
            assertThat(gaps.get(2)).as("third wait vs first (ms), of %s", gaps).isGreaterThan(gaps.get(0) * 3 / 2);
        }
    }

    @Needs(routes = "led", params = "ledPin")
    @Check("HOME-01")
    @RunsAlone
    void timeoutsAreRetried(CheckContext ctx) {
        int led = BoardRoutes.pin(ctx, "ledPin");
        try (HomeServer home = HomeServer.answering(aResponse().withStatus(200).withFixedDelay(5000)).attach(ctx)) {
            SseChecks.toggleLed(ctx);
            awaitPosts(ctx, home, pinEvent(led), 2, "pin event posted again after a home that did not answer in 5 s");
        }
    }

    @Needs(routes = {"index", "led"}, params = "ledPin")
    @Check("HOME-01")
    void servingIsNotBlockedWhileHomeHangs(CheckContext ctx) {
        int led = BoardRoutes.pin(ctx, "ledPin");
        try (HomeServer home = HomeServer.hanging(Duration.ofSeconds(6)).attach(ctx)) {
            SseChecks.toggleLed(ctx);
            awaitPosts(ctx, home, pinEvent(led), 1, "pin event post (the home holds it for 6 s)");
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                HttpReply reply = Exchange.once(ctx, Requests.get(ctx, ctx.route("index")));
                millis.add((System.nanoTime() - start) / 1_000_000);
                assertThat(reply.status()).as("GET / while the home hangs").isLessThan(500);
            }
            ctx.note("GET / while the home hangs (ms): " + millis);
            assertThat(millis).as("GET / latencies (ms) while a home post hangs").allMatch(ms -> ms < 1000);
        }
    }

    private static Predicate<JsonNode> pinEvent(int pin) {
        return e -> "pin".equals(e.path("event").asText()) && e.path("data").path("pin").asInt(-1) == pin;
    }

    private static List<LoggedRequest> awaitPosts(CheckContext ctx, HomeServer home, Predicate<JsonNode> wanted,
                                                 int count, String what) {
        await("[" + ctx.targetName() + "] " + what + " at " + home.url()).atMost(DELIVERY)
                .pollInterval(Duration.ofMillis(100)).until(() -> home.posts(wanted).size() >= count);
        List<LoggedRequest> posts = home.posts(wanted);
        ctx.note(what + ": " + posts.size() + " post(s), first body " + posts.get(0).getBodyAsString());
        return posts;
    }
}
