package io.uconform.simulator.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.simulator.SimulatedDevice;
import io.uconform.simulator.SimulatorOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SimulatedFleetTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyBoardAnswersOnItsOwnAddressAndTheAdminListsThemAll() throws Exception {
        FleetAddresses addresses = FleetAddresses.forThisMachine(0);
        try (SimulatedFleet fleet = SimulatedFleet.start(SimulatorOptions.defaults(), 5, addresses, 0)) {
            List<SimulatedDevice> boards = fleet.devices();
            assertThat(boards).hasSize(5);
            for (int i = 0; i < boards.size(); i++) {
                URI base = boards.get(i).baseUri();
                assertThat(base.getHost()).as("board %d's address", i + 1).isEqualTo(addresses.host(i));
                assertThat(get(base.resolve("/led/on")).statusCode()).as("GET /led/on on board %d", i + 1).isEqualTo(200);
            }
            assertThat(boards.stream().map(b -> b.baseUri().getHost() + ":" + b.baseUri().getPort()).distinct())
                    .as("board endpoints").hasSize(5);
            if (addresses.ownAddresses()) {
                assertThat(boards.stream().map(b -> b.baseUri().getHost()).distinct()).as("own addresses").hasSize(5);
            }
            String list = get(fleet.adminUri().resolve("/admin/fleet")).body();
            assertThat(list).contains("\"count\":5", boards.get(0).baseUri().toString(), boards.get(4).baseUri().toString(),
                    "\"led\":1");
            assertThat(get(fleet.adminUri().resolve("/admin/fleet/3")).body()).contains("\"n\":3",
                    boards.get(2).baseUri().toString(), boards.get(2).adminUri().toString());
            assertThat(get(fleet.adminUri().resolve("/admin/fleet/6")).statusCode()).isEqualTo(404);
            HttpResponse<String> page = get(fleet.adminUri());
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(page.body()).contains("5 boards", "#1 ", "#5 ", boards.get(4).adminUri().toString())
                    .doesNotContain("<script", "src=");
        }
    }

    @Test
    void addressPlanCountsThroughTheLoopbackNetwork() {
        FleetAddresses own = new FleetAddresses(true, 8080);
        assertThat(own.host(0)).isEqualTo("127.0.1.1");
        assertThat(own.host(253)).isEqualTo("127.0.1.254");
        assertThat(own.host(254)).isEqualTo("127.0.2.1");
        assertThat(own.port(999)).isEqualTo(8080);
        FleetAddresses shared = new FleetAddresses(false, 8080);
        assertThat(shared.host(999)).isEqualTo("127.0.0.1");
        assertThat(shared.port(999)).isEqualTo(9079);
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
