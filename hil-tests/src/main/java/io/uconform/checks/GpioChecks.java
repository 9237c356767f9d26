package io.uconform.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.uconform.checks.support.Answers;
import io.uconform.checks.support.BoardRoutes;
import io.uconform.checks.support.Envelope;
import io.uconform.client.HttpReply;
import io.uconform.probe.BoardProbe;
import io.uconform.probe.PinInput;
import io.uconform.probe.PinReading;
import io.uconform.probe.ProbeAbility;
import io.uconform.suite.Check;
import io.uconform.suite.CheckContext;
import io.uconform.suite.ConformanceChecks;
import io.uconform.suite.Needs;
import org.junit.jupiter.api.Order;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * GPIO: the pin routes of the reference board API, verified on the board probe (what the pins
 * really do), not only through the API's own answers. Sub-requirements: GPIO-01 LED routes,
 * GPIO-02 pin list, GPIO-03 one pin (read, write, errors), GPIO-04 ADC, GPIO-05 PWM.
 */
@ConformanceChecks
@Order(ChecksOrder.BOARD)
public class GpioChecks {

    private static final Set<String> MODES = Set.of("in", "out", "pwm", "adc");
    private static final Set<String> PULLS = Set.of("up", "down", "none");

    @Needs(routes = "led", params = "ledPin")
    @Check("GPIO-01")
    void ledOnDrivesThePinHigh(CheckContext ctx) {
        assertLedRoute(ctx, "/on", 1);
    }

    @Needs(routes = "led", params = "ledPin")
    @Check("GPIO-01")
    void ledOffDrivesThePinLow(CheckContext ctx) {
        assertLedRoute(ctx, "/on", 1);
        assertLedRoute(ctx, "/off", 0);
    }

    @Needs(routes = "led", params = "ledPin")
    @Check("GPIO-01")
    void ledToggleInvertsTheLevelTwice(CheckContext ctx) {
        ctx.probe();
        int led = BoardRoutes.pin(ctx, "ledPin");
        BoardProbe probe = ctx.probe(ProbeAbility.READ_LEVEL, led);
        if (!ctx.probeCan(ProbeAbility.TIMELINE, led)) {
            // the levels after each toggle are still seen; only glitches between them are not
            assertLedRoute(ctx, "/off", 0);
            assertLedRoute(ctx, "/toggle", 1);
            assertLedRoute(ctx, "/toggle", 0);
            return;
        }
        assertLedRoute(ctx, "/off", 0);
        long mark = probe.nowMillis();
        // changes stamped in the mark's own millisecond may predate it: count only what is new
        int already = probe.changes(led, mark).size();
        assertLedRoute(ctx, "/toggle", 1);
        assertLedRoute(ctx, "/toggle", 0);
        List<Integer> levels = new ArrayList<>();
        probe.changes(led, mark).stream().skip(already).forEach(r -> levels.add(r.value()));
        assertThat(levels).as("LED levels on the probe's timeline after two toggles").containsExactly(1, 0);
    }

    @Needs(routes = "led", params = "ledPin")
    @Check("GPIO-01")
    void ledStateMatchesTheProbe(CheckContext ctx) {
        int led = BoardRoutes.pin(ctx, "ledPin");
        assertLedRoute(ctx, "/on", 1);
        JsonNode state = Envelope.data(ctx.http().get(BoardRoutes.led(ctx)));
        assertThat(state.path("pin").asInt(-1)).as("pin of GET %s", BoardRoutes.led(ctx)).isEqualTo(led);
        assertThat(state.path("value").asInt(-1)).as("value of GET %s vs the probe", BoardRoutes.led(ctx))
                .isEqualTo(ctx.probe(ProbeAbility.READ_LEVEL, led).read(led).value());
    }

    @Needs(routes = "gpio")
    @Check("GPIO-02")
    void pinListHasEveryFieldOfEveryPin(CheckContext ctx) {
        JsonNode pins = pinList(ctx);
        for (JsonNode pin : pins) {
            assertThat(pin.path("pin").canConvertToInt()).as("pin number in %s", pin).isTrue();
            assertThat(pin.path("mode").asText()).as("mode in %s", pin).isIn(MODES);
            assertThat(pin.path("value").isNumber()).as("value in %s", pin).isTrue();
            assertThat(pin.path("pull").asText()).as("pull in %s", pin).isIn(PULLS);
        }
    }

