package io.uconform.kind.renode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uconform.kind.renode.monitor.RealTimeFactor;
import io.uconform.kind.renode.support.FakeLauncher;
import io.uconform.kind.renode.support.TranscriptMonitor;
import io.uconform.probe.PinInput;
import io.uconform.probe.ProbeAbility;
import io.uconform.probe.ProbeException;
import io.uconform.spi.TargetException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The start-up script, the real-time factor and the board probe against the written monitor transcript. */
@Timeout(30)
class EmulationSessionTest {

    private static final Duration T = Duration.ofSeconds(5);
    private static final Path FIRMWARE = Path.of("/cache/uconform/firmware/NUCLEO_F767ZI-20240222-v1.22.2.hex");

    private static RescScript script(int uartPort) {
        return RescScript.of("uconform", BoardProfile.NUCLEO_F767ZI, FIRMWARE, uartPort, AddressPlan.DEFAULT);
    }

    @Test
    void runsTheScriptMeasuresTheRealTimeFactorProbesThePinsAndQuits() {
        try (TranscriptMonitor renode = TranscriptMonitor.play("nucleo_f767zi.txt",
                Map.of("FIRMWARE", FIRMWARE.toString(), "UART_PORT", "3456"))) {
            FakeLauncher launcher = new FakeLauncher(renode);
            EmulationSession session = EmulationSession.open(launcher, script(3456), Path.of("/tmp"), List.of(), 41234, T, T);
            assertThat(session.renodeVersion()).isEqualTo("1.16.1.1525");
            assertThat(session.uart().getPort()).isEqualTo(3456);

            AtomicLong clock = new AtomicLong();
            RealTimeFactor rtf = session.startAndMeasure(Duration.ofSeconds(2), clock::get,
                    () -> clock.addAndGet(Duration.ofMillis(500).toNanos()));
            assertThat(rtf.factor()).isEqualTo(0.475); // 0.95 s of emulated time in 2 s of host time
            assertThat(rtf.scale(Duration.ofSeconds(60)).toSeconds()).isEqualTo(126);

            MonitorBoardProbe probe = new MonitorBoardProbe(session.monitor(), BoardProfile.NUCLEO_F767ZI, T);
            assertThat(probe.read(16)).extracting(r -> r.value(), r -> r.atMillis()).containsExactly(1, 2100L); // PB0, green
            assertThat(probe.read(23).value()).isEqualTo(0);   // PB7, blue LED
            probe.drive(45, PinInput.level(1));                // PC13 pressed (active high)
            probe.drive(45, PinInput.level(0));
            assertThat(probe.nowMillis()).isEqualTo(62_503);
            assertThat(probe.cannot(ProbeAbility.READ_LEVEL, 5)).get().asString()
                    .contains("reaches the LEDs (pins [16, 23, 30]) and the user button (pin 45)");
            assertThat(probe.cannot(ProbeAbility.TIMELINE, 16)).isPresent();
            assertThatThrownBy(() -> probe.read(5)).isInstanceOf(ProbeException.class);
            assertThatThrownBy(() -> probe.drive(16, PinInput.level(1))).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> session.run("sysbus.gpioPortB.NoSuchLED State"))
                    .hasMessageContaining("No such command or device: sysbus.gpioPortB.NoSuchLED");

            session.close();
            assertThat(launcher.closed()).isTrue();
            assertThat(renode.unexpected()).isEmpty();
            assertThat(renode.received()).startsWith(script(3456).commands().toArray(String[]::new))
                    .endsWith("quit");
        }
    }

    @Test
    void aScriptCommandTheMonitorRefusesStopsTheRunNamingItWithRenodesLog() {
        try (TranscriptMonitor renode = TranscriptMonitor.play("nucleo_f767zi.txt",
                Map.of("FIRMWARE", "/elsewhere/fw.hex", "UART_PORT", "3456"))) {
            FakeLauncher launcher = new FakeLauncher(renode);
            assertThatThrownBy(() -> EmulationSession.open(launcher, script(3456), Path.of("/tmp"), List.of(), 41234, T, T))
                    .isInstanceOf(TargetException.class)
                    .hasMessageContaining("renode (transcript): renode monitor refused 'sysbus LoadHEX @" + FIRMWARE + "'")
                    .satisfies(e -> assertThat(((TargetException) e).details()).contains("Monitor available in telnet mode"));
            assertThat(launcher.closed()).isTrue();
        }
    }
}
