package io.uconform.profile;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The claimed groups and parameters of a target: a data file the user can copy and edit
 * ({@code profiles/*.json} on the class path, or any path). Immutable.
 *
 * @param name    profile name, e.g. {@code reference}
 * @param groups  claimed requirement groups ({@code PROTO}, {@code CORE}, ...); checks of other
 *                groups are reported "not claimed"
 * @param routes  binds check roles to the server's own routes, e.g. {@code data -> /led},
 *                {@code raise -> /raise}, {@code nowait -> /blink}; a check whose role is not
 *                bound is skipped with that reason
 * @param limits  the limits the server claims
 * @param params  further parameters (LED pin, credentials to use, ...), as strings
 * @param waivers requirement ID (or a whole group's name) to the reason a deviation is accepted
 *                (reported as "waived")
 * @param givenLimits the names of the limits the profile states ({@code maxHeaderBytes}, ...); the
 *                others in {@code limits} are the reference defaults, which a check never takes
 *                for the server's claim (it may still use them to size its waits)
 */
public record Profile(String name, String description, Set<String> groups, Map<String, String> routes,
                      Limits limits, Map<String, String> params, Map<String, String> waivers,
                      Set<String> givenLimits) {

    /** The names of every limit a profile can state, as in the profile file. */
    public static final Set<String> LIMIT_NAMES = Set.of("maxClients", "maxHeaderBytes", "maxTargetBytes",
            "maxBodyBytes", "maxUploadBytes", "headerTimeoutMs", "keepAliveIdleMs", "maxRequestsPerConnection",
            "maxSseSubscribers", "maxWsMessageBytes");

    public Profile {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        groups = Set.copyOf(groups);
        routes = Map.copyOf(routes);
        Objects.requireNonNull(limits, "limits");
        params = Map.copyOf(params);
        waivers = Map.copyOf(waivers);
        givenLimits = Set.copyOf(givenLimits);
    }

    /** A profile built in code: every limit in {@code limits} counts as stated. */
    public Profile(String name, String description, Set<String> groups, Map<String, String> routes,
                   Limits limits, Map<String, String> params, Map<String, String> waivers) {
        this(name, description, groups, routes, limits, params, waivers, LIMIT_NAMES);
    }

    /** True when the profile states the limit {@code limitName} (a name of {@link #LIMIT_NAMES}). */
    public boolean givesLimit(String limitName) {
        return givenLimits.contains(limitName);
    }

    public boolean claims(String group) {
        return groups.contains(group);
    }

    public Optional<String> route(String role) {
        return Optional.ofNullable(routes.get(role));
    }

    public Optional<String> param(String key) {
        return Optional.ofNullable(params.get(key));
    }

    /** The reason a requirement is waived: its own waiver, else its group's. */
    public Optional<String> waiver(String requirementId) {
        String own = waivers.get(requirementId);
        return Optional.ofNullable(own != null ? own : waivers.get(groupOf(requirementId)));
    }

    /** The group of a requirement ID: {@code PROTO-01 -> PROTO}, {@code LIM-06 -> LIM}. */
    public static String groupOf(String requirementId) {
        int dash = requirementId.indexOf('-');
        return dash < 0 ? requirementId : requirementId.substring(0, dash);
    }
}
