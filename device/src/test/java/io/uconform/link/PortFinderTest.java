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
    }

    @Test
    void withNoPortNamedTheOneKnownEsp32BridgeIsChosen() {
        List<SerialPortInfo> bench = List.of(PORTS.get(0), new SerialPortInfo("/dev/ttyUSB3", 0x10C4, 0xEA60, "CP2102"),
                new SerialPortInfo("/dev/ttyACM5", 0x2341, 0x0043, "Arduino Uno"));
        assertThat(PortFinder.soleKnownBridge(bench).path()).isEqualTo("/dev/ttyUSB3");
        assertThat(PortFinder.soleKnownBridge(List.of(new SerialPortInfo("/dev/ttyACM0", 0x1A86, 0x55D4, "CH9102")))
                .usbId()).isEqualTo(UsbId.CH9102);
    }

    @Test
    void withNoPortNamedNoneOrSeveralBoardsAreOneClearLine() {
        assertThatThrownBy(() -> PortFinder.soleKnownBridge(List.of(PORTS.get(0))))
                .hasMessage("no serial port named and no ESP32 board found by USB id (looked for 10c4:ea60, 1a86:7523,"
                        + " 1a86:55d4, 0403:6001, 303a:1001; ports: /dev/ttyS0 [0000:0000]): set the option port or"
                        + " vidpid, or UCONFORM_PORT");
        assertThatThrownBy(() -> PortFinder.soleKnownBridge(PORTS))
                .hasMessage("no serial port named and several ESP32 boards found (/dev/ttyUSB0 [1a86:7523],"
                        + " /dev/ttyACM0 [303a:1001]): name one with the option port or vidpid, or UCONFORM_PORT");
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
