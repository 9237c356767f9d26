package io.uconform.server.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class HomeReporterTest {

    private static final HomeOptions QUICK = new HomeOptions(8, 4, Duration.ofMillis(100), Duration.ofMillis(800),
            Duration.ofMillis(500));

    @Test
    void postsEventsAsJson() throws Exception {
        try (FakeHome home = new FakeHome(); HomeReporter reporter = new HomeReporter(home::url, () -> "dev", QUICK)) {
            reporter.submit("pin", Map.of("pin", 2));
            await("one post").atMost(Duration.ofSeconds(5)).until(() -> reporter.delivered() == 1);
            assertThat(home.posts()).singleElement().satisfies(p -> {
                assertThat(p.body()).isEqualTo("{\"event\":\"pin\",\"device\":\"dev\",\"seq\":1,\"data\":{\"pin\":2}}");
                assertThat(p.attempt()).isEqualTo("1");
            });
        }
    }

    @Test
    void retriesServerErrorsWithGrowingBackoff() throws Exception {
        try (FakeHome home = new FakeHome(503, 500, 502);
             HomeReporter reporter = new HomeReporter(home::url, () -> "dev", QUICK)) {
            reporter.submit("boot", Map.of("reset_cause", "soft"));
            await("delivered on the 4th try").atMost(Duration.ofSeconds(10)).until(() -> reporter.delivered() == 1);
            List<FakeHome.Post> posts = home.posts();
            assertThat(posts).extracting(FakeHome.Post::attempt).containsExactly("1", "2", "3", "4");
            long gap1 = posts.get(1).atNanos() - posts.get(0).atNanos();
            long gap3 = posts.get(3).atNanos() - posts.get(2).atNanos();
            assertThat(Duration.ofNanos(gap1)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
            assertThat(Duration.ofNanos(gap3)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        }
    }

    @Test
    void retriesTimeoutsAndGivesUpAfterMaxAttempts() throws Exception {
        try (FakeHome home = new FakeHome(FakeHome.HANG, 503, 503, 503, 503);
             HomeReporter reporter = new HomeReporter(home::url, () -> "dev", QUICK)) {
            reporter.submit("pin", Map.of("pin", 4));
            await("abandoned after 4 tries").atMost(Duration.ofSeconds(10)).until(() -> reporter.abandoned() == 1);
            assertThat(home.posts()).hasSize(4);
            assertThat(reporter.delivered()).isZero();
        }
    }

    @Test
    void clientErrorsAreNotRetried() throws Exception {
        // a post timeout far above a loaded machine's delays: a timed-out first post would be retried
        // and the retry answered 200, which is not what this test is about
        HomeOptions patient = new HomeOptions(8, 4, Duration.ofMillis(100), Duration.ofMillis(800), Duration.ofSeconds(15));
        try (FakeHome home = new FakeHome(404); HomeReporter reporter = new HomeReporter(home::url, () -> "d", patient)) {
            reporter.submit("pin", Map.of());
            await("abandoned").atMost(Duration.ofSeconds(20)).until(() -> reporter.abandoned() == 1);
            assertThat(home.posts()).hasSize(1);
        }
    }

    @Test
    void noUrlMeansNothingIsQueuedAndAUrlSetLaterApplies() throws Exception {
        AtomicReference<String> url = new AtomicReference<>("");
        try (FakeHome home = new FakeHome(); HomeReporter reporter = new HomeReporter(url::get, () -> "d", QUICK)) {
            reporter.submit("pin", Map.of("n", 1));
            url.set(home.url());
            reporter.submit("pin", Map.of("n", 2));
            await("one post").atMost(Duration.ofSeconds(5)).until(() -> reporter.delivered() == 1);
            assertThat(home.posts()).singleElement().extracting(FakeHome.Post::body).asString().contains("\"n\":2");
        }
    }

    @Test
    void singleAttemptOptionDoesNotRetry() throws Exception {
        try (FakeHome home = new FakeHome(503);
             HomeReporter reporter = new HomeReporter(home::url, () -> "d", QUICK.withMaxAttempts(1))) {
            reporter.submit("pin", Map.of());
            await("abandoned").atMost(Duration.ofSeconds(20)).until(() -> reporter.abandoned() == 1);
            assertThat(home.posts()).hasSize(1);
        }
    }
}
