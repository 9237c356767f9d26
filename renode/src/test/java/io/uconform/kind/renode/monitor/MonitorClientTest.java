package io.uconform.kind.renode.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uconform.kind.renode.support.TranscriptMonitor;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class MonitorClientTest {

    private static final Duration T = Duration.ofSeconds(5);

    private static TranscriptMonitor nucleo() {
        return TranscriptMonitor.play("nucleo_f767zi.txt", Map.of("FIRMWARE", "/cache/fw.hex", "UART_PORT", "3456"));
    }

    @Test
    void dropsTheTelnetNegotiationAndTheColoursAndReadsTheBannerAndPrompt() {
        try (TranscriptMonitor renode = nucleo(); MonitorClient monitor = MonitorClient.connect(renode.address(), T, T)) {
            assertThat(monitor.banner()).isEqualTo("Renode, version 1.16.1.1525 (20db8a34-202602101515)");
            assertThat(monitor.prompt()).isEqualTo("monitor");
            assertThat(monitor.execute("mach create \"uconform\"", T)).isEmpty();
            assertThat(monitor.prompt()).isEqualTo("uconform");
            assertThat(renode.received()).containsExactly("mach create \"uconform\"");
        }
    }

    @Test
    void aCommandTheMonitorRefusesFailsWithTheCommandAndTheMonitorsLine() {
        try (TranscriptMonitor renode = nucleo(); MonitorClient monitor = MonitorClient.connect(renode.address(), T, T)) {
            assertThatThrownBy(() -> monitor.execute("sysbus.gpioPortZ.Nothing State", T))
                    .isInstanceOf(MonitorException.class)
                    .hasMessage("renode monitor refused 'sysbus.gpioPortZ.Nothing State': No such command or device: "
                            + "sysbus.gpioPortZ.Nothing State");
        }
    }

    @Test
    void noPromptWithinTheTimeoutIsOneLineNamingWhatWasAwaited() {
        try (TranscriptMonitor renode = TranscriptMonitor.silent()) {
            assertThatThrownBy(() -> MonitorClient.connect(renode.address(), T, Duration.ofMillis(300)))
                    .isInstanceOf(MonitorException.class)
                    .hasMessageContaining("no prompt after the first prompt within 300 ms");
        }
    }

    @Test
    void nothingListeningIsACannotConnectLine() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
        assertThatThrownBy(() -> MonitorClient.connect(address, Duration.ofMillis(500), T))
                .isInstanceOf(MonitorException.class)
                .hasMessageStartingWith("renode monitor at 127.0.0.1:" + port + ": cannot connect within 500 ms");
    }

    @Test
    void aCommandIsOneLine() {
        try (TranscriptMonitor renode = nucleo(); MonitorClient monitor = MonitorClient.connect(renode.address(), T, T)) {
            assertThatThrownBy(() -> monitor.execute("start\nquit", T)).isInstanceOf(IllegalArgumentException.class);
            assertThat(renode.received()).isEmpty();
        }
    }
}
