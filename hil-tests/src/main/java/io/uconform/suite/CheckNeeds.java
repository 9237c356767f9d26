package io.uconform.suite;

import io.uconform.profile.Profile;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The needs of one check ({@link Needs} on the method and on its class, merged) and whether a
 * profile meets them. Immutable.
 */
public record CheckNeeds(Set<String> routes, Set<String> limits, Set<String> params) {

    public CheckNeeds {
        routes = Collections.unmodifiableSet(new LinkedHashSet<>(routes));
        limits = Collections.unmodifiableSet(new LinkedHashSet<>(limits));
        params = Collections.unmodifiableSet(new LinkedHashSet<>(params));
    }

    public static CheckNeeds none() {
        return new CheckNeeds(Set.of(), Set.of(), Set.of());
    }

    /** The method's needs plus those of its class and the classes around it. */
    public static CheckNeeds of(Method check) {
        Set<String> routes = new LinkedHashSet<>();
        Set<String> limits = new LinkedHashSet<>();
        Set<String> params = new LinkedHashSet<>();
        List<Needs> all = new ArrayList<>();
        for (Class<?> c = check.getDeclaringClass(); c != null; c = c.getEnclosingClass()) {
            Optional.ofNullable(c.getAnnotation(Needs.class)).ifPresent(all::add);
        }
        Optional.ofNullable(check.getAnnotation(Needs.class)).ifPresent(all::add);
        for (Needs n : all) {
            routes.addAll(List.of(n.routes()));
            limits.addAll(List.of(n.limits()));
            params.addAll(List.of(n.params()));
        }
        return new CheckNeeds(routes, limits, params);
    }

    /** Route roles and parameters the profile lacks, as a skip reason; empty when it has them all. */
    public Optional<String> unmetByProfile(Profile profile) {
        List<String> reasons = new ArrayList<>();
        List<String> unbound = routes.stream().filter(r -> profile.route(r).isEmpty()).toList();
        if (!unbound.isEmpty()) {
            reasons.add("no route bound for role" + plural(unbound) + " in profile " + profile.name());
        }
        List<String> missing = params.stream().filter(p -> profile.param(p).isEmpty()).toList();
        if (!missing.isEmpty()) {
            reasons.add("no parameter" + plural(missing) + " in profile " + profile.name());
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }

    /**
     * Limits neither the profile states nor the target was configured with, as a skip reason. A
     * target the harness configured ({@code targetConfigured}) runs with known limits, all of them.
     */
    public Optional<String> unmetLimits(Profile profile, boolean targetConfigured) {
        if (targetConfigured) {
            return Optional.empty();
        }
        List<String> missing = limits.stream().filter(l -> !profile.givesLimit(l)).toList();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("profile " + profile.name() + " states no limit" + plural(missing)
                + " (the check judges the server against its own, never the reference's)");
    }

    /** "the needs, as one line" for --explain: {@code routes: index, data; limits: maxClients}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!routes.isEmpty()) {
            parts.add("routes: " + String.join(", ", routes));
        }
        if (!limits.isEmpty()) {
            parts.add("limits: " + String.join(", ", limits));
        }
        if (!params.isEmpty()) {
            parts.add("params: " + String.join(", ", params));
        }
        return parts.isEmpty() ? "nothing from the profile" : String.join("; ", parts);
    }

    private static String plural(List<String> names) {
        return (names.size() == 1 ? " '" : "s '") + String.join("', '", names) + "'";
    }
}
