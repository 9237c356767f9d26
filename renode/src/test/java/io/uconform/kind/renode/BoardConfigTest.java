package io.uconform.kind.renode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BoardConfigTest {

    @Test
    void setsTheBoardAndTheStaticWiredNetworkAndKeepsEveryOtherKey() throws Exception {
        byte[] app = "{\"device\":{\"name\":\"n\",\"board\":\"esp32-devkitc\"},\"auth\":{\"user\":\"admin\"}}"
                .getBytes(StandardCharsets.UTF_8);
        JsonNode cfg = new ObjectMapper().readTree(BoardConfig.forBoard(app, BoardProfile.NUCLEO_F767ZI, AddressPlan.DEFAULT));
        assertThat(cfg.at("/device/name").asText()).isEqualTo("n");
        assertThat(cfg.at("/device/board").asText()).isEqualTo("nucleo-f767zi");
        assertThat(cfg.at("/auth/user").asText()).isEqualTo("admin");
        assertThat(cfg.get("net").toString()).isEqualTo("{\"mode\":\"lan\",\"ip\":\"192.0.2.2\",\"netmask\":\"255.255.255.0\","
                + "\"gateway\":\"192.0.2.1\",\"dns\":\"192.0.2.1\"}");
        assertThat(new ObjectMapper().readTree(BoardConfig.forBoard(null, BoardProfile.NUCLEO_F767ZI, AddressPlan.DEFAULT))
                .at("/net/mode").asText()).isEqualTo("lan");
    }
}
