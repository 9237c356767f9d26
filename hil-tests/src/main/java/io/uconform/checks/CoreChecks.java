package io.uconform.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.uconform.checks.support.Answers;
import io.uconform.checks.support.Envelope;
import io.uconform.checks.support.Index;
import io.uconform.client.HttpReply;
import io.uconform.client.Json;
import io.uconform.suite.Check;
import io.uconform.suite.CheckContext;
import io.uconform.suite.ConformanceChecks;
import io.uconform.suite.Needs;
import org.junit.jupiter.api.Order;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/** CORE: routing and the JSON envelope. */
@ConformanceChecks
@Order(ChecksOrder.CORE)
public class CoreChecks {

    @Needs(routes = "index")
    @Check("CORE-01")
    void indexNamesTheAppAndListsRoutes(CheckContext ctx) {
        HttpReply reply = Index.get(ctx);
        Answers.expectStatus(ctx, reply, String.format("GET / status (body: %s)", reply.text()), 200);
        JsonNode data = reply.json().path("data");
        assertThat(data.path("name").isTextual()).as("data.name is a string: %s", reply.text()).isTrue();
        assertThat(Index.routes(reply)).as("routes").isNotEmpty();
    }

    @Needs(routes = "index")
    @Check("CORE-01")
    void indexListsItself(CheckContext ctx) {
        assertThat(Index.routes(Index.get(ctx))).as("routes of GET /").contains(ctx.route("index"));
    }

    @Needs(routes = {"data", "index", "json", "raise"})
    @Check("CORE-01")
    void indexListsEveryBoundRoute(CheckContext ctx) {
        List<String> routes = Index.routes(Index.get(ctx));
        for (String role : List.of("data", "raise", "json")) {
            assertThat(routes).as("routes of GET / include the %s route", role).contains(ctx.route(role));
        }
    }

    @Needs(routes = "index")
    @Check("CORE-01")
    void indexRoutesAreSorted(CheckContext ctx) {
        List<String> routes = Index.routes(Index.get(ctx));
        List<String> sorted = new ArrayList<>(routes);
        sorted.sort(null);
        assertThat(routes).as("routes of GET / in sorted order").containsExactlyElementsOf(sorted);
    }

    @Needs(routes = "index")
    @Check("CORE-01")
    void indexRoutesAreUnique(CheckContext ctx) {
        List<String> routes = Index.routes(Index.get(ctx));
        assertThat(new HashSet<>(routes)).as("distinct routes of %s", routes).hasSameSizeAs(routes);
    }

    @Needs(routes = "data")
    @Check("CORE-02")
    void dataRouteAnswersDataEnvelope(CheckContext ctx) {
        HttpReply reply = ctx.http().get(ctx.route("data"));
        Answers.expectStatus(ctx, reply, String.format("GET %s status", ctx.route("data")), 200);
        Envelope.data(reply);
    }

    @Needs(routes = "data")
    @Check("CORE-02")
    void successHasJsonContentType(CheckContext ctx) {
        HttpReply reply = ctx.http().get(ctx.route("data"));
        assertThat(reply.status()).isEqualTo(200);
        Envelope.jsonContentType(reply);
    }

    @Needs(routes = "index")
    @Check("CORE-02")
    void indexIsADataEnvelopeWithJsonContentType(CheckContext ctx) {
        HttpReply reply = Index.get(ctx);
        Envelope.jsonContentType(reply);
        Envelope.data(reply);
    }

    @Needs(routes = "json")
    @Check("CORE-02")
    void nullDataIsKept(CheckContext ctx) {
        HttpReply reply = ctx.http().sendJson("POST", ctx.route("json"), "null");
        Answers.expectStatus(ctx, reply, String.format("echo of null (body: %s)", reply.text()), 200);
        assertThat(Envelope.data(reply).isNull()).as("data of an echoed null: %s", reply.text()).isTrue();
    }

    @Needs(routes = "json")
    @Check("CORE-02")
    void echoedStructureIsTheDataValue(CheckContext ctx) {
        String json = "{\"list\":[1,2.5,\"three\",true,null],\"nested\":{\"empty\":{},\"none\":[]}}";
        HttpReply reply = ctx.http().sendJson("POST", ctx.route("json"), json);
        assertThat(reply.status()).isEqualTo(200);
        Envelope.jsonContentType(reply);
        assertThat(Envelope.data(reply)).as("data of an echo").isEqualTo(Json.parse(json));
    }

