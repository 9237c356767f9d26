package io.uconform.checks.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.uconform.client.HttpReply;
import io.uconform.suite.CheckContext;
import java.util.ArrayList;
import java.util.List;

/** The index ({@code GET /}, CORE-01) as the checks read it. */
public final class Index {

    private Index() {
    }

    public static HttpReply get(CheckContext ctx) {
        return ctx.http().get(ctx.route("index"));
    }

    /** The {@code routes} array of an index reply, asserting the index shape on the way. */
    public static List<String> routes(HttpReply reply) {
        JsonNode data = reply.json().path("data");
        assertThat(data.isObject()).as("index has a \"data\" object: %s", reply.text()).isTrue();
        JsonNode routes = data.path("routes");
        assertThat(routes.isArray()).as("index data has a \"routes\" array: %s", reply.text()).isTrue();
        List<String> list = new ArrayList<>();
        routes.forEach(r -> list.add(r.asText()));
        return list;
    }

    /**
     * "Answers correctly" for the robustness checks: 200, a JSON index with a name and routes
     * including {@code /}. Deliberately not the sort order (that is CORE-01's own check).
     */
    public static void answersCorrectly(CheckContext ctx, HttpReply reply) {
        assertThat(reply.status()).as("[%s] GET %s status (body: %s)", ctx.targetName(), ctx.route("index"),
                reply.text()).isEqualTo(200);
        assertThat(reply.json().path("data").path("name").isTextual()).as("index names the app: %s", reply.text())
                .isTrue();
        assertThat(routes(reply)).as("index routes").contains("/");
    }
}
