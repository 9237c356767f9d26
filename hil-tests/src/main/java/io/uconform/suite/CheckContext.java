package io.uconform.suite;

import io.uconform.client.Http;
import io.uconform.client.RawHttp;
import io.uconform.console.Console;
import io.uconform.probe.BoardProbe;
import io.uconform.probe.ProbeAbility;
import io.uconform.profile.Limits;
import io.uconform.profile.Profile;
import java.net.URI;
import org.junit.jupiter.api.Assumptions;

/**
 * Everything a check may use, injected per (check, target). All I/O through {@link #http()} and
 * {@link #raw()} is bounded by timeouts and recorded as evidence (the transcript shown for a failed
 * check). Accessors that need something the target lacks abort the check (JUnit assumption) with
 * the reason, so it is reported as skipped, never passed.
 */
public interface CheckContext {

    /** The target's display name, e.g. {@code sim}. */
    String targetName();

    URI baseUri();

    Profile profile();

    /**
     * Effective limits: the target's own when the harness configured it, else the profile's (with
     * the reference defaults for what the profile does not state). Use these to size waits; a limit
     * the check judges the server against comes from {@link #limit(String)}.
     */
    Limits limits();

    /**
     * A limit the check judges the server against, by its profile-file name ({@code maxHeaderBytes},
     * {@code headerTimeoutMs}; timeouts in milliseconds). The check declares it ({@link Needs#limits()});
     * a check whose limit neither the profile states nor the harness configured is skipped before it runs.
     */
    default long limit(String name) {
        return LimitValues.of(limits(), name);
    }

    /** The requirement ID of the running check ({@code LIM-01}), for one-line failure messages. */
    default String requirement() {
        return "";
    }

    /**
     * The server path bound to a check role in the profile (e.g. {@code "raise"} -> {@code /raise});
     * aborts the check with "no route bound for role ..." when the profile binds none.
     */
    String route(String role);

    /** A profile parameter; aborts the check with the reason when missing. */
    String param(String key);

    /** The board probe; aborts the check with the probe's reason when it is unavailable. */
    BoardProbe probe();

    /**
     * The board probe, when it can do {@code ability} on {@code pin}; aborts the check with the
     * probe's reason otherwise (e.g. a loopback probe asked for a pin's mode), so that what the probe
     * cannot see is reported as skipped, never passed.
     */
    default BoardProbe probe(ProbeAbility ability, int pin) {
        BoardProbe probe = probe();
        probe.cannot(ability, pin).ifPresent(reason -> Assumptions.abort("board probe of " + targetName() + ": "
                + reason));
        return probe;
    }

    /**
     * Whether the probe can do {@code ability} on {@code pin}; when it cannot, notes in the check's
     * evidence what was therefore not verified, so a check that verified the rest says what it left out.
     */
    default boolean probeCan(ProbeAbility ability, int pin) {
        java.util.Optional<String> reason = probe().cannot(ability, pin);
        reason.ifPresent(r -> note("not verified on the board probe: " + r));
        return reason.isEmpty();
    }

    /** The target's console (may be empty). */
    Console console();

    /** Well-formed HTTP through the Micronaut client. */
    Http http();

    /** Raw socket connections for protocol abuse, slow clients and pipelining. */
    RawHttp raw();

    /**
     * Facts the running target reported about itself (e.g. {@code cors=on}, {@code bind=::},
     * {@code tls.url}, {@code tls.sha256} on {@code sim}); read-only, empty when it reports none.
     * Checks fall back to profile parameters of the same name for targets that report nothing.
     */
    default java.util.Map<String, String> facts() {
        return java.util.Map.of();
    }

    /** Adds a free-form line of evidence to this check's record in the report. */
    void note(String evidence);

    /**
     * Registers a secret the check uses (a Wi-Fi or auth password it sets), so that it is masked
     * everywhere in this check's evidence, including what was recorded before the call. (Values of
     * password-like JSON keys and Authorization credentials are masked without this.)
     */
    void secret(String value);
}
