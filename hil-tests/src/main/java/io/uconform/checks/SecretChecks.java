package io.uconform.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.checks.support.Answers;
import io.uconform.checks.support.BoardRoutes;
import io.uconform.checks.support.Envelope;
import io.uconform.checks.support.Index;
import io.uconform.checks.support.Replies;
import io.uconform.checks.support.Requests;
import io.uconform.checks.support.Waits;
import io.uconform.client.HttpReply;
import io.uconform.client.RawConnection;
import io.uconform.console.ConsoleLine;
import io.uconform.suite.Check;
import io.uconform.suite.CheckContext;
import io.uconform.suite.LastConformanceChecks;
import io.uconform.suite.Needs;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Order;

/**
 * BOOT-02: secrets never leave the device. To know a secret it looks for, a check writes a
 * throwaway station or access-point password through {@code PUT /config}; the device would fail to
 * join its Wi-Fi after a later reboot, so these checks run after every check that resets the
 * device (SYS-02, HOME-01; see {@link ChecksOrder}). Targets the harness configures get their
 * real configuration written back: {@code esp32} when the run lets go of the board, {@code host}
 * at its next start.
 */
@Needs(routes = "config")
@LastConformanceChecks
@Order(ChecksOrder.SECRETS)
public class SecretChecks {

    @Check("BOOT-02")
    void configAnswersMaskTheWifiPassword(CheckContext ctx) {
        String secret = SystemChecks.secret();
        HttpReply put = SystemChecks.putConfig(ctx,
                "{\"sta\":{\"ssid\":\"uconform-net\",\"password\":\"" + secret + "\"}}");
        Answers.expectStatus(ctx, put, String.format("PUT %s", BoardRoutes.config(ctx)), 200);
        assertThat(put.text()).as("answer to the PUT that set the password").doesNotContain(secret);
        HttpReply get = ctx.http().get(BoardRoutes.config(ctx));
        assertThat(get.text()).as("GET %s", BoardRoutes.config(ctx)).doesNotContain(secret);
        assertThat(Envelope.data(get).path("sta").path("password").asText()).as("masked sta.password").isNotEmpty();
    }

    @Check("BOOT-02")
    void accessPointPasswordIsMasked(CheckContext ctx) {
        String secret = SystemChecks.secret();
        HttpReply put = SystemChecks.putConfig(ctx, "{\"ap\":{\"password\":\"" + secret + "\"}}");
        Answers.expectStatus(ctx, put, String.format("PUT %s", BoardRoutes.config(ctx)), 200);
        assertThat(put.text()).as("answer to the PUT").doesNotContain(secret);
        assertThat(ctx.http().get(BoardRoutes.config(ctx)).text()).as("GET %s", BoardRoutes.config(ctx))
                .doesNotContain(secret);
    }

    @Needs(routes = "index")
    @Check("BOOT-02")
    void noListedRouteReturnsTheSecret(CheckContext ctx) {
        String secret = SystemChecks.secret();
        assertThat(SystemChecks.putConfig(ctx,
                "{\"sta\":{\"password\":\"" + secret + "\"}}").status()).isEqualTo(200);
        List<String> routes = Index.routes(Index.get(ctx));
        List<String> visited = new java.util.ArrayList<>();
        List<String> streams = new java.util.ArrayList<>();
        for (String route : routes) {
            if (route.contains("{") || route.contains("*") || route.contains("reset")) {
                continue;
            }
            try (RawConnection c = ctx.raw().open()) {
                c.send(Requests.get(ctx, route, "Connection: close"));
                // a route that streams (events, parts) never completes a response: it is left out
                Optional<HttpReply> reply = Replies.within(c, Waits.prompt());
                if (reply.isEmpty()) {
                    streams.add(route);
                    continue;
                }
                assertThat(reply.get().text()).as("GET %s", route).doesNotContain(secret);
                assertThat(reply.get().headers().toString()).as("headers of GET %s", route).doesNotContain(secret);
                visited.add(route);
            }
        }
        ctx.note("GET on " + visited.size() + " listed routes returned no secret: " + visited
                + "; streaming routes not inspected: " + streams);
        assertThat(visited).as("routes inspected").isNotEmpty();
    }

    @Check("BOOT-02")
    void consoleNeverPrintsTheSecret(CheckContext ctx) {
        String secret = SystemChecks.secret();
        assertThat(SystemChecks.putConfig(ctx,
                "{\"sta\":{\"ssid\":\"uconform-net\",\"password\":\"" + secret + "\"}}").status()).isEqualTo(200);
        ctx.http().get(BoardRoutes.config(ctx));
        List<ConsoleLine> lines = ctx.console().lines();
        assertThat(lines).as("console lines").noneMatch(line -> line.toString().contains(secret));
        ctx.note(lines.size() + " console lines checked");
    }

}
