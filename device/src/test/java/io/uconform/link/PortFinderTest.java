package io.uconform.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PortFinderTest {

    static final List<SerialPortInfo> PORTS = List.of(
            new SerialPortInfo("/dev/ttyS0", 0, 0, "Physical port"),
            new SerialPortInfo("/dev/ttyUSB0", 0x1A86, 0x7523, "USB Serial"),
            new SerialPortInfo("/dev/ttyACM0", 0x303A, 0x1001, "USB JTAG/serial debug unit"));

    @Test
    void findsThePortByUsbId() {
        assertThat(PortFinder.byUsbId(PORTS, UsbId.parse("303a:1001")).path()).isEqualTo("/dev/ttyACM0");
        assertThat(PortFinder.firstKnownBridge(PORTS)).map(SerialPortInfo::path).contains("/dev/ttyUSB0");
    }

    @Test
    void explainsMissingAndAmbiguousPorts() {
        assertThatThrownBy(() -> PortFinder.byUsbId(PORTS, UsbId.CP210X))
                .hasMessage("no serial port with USB id 10c4:ea60 (ports: /dev/ttyS0 [0000:0000], "
                        + "/dev/ttyUSB0 [1a86:7523], /dev/ttyACM0 [303a:1001])");
        List<SerialPortInfo> two = List.of(PORTS.get(1), new SerialPortInfo("/dev/ttyUSB1", 0x1A86, 0x7523, ""));
        assertThatThrownBy(() -> PortFinder.byUsbId(two, UsbId.CH340)).hasMessageContaining("several serial ports");
        assertThatThrownBy(() -> UsbId.parse("cp2102")).hasMessageStartingWith("bad USB id 'cp2102'");
    }

    @Test
    void aMissingSerialPortIsOneClearLine() {
        assertThatThrownBy(() -> JSerialCommLink.open("/dev/ttyUCONFORM-NONE", 115200))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("/dev/ttyUCONFORM-NONE")
                .hasMessageNotContaining("Exception");
    }
}
