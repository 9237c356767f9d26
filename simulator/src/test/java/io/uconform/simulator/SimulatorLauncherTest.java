package io.uconform.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SimulatorLauncherTest {

    @Test
    void startsOnTheGivenBoardWithSeparateAdminPort() {
        try (SimulatedDevice d = SimulatorLauncher.start("esp32c3-devkitm", 0, 0)) {
            assertThat(d.baseUri().getPort()).isPositive().isNotEqualTo(d.adminUri().getPort());
            assertThat(d.adminUri().getPath()).as("the board page").isEqualTo("/admin");
            assertThat(new TestApi(d.adminUri()).get("/admin/board").dataMap()).containsEntry("board", "esp32c3-devkitm");
        }
    }

    @Test
    void badInputIsOneLine() {
        assertThatThrownBy(() -> SimulatorLauncher.start("uno", 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown board 'uno'");
        assertThatThrownBy(() -> SimulatorLauncher.start("esp32-devkitc", 70000, 0))
                .hasMessage("port must be 0..65535, not 70000");
    }

    @Test
    void adminPortInUseIsReportedAndTheDeviceServerIsReleased() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> SimulatorLauncher.start("esp32-devkitc", 0, busy.getLocalPort()))
                    .isInstanceOf(SimulatorException.class)
                    .hasMessageStartingWith("admin server: ")
                    .hasMessageContaining(String.valueOf(busy.getLocalPort()));
        }
    }
}
