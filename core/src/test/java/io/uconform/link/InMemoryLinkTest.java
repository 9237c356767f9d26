package io.uconform.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class InMemoryLinkTest {

    @Test
    void bytesFlowBothWaysAndControlLinesReachThePeer() throws Exception {
        InMemoryLink.Pair pair = InMemoryLink.pair("t");
        List<String> seen = new ArrayList<>();
        pair.device().onPeerControlLines((dtr, rts) -> seen.add(dtr + "/" + rts));
        pair.host().output().write("ping".getBytes());
        byte[] buf = new byte[4];
        assertThat(pair.device().input().readNBytes(buf, 0, 4)).isEqualTo(4);
        assertThat(new String(buf)).isEqualTo("ping");
        pair.device().output().write('!');
        assertThat(pair.host().input().read()).isEqualTo('!');
        pair.host().setControlLines(false, true);
        pair.host().setControlLines(true, false);
        assertThat(seen).containsExactly("false/true", "true/false");
    }

    @Test
    void aSilentPeerEndsTheReadWithATimeout() throws Exception {
        InMemoryLink.Pair pair = InMemoryLink.pair("t");
        pair.host().setReadTimeout(Duration.ofMillis(50));
        assertThatThrownBy(() -> pair.host().input().read()).isInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void closingOneEndDrainsThenEndsTheStreamAndFailsWrites() throws Exception {
        InMemoryLink.Pair pair = InMemoryLink.pair("t");
        pair.device().output().write('x');
        pair.device().close();
        assertThat(pair.host().input().read()).isEqualTo('x');
        assertThat(pair.host().input().read()).isEqualTo(-1);
        assertThatThrownBy(() -> pair.host().output().write(1)).isInstanceOf(IOException.class)
                .hasMessageContaining("closed");
    }
}
