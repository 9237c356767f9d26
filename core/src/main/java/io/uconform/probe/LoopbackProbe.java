package io.uconform.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link BoardProbe} for a real board on a bench: jumper wires ({@link LoopbackWires}) between
 * pins, read and driven through the board's own pin routes ({@code GET <gpio>/<b>} for the level of
 * {@code a}, {@code PUT <gpio>/<a>} with {@code {"mode":"out","value":v}} to drive {@code b}).
 * It sees levels only: mode, pull, PWM duty, analog drive and a timeline of changes are not
 * observable through a wire, and {@link #cannot} says so per pin. Each sense pin is set to an input
 * without pull once, before its first read, and again whenever the board reports it otherwise (a
 * check wrote it). Every request is bounded by the timeout; a failure
 * throws {@link ProbeException} naming the wire and the route. Thread-safe.
 */
public final class LoopbackProbe implements BoardProbe {

    /** The reason pin-effect checks give when no wire is declared. */
    public static final String NO_WIRES = "no wired loopback pins declared (option loopback=2>18,21>0:"
            + " see device/README.md)";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUri;
    private final String gpioRoute;
    private final LoopbackWires wires;
    private final Optional<String> authorization;
    private final Duration timeout;
    private final HttpClient client;
    private final long startNanos = System.nanoTime();
    private final Set<Integer> senseConfigured = new HashSet<>();

    /**
     * @param baseUri   the board's server, e.g. {@code http://192.168.1.20}
     * @param gpioRoute the profile's {@code gpio} route, e.g. {@code /gpio}
     * @param user      Basic auth user when the board wants credentials (with {@code password})
     * @param timeout   bound of each request (connect and answer)
     */
    public LoopbackProbe(URI baseUri, String gpioRoute, LoopbackWires wires, Optional<String> user,
                         Optional<String> password, Duration timeout) {
        this.baseUri = baseUri;
        this.gpioRoute = gpioRoute.endsWith("/") ? gpioRoute.substring(0, gpioRoute.length() - 1) : gpioRoute;
        this.wires = wires;
        this.authorization = user.flatMap(u -> password.map(p -> "Basic " + Base64.getEncoder()
                .encodeToString((u + ":" + p).getBytes(StandardCharsets.UTF_8))));
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public LoopbackWires wires() {
        return wires;
    }

    @Override
    public Optional<String> unavailableReason() {
        return wires.isEmpty() ? Optional.of(NO_WIRES) : Optional.empty();
    }

    @Override
    public Optional<String> cannot(ProbeAbility ability, int pin) {
        Optional<String> unavailable = unavailableReason();
        if (unavailable.isPresent()) {
            return unavailable;
        }
        switch (ability) {
            case READ_LEVEL:
                return wires.observing(pin).isPresent() ? Optional.empty() : Optional.of("pin " + pin
                        + " is not wired to a sense pin (declare loopback=" + pin + ">N with N a spare pin; wired: "
                        + wires + ")");
            case DRIVE_LEVEL:
                return wires.driving(pin).isPresent() ? Optional.empty() : Optional.of("no wire drives pin " + pin
                        + " (declare loopback=N>" + pin + " with N a spare pin; wired: " + wires + ")");
            case DRIVE_ANALOG:
                return Optional.of("the loopback probe drives levels only: an analog voltage on pin " + pin
                        + " cannot be driven through a wire");
            default:
                return Optional.of("the loopback probe sees levels only: pin " + pin + "'s " + ability.what()
                        + " is not observable");
        }
    }

    @Override
    public PinReading read(int pin) {
        LoopbackWires.Wire wire = wires.observing(pin).orElseThrow(() -> new UnsupportedOperationException(
                cannot(ProbeAbility.READ_LEVEL, pin).orElse("pin " + pin + " is not wired")));
        configureSense(wire, false);
        JsonNode data = send(wire, "GET", gpioRoute + "/" + wire.to(), null);
        if (!isPlainInput(data)) {
            // something (a check, a route) reconfigured the sense pin: reading it now would read its own latch
            configureSense(wire, true);
            data = send(wire, "GET", gpioRoute + "/" + wire.to(), null);
        }
        JsonNode value = data.path("value");
        if (!value.isInt() || value.asInt() < 0 || value.asInt() > 1) {
            throw new ProbeException("loopback probe: wire " + wire + ": GET " + gpioRoute + "/" + wire.to()
                    + " has no level 0/1 in data.value: " + data);
        }
        return new PinReading(pin, PinReading.UNKNOWN, value.asInt(), PinReading.UNKNOWN, nowMillis());
    }

    @Override
    public List<PinReading> changes(int pin, long sinceMillis) {
        throw new UnsupportedOperationException(cannot(ProbeAbility.TIMELINE, pin).orElseThrow());
    }

    /** Milliseconds since this probe was made (the board's own clock is not observable). */
    @Override
    public long nowMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000L;
    }

    @Override
    public void drive(int pin, PinInput input) {
        if (!(input instanceof PinInput.Level)) {
            throw new UnsupportedOperationException(cannot(ProbeAbility.DRIVE_ANALOG, pin).orElseThrow());
        }
        LoopbackWires.Wire wire = wires.driving(pin).orElseThrow(() -> new UnsupportedOperationException(
                cannot(ProbeAbility.DRIVE_LEVEL, pin).orElse("pin " + pin + " is not wired")));
        int level = ((PinInput.Level) input).value();
        send(wire, "PUT", gpioRoute + "/" + wire.from(), "{\"mode\":\"out\",\"value\":" + level + "}");
    }

    /** True unless the board reports the pin as something other than an input without pull. */
    private static boolean isPlainInput(JsonNode data) {
        String mode = data.path("mode").asText("in");
        String pull = data.path("pull").asText("none");
        return mode.equals("in") && pull.equals("none");
    }

    private void configureSense(LoopbackWires.Wire wire, boolean again) {
        synchronized (senseConfigured) {
            if (!again && senseConfigured.contains(wire.to())) {
                return;
            }
            send(wire, "PUT", gpioRoute + "/" + wire.to(), "{\"mode\":\"in\",\"pull\":\"none\"}");
            senseConfigured.add(wire.to());
        }
    }

    private JsonNode send(LoopbackWires.Wire wire, String method, String path, String json) {
        URI uri = baseUri.resolve(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        authorization.ifPresent(a -> request.header("Authorization", a));
        String what = "loopback probe: wire " + wire + ": " + method + " " + uri;
        HttpResponse<String> reply;
        try {
            reply = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ProbeException(what + " failed within " + timeout.toMillis() + " ms: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProbeException(what + " interrupted", e);
        }
        if (reply.statusCode() != 200) {
            throw new ProbeException(what + " answered " + reply.statusCode() + ": " + abbreviate(reply.body()));
        }
        try {
            return JSON.readTree(reply.body()).path("data");
        } catch (IOException e) {
            throw new ProbeException(what + " answered no JSON: " + abbreviate(reply.body()), e);
        }
    }

    private static String abbreviate(String body) {
        String oneLine = body.replace('\n', ' ');
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }
}
