package io.uconform.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The whole-request deadlines as profile limits: {@code bodyTimeoutMs} and {@code wsFrameTimeoutMs}. */
class ProfileLimitsTest {

    @Test
    void referenceProfileClaimsTheReferenceDeadlines() {
        Limits limits = Profiles.load("reference").limits();
        assertThat(limits.bodyTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(limits.wsFrameTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(limits).isEqualTo(Limits.reference());
    }

    @Test
    void deadlinesAreReadFromTheProfileAndDefaultWhenAbsent() throws Exception {
        Limits set = parse("{\"bodyTimeoutMs\": 2500, \"wsFrameTimeoutMs\": 750}");
        assertThat(set.bodyTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(set.wsFrameTimeout()).isEqualTo(Duration.ofMillis(750));
        Limits absent = parse("{\"maxClients\": 2}");
        assertThat(absent.bodyTimeout()).isEqualTo(Limits.REFERENCE_BODY_TIMEOUT);
        assertThat(absent.wsFrameTimeout()).isEqualTo(Limits.REFERENCE_WS_FRAME_TIMEOUT);
    }

    @Test
    void aNonPositiveDeadlineIsRefusedWithItsName() {
        assertThatThrownBy(() -> parse("{\"bodyTimeoutMs\": 0}")).isInstanceOf(ProfileException.class)
                .hasMessageContaining("'bodyTimeoutMs' must be a positive integer");
        assertThatThrownBy(() -> parse("{\"wsFrameTimeout\": 5}")).isInstanceOf(ProfileException.class)
                .hasMessageContaining("unknown limit 'wsFrameTimeout'").hasMessageContaining("wsFrameTimeoutMs");
    }

    @Test
    void copiesChangeOneDeadline() {
        Limits limits = Limits.reference().withBodyTimeout(Duration.ofSeconds(2)).withWsFrameTimeout(Duration.ofSeconds(1));
        assertThat(limits.bodyTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(limits.wsFrameTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(limits.withHeaderTimeout(Duration.ofSeconds(1)).bodyTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    private static Limits parse(String limits) throws Exception {
        String json = "{\"name\": \"t\", \"groups\": [\"LIM\"], \"limits\": " + limits + "}";
        return Profiles.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json").limits();
    }
}
