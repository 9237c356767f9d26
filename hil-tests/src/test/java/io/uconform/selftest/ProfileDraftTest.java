package io.uconform.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uconform.draft.ProfileDraft;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ProfileDraftTest {

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void draftBindsWhatTheServerShowsAndClaimsCoreForAnIndexOfRoutes() throws IOException {
        ObjectNode draft;
        try (OtherServer server = new OtherServer(OtherServer.Kind.ALWAYS_CLOSE)) {
            draft = ProfileDraft.draft(server.baseUri(), "drafted", Duration.ofSeconds(10));
        }

        assertThat(draft.path("name").asText()).isEqualTo("drafted");
        assertThat(draft.path("routes").path("index").asText()).isEqualTo("/");
        assertThat(draft.path("routes").path("missing").asText()).isEqualTo("/no-such-route-uconform");
        // GET /echo answers 404 (it is a POST route), so the plain 200 route is the index itself
        assertThat(draft.path("routes").path("data").asText()).isEqualTo("/");
        assertThat(draft.path("groups").toString()).contains("\"CORE\"", "\"KA\"");
        assertThat(draft.path("limits").size()).as("limits found where none are enforced").isZero();
        assertThat(draft.path("description").asText()).contains("GET /echo answered 404")
                .contains("no limit found");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aServerThatDoesNotAnswerIsOneClearError() throws IOException {
        URI closed;
        try (OtherServer server = new OtherServer(OtherServer.Kind.ALWAYS_CLOSE)) {
            closed = server.baseUri();
        }
        assertThatThrownBy(() -> ProfileDraft.draft(closed, "x", Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("no HTTP answer from " + closed);
    }
}
