package io.uconform.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.profile.Limits;
import io.uconform.profile.Profile;
import io.uconform.suite.Check;
import io.uconform.suite.CheckNeeds;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The needs audit over the whole suite: no check reaches a route role, limit or parameter of the
 * profile that its {@code @Needs} does not declare, so a profile without it skips the check with
 * the reason instead of the check using the reference's.
 */
class NeedsAuditTest {

    private static final Path CHECKS = Path.of("src/main/java/io/uconform/checks");

    /** Support methods whose {@code ctx.limits()} reads size waits or hostile input, never a verdict. */
    private static final Set<String> SIZING = Set.of(
            "Waits.reply",            // how long a complete answer may take: at least 2 s, longer for a slow board
            "Waits.close",            // how long a decided close may take
            "Waits.recoveryAfterHeaderTimeout",  // how long a server may take to answer again after abuse
            "Waits.recoveryAfterIdleTimeout",    // ... or to free the slot of a vanished long-lived client
            "Segments.sendOn",        // PROTO-06: the whole split request arrives within a third of the header timeout
            "Segments.pastHeaderTimeout", // PROTO-06: a timeout that ran out while this machine sent is retried, not judged
            "Hostile.oversized");     // ROB campaigns: a head, target or body over the effective limit is one hostile kind

    @Test
    void everyCheckDeclaresWhatItTakesFromTheProfile() throws IOException, ClassNotFoundException {
        NeedsAudit audit = new NeedsAudit(List.of(CHECKS), SIZING);
        List<String> undeclared = new ArrayList<>();
        int checks = 0;
        for (Class<?> type : checkClasses()) {
            for (Method method : type.getDeclaredMethods()) {
                if (!method.isAnnotationPresent(Check.class)) {
                    continue;
                }
                checks++;
                java.util.Map<String, String> missing = new java.util.TreeMap<>(
                        audit.reachesVia(type.getSimpleName() + "." + method.getName()));
                missing.keySet().removeAll(declared(CheckNeeds.of(method)));
                if (!missing.isEmpty()) {
                    undeclared.add(type.getSimpleName() + "." + method.getName() + " (" + method.getAnnotation(Check.class)
                            .value() + ") uses " + missing.keySet() + " (in " + new TreeSet<>(missing.values()) + ") without declaring it in @Needs");
                }
            }
        }
        assertThat(checks).as("@Check methods audited").isGreaterThan(250);
        assertThat(undeclared).as("checks that use what they do not declare").isEmpty();
    }

    @Test
    void deadlineAndSlotChecksSkipOnAProfileThatStatesNoneOfTheirLimits() throws NoSuchMethodException {
        Profile silent = new Profile("silent", "", Set.of("LIM", "ROB"), Map.of("index", "/", "json", "/echo", "ws", "/ws"),
                Limits.reference(), Map.of(), Map.of(), Set.of());

        assertThat(unmet(LimitChecks.class, "trickledBodyIsDroppedAfterTheBodyTimeout", silent))
                .contains("profile silent states no limits 'bodyTimeoutMs', 'maxBodyBytes' (the check judges the server "
                        + "against its own, never the reference's)");
        assertThat(unmet(LimitChecks.class, "trickledWebSocketFrameIsClosedAfterTheFrameTimeout", silent))
                .hasValueSatisfying(reason -> assertThat(reason).contains("'wsFrameTimeoutMs'"));
        assertThat(unmet(LimitChecks.class, "extraClientsGet503AtOnceWhenNoSlotCanBeFreed", silent))
                .hasValueSatisfying(reason -> assertThat(reason).contains("'maxClients'"));
        assertThat(unmet(RobustnessChecks.class, "slowBodiesOnEverySlotDoNotLockOutANewClient", silent))
                .hasValueSatisfying(reason -> assertThat(reason).contains("'maxClients', 'headerTimeoutMs'"));
        assertThat(unmet(LimitChecks.class, "trickledBodyIsDroppedAfterTheBodyTimeout", new Profile("stated", "",
                Set.of("LIM"), Map.of("json", "/echo"), Limits.reference(), Map.of(), Map.of(),
                Set.of("bodyTimeoutMs", "maxBodyBytes")))).isEmpty();
    }

    private static java.util.Optional<String> unmet(Class<?> type, String check, Profile profile)
            throws NoSuchMethodException {
        return CheckNeeds.of(type.getDeclaredMethod(check, io.uconform.suite.CheckContext.class))
                .unmetLimits(profile, false);
    }

    @Test
    void theAuditFindsAnUndeclaredRouteLimitAndParameterThroughHelpers(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("DemoChecks.java"), """
                class DemoChecks {
                    void check(CheckContext ctx) {
                        helper(ctx);
                        Waits.slow(ctx);
                        String s = "ctx.route(\\"quoted\\") is text, not a use";
                    }
                    private static void helper(CheckContext ctx) {
                        ctx.route("ws");
                        ctx.param("ledPin");
                    }
                    void other(CheckContext ctx) {
                        ctx.route("index");
                    }
                }
                """);
        Files.writeString(dir.resolve("Waits.java"), """
                final class Waits {
                    static Duration slow(CheckContext ctx) {
                        return ctx.limits().headerTimeout().plus(ctx.limits().maxClients() > 0 ? X : Y);
                    }
                    static Duration sized(CheckContext ctx) {
                        return ctx.limits().keepAliveIdle();
                    }
                }
                """);

        NeedsAudit audit = new NeedsAudit(List.of(dir), Set.of("Waits.sized"));

        assertThat(audit.reaches("DemoChecks.check")).containsExactly("limit:headerTimeoutMs", "limit:maxClients",
                "param:ledPin", "route:ws");
        assertThat(audit.reaches("DemoChecks.other")).containsExactly("route:index");
        assertThat(audit.reaches("Waits.sized")).isEmpty();
    }

    private static Set<String> declared(CheckNeeds needs) {
        Set<String> declared = new TreeSet<>();
        needs.routes().forEach(r -> declared.add("route:" + r));
        needs.limits().forEach(l -> declared.add("limit:" + l));
        needs.params().forEach(p -> declared.add("param:" + p));
        return declared;
    }

    private static List<Class<?>> checkClasses() throws IOException, ClassNotFoundException {
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(CHECKS)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("Checks.java")).sorted().toList()) {
                classes.add(Class.forName("io.uconform.checks." + file.getFileName().toString().replace(".java", "")));
            }
        }
        assertThat(classes).as("check classes under %s", CHECKS.toAbsolutePath()).hasSizeGreaterThan(20);
        return classes;
    }
}
