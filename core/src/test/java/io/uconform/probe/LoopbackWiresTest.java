package io.uconform.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoopbackWiresTest {

    @Test
    void parsesWiresInOrderAndFindsThemByEnd() {
        LoopbackWires wires = LoopbackWires.parse(" 2>18, 21>0 ");
        assertThat(wires.wires()).containsExactly(new LoopbackWires.Wire(2, 18), new LoopbackWires.Wire(21, 0));
        assertThat(wires.observing(2)).contains(new LoopbackWires.Wire(2, 18));
        assertThat(wires.observing(18)).isEmpty();
        assertThat(wires.driving(0)).contains(new LoopbackWires.Wire(21, 0));
        assertThat(wires.driving(21)).isEmpty();
        assertThat(wires).hasToString("2>18,21>0");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|'' is not a wire a>b",
        "2|'2' is not a wire a>b",
        "2>18,|'' is not a wire a>b",
        "2>>18|'2>>18' is not a wire a>b",
        "x>18|'x' in wire 'x>18' is not a pin number",
        "2>-1|'-1' in wire '2>-1' is not a pin number",
        "4>4|wire 4>4 connects pin 4 to itself",
        "2>18,18>5|pin 18 is on more than one wire (18>5)",
        "2>18,2>5|pin 2 is on more than one wire (2>5)"})
    void rejectsMalformedWiresWithOneLineNamingThePart(String text, String message) {
        assertThatThrownBy(() -> LoopbackWires.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void aProbeWithoutWiresIsUnavailableWithTheOptionInItsReason() {
        LoopbackProbe probe = new LoopbackProbe(java.net.URI.create("http://127.0.0.1:9"), "/gpio",
                LoopbackWires.none(), java.util.Optional.empty(), java.util.Optional.empty(),
                java.time.Duration.ofSeconds(1));
        assertThat(probe.unavailableReason()).get().asString().contains("loopback=");
        assertThat(probe.cannot(ProbeAbility.READ_LEVEL, 2)).isEqualTo(probe.unavailableReason());
    }

    @Test
    void aWiredProbeSaysWhatItCannotSeePerPin() {
        LoopbackProbe probe = new LoopbackProbe(java.net.URI.create("http://127.0.0.1:9"), "/gpio",
                LoopbackWires.parse("2>18,21>0"), java.util.Optional.empty(), java.util.Optional.empty(),
                java.time.Duration.ofSeconds(1));
        assertThat(probe.cannot(ProbeAbility.READ_LEVEL, 2)).isEmpty();
        assertThat(probe.cannot(ProbeAbility.DRIVE_LEVEL, 0)).isEmpty();
        assertThat(probe.cannot(ProbeAbility.READ_LEVEL, 4)).get().asString().contains("pin 4 is not wired");
        assertThat(probe.cannot(ProbeAbility.DRIVE_LEVEL, 2)).get().asString().contains("no wire drives pin 2");
        assertThat(probe.cannot(ProbeAbility.READ_MODE_AND_PULL, 2)).contains(
                "the loopback probe sees levels only: pin 2's mode and pull is not observable");
        assertThat(probe.cannot(ProbeAbility.TIMELINE, 2)).get().asString().contains("timeline");
        assertThat(probe.cannot(ProbeAbility.DRIVE_ANALOG, 34)).get().asString().contains("analog");
    }

    @Test
    void anUnreachableBoardFailsWithTheWireAndTheRouteInTheMessage() {
        LoopbackProbe probe = new LoopbackProbe(java.net.URI.create("http://127.0.0.1:9"), "/gpio",
                LoopbackWires.parse("2>18"), java.util.Optional.empty(), java.util.Optional.empty(),
                java.time.Duration.ofSeconds(2));
        assertThatThrownBy(() -> probe.read(2)).isInstanceOf(ProbeException.class)
                .hasMessageContaining("wire 2>18").hasMessageContaining("PUT http://127.0.0.1:9/gpio/18");
    }
}