    @Needs(routes = "json")
    @Check("CORE-02")
    void falsyValuesAreData(CheckContext ctx) {
        for (String json : List.of("0", "false", "\"\"", "[]", "{}")) {
            HttpReply reply = ctx.http().sendJson("POST", ctx.route("json"), json);
            Answers.expectStatus(ctx, reply, String.format("echo of %s (body: %s)", json, reply.text()), 200);
            assertThat(Envelope.data(reply)).as("data of an echoed %s", json).isEqualTo(Json.parse(json));
        }
    }

    @Needs(routes = "missing")
    @Check("CORE-03")
    void missingRouteIs404WithError(CheckContext ctx) {
        HttpReply reply = ctx.http().get(ctx.route("missing"));
        Answers.expectStatus(ctx, reply, String.format("GET %s status", ctx.route("missing")), 404);
        Envelope.error(reply);
    }

    @Check("CORE-03")
    void unknownRandomPathIs404(CheckContext ctx) {
        String path = "/uconform-" + Long.toHexString(System.nanoTime());
        HttpReply reply = ctx.http().get(path);
        Answers.expectStatus(ctx, reply, String.format("GET %s status", path), 404);
        Envelope.error(reply);
    }

    @Needs(routes = "raise")
    @Check("CORE-03")
    void pathBelowAnExistingRouteIs404(CheckContext ctx) {
        String path = ctx.route("raise") + "/deeper/still";
        HttpReply reply = ctx.http().get(path);
        Answers.expectStatus(ctx, reply, String.format("GET %s status", path), 404);
        Envelope.error(reply);
    }

    @Needs(routes = "missing")
    @Check("CORE-03")
    void postToMissingRouteIs404(CheckContext ctx) {
        HttpReply reply = ctx.http().sendJson("POST", ctx.route("missing"), "{}");
        Answers.expectStatus(ctx, reply, String.format("POST %s status", ctx.route("missing")), 404);
        Envelope.error(reply);
    }

    @Needs(routes = "raise")
    @Check("CORE-04")
    void handlerExceptionIs500WithError(CheckContext ctx) {
        HttpReply reply = ctx.http().get(ctx.route("raise"));
        Answers.expectStatus(ctx, reply, String.format("GET %s status", ctx.route("raise")), 500);
        Envelope.error(reply);
    }

    @Needs(routes = {"data", "raise"})
    @Check("CORE-04")
    void serverKeepsServingAfterHandlerExceptions(CheckContext ctx) {
        for (int i = 0; i < 10; i++) {
            assertThat(ctx.http().get(ctx.route("raise")).status()).as("raise #%d", i + 1).isEqualTo(500);
        }
        HttpReply reply = ctx.http().get(ctx.route("data"));
        Answers.expectStatus(ctx, reply, String.format("GET %s after 10 handler exceptions", ctx.route("data")), 200);
    }

    @Needs(routes = "raise")
    @Check("CORE-04")
    void handlerExceptionIsAJsonReply(CheckContext ctx) {
        HttpReply reply = ctx.http().send("GET", ctx.route("raise"), Map.of("X-Check", "core-04"), null);
        Answers.expectStatus(ctx, reply, String.format("GET %s with headers status", ctx.route("raise")), 500);
        Envelope.jsonContentType(reply);
    }

    @Needs(routes = "data")
    @Check("CORE-05")
    void trailingSlashIsSignificant(CheckContext ctx) {
        String path = ctx.route("data") + "/";
        HttpReply reply = ctx.http().get(path);
        Answers.expectStatus(ctx, reply, String.format("GET %s status (the route is %s)", path, ctx.route("data")), 404);
    }

    @Needs(routes = "json")
    @Check("CORE-05")
    void trailingSlashOnPostRouteIsSignificant(CheckContext ctx) {
        String path = ctx.route("json") + "/";
        HttpReply reply = ctx.http().sendJson("POST", path, "{}");
        Answers.expectStatus(ctx, reply, String.format("POST %s status (the route is %s)", path, ctx.route("json")), 404);
    }

    @Needs(routes = {"data", "index"})
    @Check("CORE-05")
    void indexListsRoutesWithoutAddedSlashes(CheckContext ctx) {
        assertThat(Index.routes(Index.get(ctx))).as("routes of GET /").contains(ctx.route("data"))
                .doesNotContain(ctx.route("data") + "/");
    }
}
