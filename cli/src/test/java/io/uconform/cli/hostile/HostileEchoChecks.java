package io.uconform.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.client.HttpReply;
import io.uconform.suite.Check;
import io.uconform.suite.Needs;
import io.uconform.suite.CheckContext;
import io.uconform.suite.ConformanceChecks;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Sends the profile's credentials as a Basic header and an {@code ?auth=} query; fails quoting what came back. */
@ConformanceChecks
class HostileEchoChecks {

    @Needs(params = {"authUser", "authPassword"})
    @Check("AUTH-01")
    void credentialsEchoedBack(CheckContext ctx) {
        String token = Base64.getEncoder().encodeToString((ctx.param("authUser") + ":" + ctx.param("authPassword"))
                .getBytes(StandardCharsets.UTF_8));
        HttpReply reply = ctx.http().send("GET", "/api/whoami?auth=" + token, Map.of("Authorization", "Basic " + token),
                new byte[0]);
        assertThat(reply.text()).as("body of /api/whoami").isEqualTo("{\"data\":\"admin\"}");
    }
}