    @Needs(routes = "gpio", params = {"ledPin", "outputPin", "inputOnlyPin", "buttonPin", "adcPin"})
    @Check("GPIO-02")
    void pinListIncludesTheProfilePins(CheckContext ctx) {
        List<Integer> numbers = new ArrayList<>();
        pinList(ctx).forEach(p -> numbers.add(p.path("pin").asInt()));
        for (String key : List.of("ledPin", "outputPin", "inputOnlyPin", "buttonPin", "adcPin")) {
            assertThat(numbers).as("pins listed by GET %s include %s", BoardRoutes.gpio(ctx), key)
                    .contains(BoardRoutes.pin(ctx, key));
        }
    }

    @Needs(routes = {"gpio", "led"}, params = "ledPin")
    @Check("GPIO-02")
    void pinListAgreesWithTheProbe(CheckContext ctx) {
        int led = BoardRoutes.pin(ctx, "ledPin");
        assertLedRoute(ctx, "/on", 1);
        JsonNode entry = null;
        for (JsonNode p : pinList(ctx)) {
            if (p.path("pin").asInt() == led) {
                entry = p;
            }
        }
        assertThat(entry).as("LED pin %d in the list", led).isNotNull();
        PinReading probed = ctx.probe(ProbeAbility.READ_LEVEL, led).read(led);
        assertThat(entry.path("value").asInt()).as("listed LED value vs probe").isEqualTo(probed.value());
        if (ctx.probeCan(ProbeAbility.READ_MODE_AND_PULL, led)) {
            assertThat(entry.path("mode").asText()).as("listed LED mode vs probe").isEqualTo(probed.mode());
        }
    }

    @Needs(routes = "gpio", params = "outputPin")
    @Check("GPIO-03")
    void writingAnOutputPinDrivesIt(CheckContext ctx) {
        int pin = BoardRoutes.pin(ctx, "outputPin");
        for (int value : new int[] {1, 0}) {
            HttpReply reply = putPin(ctx, pin, "{\"mode\":\"out\",\"value\":" + value + "}");
            Answers.expectStatus(ctx, reply, String.format("PUT %s (body: %s)", BoardRoutes.gpio(ctx, pin), reply.text()), 200);
            assertThat(Envelope.data(reply).path("value").asInt(-1)).as("answered value").isEqualTo(value);
            PinReading probed = ctx.probe(ProbeAbility.READ_LEVEL, pin).read(pin);
            if (ctx.probeCan(ProbeAbility.READ_MODE_AND_PULL, pin)) {
                assertThat(probed.mode()).as("mode of pin %d on the probe", pin).isEqualTo("out");
            }
            assertThat(probed.value()).as("level of pin %d on the probe", pin).isEqualTo(value);
        }
    }

    @Needs(routes = "gpio", params = "buttonPin")
    @Check("GPIO-03")
    void readingAnInputPinSeesTheDrivenLevel(CheckContext ctx) {
        int pin = BoardRoutes.pin(ctx, "buttonPin");
        assertThat(putPin(ctx, pin, "{\"mode\":\"in\",\"pull\":\"up\"}").status()).as("configure pin %d as input", pin)
                .isEqualTo(200);
        BoardProbe probe = ctx.probe(ProbeAbility.DRIVE_LEVEL, pin);
        try {
            for (int level : new int[] {0, 1}) {
                probe.drive(pin, PinInput.level(level));
                JsonNode data = Envelope.data(ctx.http().get(BoardRoutes.gpio(ctx, pin)));
                assertThat(data.path("value").asInt(-1)).as("GET %s with the pin driven to %d",
                        BoardRoutes.gpio(ctx, pin), level).isEqualTo(level);
            }
        } finally {
            probe.drive(pin, PinInput.level(1));
        }
    }

