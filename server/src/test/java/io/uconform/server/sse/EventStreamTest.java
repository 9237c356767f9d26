package io.uconform.server.sse;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.server.ServerFault;
import io.uconform.server.ServerLimits;
import io.uconform.server.ServerOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventStreamTest {

    private static EventStream stream(int cap, ServerFault... faults) {
        ServerOptions options = ServerOptions.defaults().withLimits(ServerLimits.reference().withMaxSseSubscribers(cap))
                .withFaults(Set.of(faults));
        return new EventHub(options).stream("s");
    }

    @Test
    void capIsEnforcedAndASlotFreesOnClose() {
        EventStream s = stream(2);
        Subscription a = s.subscribe().orElseThrow();
        s.subscribe().orElseThrow();
        assertThat(s.subscribe()).isEmpty();
        a.close();
        assertThat(s.subscribe()).isPresent();
    }

    @Test
    void aSubscriberTooFarBehindIsCutOffWithoutHoldingThePublisher() throws Exception {
        EventStream s = stream(3);
        Subscription slow = s.subscribe().orElseThrow();
        Subscription fast = s.subscribe().orElseThrow();
        for (int i = 0; i < Subscription.CAPACITY + 1; i++) {
            s.publish("x", Integer.toString(i));
            fast.next(Duration.ofMillis(100)).orElseThrow();
        }
        assertThat(slow.isOpen()).isFalse();
        assertThat(fast.isOpen()).isTrue();
        assertThat(s.subscriberCount()).isEqualTo(1);
    }

    @Test
    void idsIncreasePerStream() throws Exception {
        EventStream s = stream(1);
        Subscription sub = s.subscribe().orElseThrow();
        s.publish("a", "1");
        s.publish("b", "2");
        assertThat(sub.next(Duration.ofMillis(100)).map(SseEvent::id)).contains(1L);
        assertThat(sub.next(Duration.ofMillis(100)).map(SseEvent::id)).contains(2L);
        assertThat(sub.next(Duration.ofMillis(10))).isEqualTo(Optional.empty());
    }

    @Test
    void encodingSplitsEveryKindOfLineBreak() {
        String wire = new String(new SseEvent("n", 7, "a\rb\nc\r\nd").encode(true), StandardCharsets.UTF_8);
        assertThat(wire).isEqualTo("event: n\nid: 7\ndata: a\ndata: b\ndata: c\ndata: d\n\n");
        assertThat(new String(new SseEvent("n", 7, "").encode(true), StandardCharsets.UTF_8))
                .isEqualTo("event: n\nid: 7\ndata: \n\n");
    }
}
