package io.uconform.checks.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.uconform.client.HttpReply;
import io.uconform.client.Json;
import io.uconform.suite.CheckContext;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * A home server for HOME checks: WireMock on 127.0.0.1 (ephemeral port) receiving the device's
 * event posts at {@code /home}, scripted per check (statuses, delays). {@link #attach} points the
 * target at it through {@code PUT /config} (skipping the check when the target has no such
 * route); {@link #close()} restores the target's previous home URL and stops WireMock.
 */
public final class HomeServer implements AutoCloseable {

    public static final String PATH = "/home";
    private static final String SCENARIO = "home";

    private final WireMockServer wiremock;
    private CheckContext ctx;
    private String previousUrl = "";

    private HomeServer() {
        wiremock = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").port(0)
                .containerThreads(8).jettyAcceptors(1));
        wiremock.start();
    }

    /** A home that answers {@code responses} in turn, then 200 for ever. */
    public static HomeServer answering(ResponseDefinitionBuilder... responses) {
        HomeServer home = new HomeServer();
        String state = Scenario.STARTED;
        for (int i = 0; i < responses.length; i++) {
            String next = "after-" + (i + 1);
            home.wiremock.stubFor(post(urlEqualTo(PATH)).inScenario(SCENARIO).whenScenarioStateIs(state)
                    .willReturn(responses[i]).willSetStateTo(next));
            state = next;
        }
        home.wiremock.stubFor(post(urlEqualTo(PATH)).inScenario(SCENARIO).whenScenarioStateIs(state)
                .willReturn(aResponse().withStatus(200)));
        return home;
    }

    /** A home that always answers after {@code delay} (longer than any device's post timeout). */
    public static HomeServer hanging(Duration delay) {
        HomeServer home = new HomeServer();
        home.wiremock.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withFixedDelay((int) delay.toMillis())));
        return home;
    }

    public String url() {
        return "http://127.0.0.1:" + wiremock.port() + PATH;
    }

    /** Configures the target's home URL to this server. */
    public HomeServer attach(CheckContext context) {
        this.ctx = context;
        HttpReply current = Exchange.once(context, Requests.get(context, BoardRoutes.config(context)));
        assumeThat(current.status()).as("GET %s (the target's configuration, needed to set its home URL)",
                BoardRoutes.config(context)).isEqualTo(200);
        previousUrl = current.json().path("data").path("home").path("url").asText("");
        HttpReply set = putHomeUrl(context, url());
        assertThat(set.status()).as("PUT %s with the home URL %s (body: %s)", BoardRoutes.config(context), url(),
                set.text()).isEqualTo(200);
        context.note("home URL set to WireMock at " + url());
        return this;
    }

    /** On a fresh connection each time: the sim's short idle timeout closes pooled ones between steps. */
    private static HttpReply putHomeUrl(CheckContext context, String url) {
        return Exchange.once(context, Requests.json(context, "PUT", BoardRoutes.config(context),
                "{\"home\":{\"url\":\"" + url.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}}",
                Access.administratorLine(context).stream().toArray(String[]::new)));
    }

    /** Every event posted so far, oldest first. */
    public List<LoggedRequest> posts() {
        return wiremock.findAll(postRequestedFor(urlEqualTo(PATH)));
    }

    /** The posts whose JSON body matches. */
    public List<LoggedRequest> posts(Predicate<JsonNode> wanted) {
        return posts().stream().filter(r -> wanted.test(body(r))).toList();
    }

    public static JsonNode body(LoggedRequest request) {
        try {
            return Json.parse(request.getBodyAsString());
        } catch (AssertionError e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    /** Restores the previous home URL (best effort) and stops WireMock. */
    @Override
    public void close() {
        try {
            if (ctx != null) {
                putHomeUrl(ctx, previousUrl);
            }
        } finally {
            wiremock.stop();
        }
    }
}