    @Needs(routes = "gpio", params = "outputPin")
    @Check("GPIO-03")
    void pullIsAppliedAndReported(CheckContext ctx) {
        int pin = BoardRoutes.pin(ctx, "outputPin");
        HttpReply reply = putPin(ctx, pin, "{\"mode\":\"in\",\"pull\":\"down\"}");
        Answers.expectStatus(ctx, reply, String.format("PUT pull down (body: %s)", reply.text()), 200);
        assertThat(Envelope.data(ctx.http().get(BoardRoutes.gpio(ctx, pin))).path("pull").asText()).isEqualTo("down");
        assertThat(ctx.probe(ProbeAbility.READ_MODE_AND_PULL, pin).read(pin).pull()).as("pull of pin %d on the probe",
                pin).isEqualTo("down");
    }

    @Needs(routes = "gpio")
    @Check("GPIO-03")
    void unknownPinIs404(CheckContext ctx) {
        HttpReply reply = ctx.http().get(BoardRoutes.gpio(ctx, 999));
        Answers.expectStatus(ctx, reply, String.format("GET %s", BoardRoutes.gpio(ctx, 999)), 404);
        Envelope.error(reply);
    }

    @Needs(routes = "gpio")
    @Check("GPIO-03")
    void writingAnUnknownPinIs404(CheckContext ctx) {
        assertThat(putPin(ctx, 999, "{\"mode\":\"out\",\"value\":1}").status()).as("PUT %s", BoardRoutes.gpio(ctx, 999))
                .isEqualTo(404);
    }

    @Needs(routes = "gpio", params = "outputPin")
    @Check("GPIO-03")
    void badBodyIs400(CheckContext ctx) {
        int pin = BoardRoutes.pin(ctx, "outputPin");
        for (String body : List.of("{\"mode\":\"sideways\"}", "{\"value\":7,\"mode\":\"out\"}", "[1]")) {
            HttpReply reply = putPin(ctx, pin, body);
            Answers.expectStatus(ctx, reply, String.format("PUT %s with %s", BoardRoutes.gpio(ctx, pin), body), 400);
            Envelope.error(reply);
        }
    }

    @Needs(routes = "gpio", params = "inputOnlyPin")
    @Check("GPIO-03")
    void writingAnInputOnlyPinIs409AndChangesNothing(CheckContext ctx) {
        int pin = BoardRoutes.pin(ctx, "inputOnlyPin");
        PinReading before = ctx.probe(ProbeAbility.READ_MODE_AND_PULL, pin).read(pin);
        HttpReply reply = putPin(ctx, pin, "{\"mode\":\"out\",\"value\":1}");
        Answers.expectStatus(ctx, reply, String.format("PUT %s (input-only) (body: %s)", BoardRoutes.gpio(ctx, pin), reply.text()), 409);
        PinReading after = ctx.probe().read(pin);
        assertThat(after.mode()).as("mode of input-only pin %d on the probe", pin).isEqualTo(before.mode());
    }

    @Needs(routes = "adc", params = "adcPin")
    @Check("GPIO-04")
    void adcFollowsTheDrivenVoltage(CheckContext ctx) {
        int pin = BoardRoutes.pin(ctx, "adcPin");
        BoardProbe probe = ctx.probe(ProbeAbility.DRIVE_ANALOG, pin);
        for (int mv : new int[] {0, 1650, 3000}) {
            probe.drive(pin, PinInput.millivolts(mv));
            JsonNode data = Envelope.data(ctx.http().get(BoardRoutes.adc(ctx, pin)));
            assertThat(data.path("mv").asInt(-1)).as("mv of %s at %d mV (%s)", BoardRoutes.adc(ctx, pin), mv, data)
                    .isBetween(mv - 100, mv + 100);
            int expectedRaw = (int) Math.round(mv * 4095.0 / 3300.0);
            assertThat(data.path("raw").asInt(-1)).as("raw of %s at %d mV (%s)", BoardRoutes.adc(ctx, pin), mv, data)
                    .isBetween(Math.max(0, expectedRaw - 160), Math.min(4095, expectedRaw + 160));
        }
    }

    @Needs(routes = "adc", params = "adcPin")
    @Check("GPIO-04")
    void adcRawStaysInRange(CheckContext ctx) {
        int pin = BoardRoutes.pin(ctx, "adcPin");
        ctx.probe(ProbeAbility.DRIVE_ANALOG, pin).drive(pin, PinInput.millivolts(3600));
        JsonNode data = Envelope.data(ctx.http().get(BoardRoutes.adc(ctx, pin)));
        assertThat(data.path("raw").asInt(-1)).as("raw at 3600 mV (%s)", data).isBetween(3900, 4095);
        ctx.probe().drive(pin, PinInput.millivolts(0));
    }

