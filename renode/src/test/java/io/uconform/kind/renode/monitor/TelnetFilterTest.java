package io.uconform.kind.renode.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TelnetFilterTest {

    private static byte[] b(int... v) {
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (byte) v[i];
        }
        return out;
    }

    @Test
    void dropsOptionTriplesSubnegotiationAndTwoByteCommandsAndKeepsAnEscapedIac() {
        TelnetFilter f = new TelnetFilter();
        byte[] in = b(0xFF, 0xFB, 0x01, 'a', 0xFF, 0xFA, 0x22, 0x01, 0x00, 0xFF, 0xF0, 'b', 0xFF, 0xF1, 'c', 0xFF, 0xFF);
        assertThat(f.filter(in, 0, in.length)).containsExactly(b('a', 'b', 'c', 0xFF));
    }

    @Test
    void aSequenceSplitOverTwoReadsIsStillDropped() {
        TelnetFilter f = new TelnetFilter();
        byte[] first = b('x', 0xFF, 0xFD);
        byte[] second = b(0x03, 'y');
        assertThat(f.filter(first, 0, first.length)).containsExactly(b('x'));
        assertThat(f.filter(second, 0, second.length)).containsExactly(b('y'));
    }

    @Test
    void ansiColoursCursorMovesAndCarriageReturnsAreStripped() {
        String raw = "\u001B[1;33m(monitor)\u001B[0m \u001B]0;Renode\u0007line\r\n\u001B[2K";
        assertThat(AnsiText.strip(raw)).isEqualTo("(monitor) line\n");
        assertThat(AnsiText.strip("o\u001B[Kk")).isEqualTo("ok");
    }

    @Test
    void theEchoOfALongCommandWrappedAtTheTerminalWidthIsDroppedAndNothingElse() {
        String command = "sysbus LoadHEX @/home/runner/.cache/uconform/firmware/NUCLEO_F767ZI-20240222-v1.22.2.hex";
        assertThat(MonitorClient.withoutEcho("\n" + command.substring(0, 80) + "\n" + command.substring(80) + "\nloaded", command))
                .isEqualTo("loaded");
        assertThat(MonitorClient.withoutEcho("True", "sysbus.gpioPortB.GreenLED State")).isEqualTo("True");
        assertThat(MonitorClient.withoutEcho("sysbus.gpioPortB.GreenLED State\n", "sysbus.gpioPortB.GreenLED State")).isEmpty();
    }
}
