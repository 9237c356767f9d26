package io.uconform.simulator.esp32;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoardUnameTest {

    @Test
    void theFieldsComeFromTheBannerAsAnEsp32ReportsThem() {
        assertThat(BoardUname.fromBanner("MicroPython v1.24.1 on 2024-11-29; Generic ESP32 module with ESP32"))
                .isEqualTo("esp32|esp32|1.24.1|v1.24.1 on 2024-11-29|Generic ESP32 module with ESP32");
        assertThat(BoardUname.fromBanner("MicroPython v1.23.0 on 2024-06-02; ESP32C3 module with ESP32-C3"))
                .isEqualTo("esp32|esp32|1.23.0|v1.23.0 on 2024-06-02|ESP32C3 module with ESP32-C3");
    }
}