    @Needs(routes = "pwm", params = "outputPin")
    @Check("GPIO-05")
    void pwmSetsFrequencyAndDuty(CheckContext ctx) {
        int pin = BoardRoutes.pin(ctx, "outputPin");
        HttpReply reply = ctx.http().sendJson("PUT", BoardRoutes.pwm(ctx, pin), "{\"freq\":1000,\"duty\":512}");
        Answers.expectStatus(ctx, reply, String.format("PUT %s (body: %s)", BoardRoutes.pwm(ctx, pin), reply.text()), 200);
        JsonNode data = Envelope.data(reply);
        assertThat(data.path("freq").asInt(-1)).as("answered freq").isEqualTo(1000);
        assertThat(data.path("duty").asInt(-1)).as("answered duty").isEqualTo(512);
        PinReading probed = ctx.probe(ProbeAbility.READ_DUTY, pin).read(pin);
        assertThat(probed.mode()).as("mode of pin %d on the probe", pin).isEqualTo("pwm");
        assertThat(probed.value()).as("duty of pin %d on the probe", pin).isEqualTo(512);
    }

    @Needs(routes = "pwm", params = "outputPin")
    @Check("GPIO-05")
    void pwmOutOfRangeDutyIs400(CheckContext ctx) {
        int pin = BoardRoutes.pin(ctx, "outputPin");
        HttpReply reply = ctx.http().sendJson("PUT", BoardRoutes.pwm(ctx, pin), "{\"freq\":1000,\"duty\":4096}");
        Answers.expectStatus(ctx, reply, String.format("PUT %s with duty 4096", BoardRoutes.pwm(ctx, pin)), 400);
        Envelope.error(reply);
    }

    @Needs(routes = "pwm", params = "inputOnlyPin")
    @Check("GPIO-05")
    void pwmOnAnInputOnlyPinIs409(CheckContext ctx) {
        int pin = BoardRoutes.pin(ctx, "inputOnlyPin");
        HttpReply reply = ctx.http().sendJson("PUT", BoardRoutes.pwm(ctx, pin), "{\"freq\":1000,\"duty\":100}");
        Answers.expectStatus(ctx, reply, String.format("PUT %s (input-only)", BoardRoutes.pwm(ctx, pin)), 409);
        assertThat(ctx.probe(ProbeAbility.READ_MODE_AND_PULL, pin).read(pin).mode()).as("mode of input-only pin %d",
                pin).isNotEqualTo("pwm");
    }

    static void assertLedRoute(CheckContext ctx, String suffix, int expected) {
        int led = BoardRoutes.pin(ctx, "ledPin");
        String path = BoardRoutes.led(ctx) + suffix;
        HttpReply reply = ctx.http().get(path);
        Answers.expectStatus(ctx, reply, String.format("GET %s (body: %s)", path, reply.text()), 200);
        JsonNode data = Envelope.data(reply);
        assertThat(data.path("pin").asInt(-1)).as("pin in the answer of %s", path).isEqualTo(led);
        assertThat(data.path("value").asInt(-1)).as("value in the answer of %s", path).isEqualTo(expected);
        assertThat(ctx.probe(ProbeAbility.READ_LEVEL, led).read(led).value())
                .as("LED pin %d level on the probe after %s", led, path)
                .isEqualTo(expected);
    }

    static JsonNode pinList(CheckContext ctx) {
        HttpReply reply = ctx.http().get(BoardRoutes.gpio(ctx));
        Answers.expectStatus(ctx, reply, String.format("GET %s", BoardRoutes.gpio(ctx)), 200);
        JsonNode pins = Envelope.data(reply);
        assertThat(pins.isArray() && pins.size() > 0).as("a non-empty pin list: %s", reply.text()).isTrue();
        return pins;
    }

    static HttpReply putPin(CheckContext ctx, int pin, String json) {
        return ctx.http().sendJson("PUT", BoardRoutes.gpio(ctx, pin), json);
    }
}
