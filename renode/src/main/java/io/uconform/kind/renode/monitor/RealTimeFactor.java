package io.uconform.kind.renode.monitor;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How fast emulated time runs against wall time, measured from two {@code emulation
 * GetTimeSourceInfo} answers and the host clock between them. Renode's docs warn that virtual
 * time usually runs slower than real time; host-side timeouts are divided by the factor so that a
 * firmware step with a 10 s budget in virtual time still fits. A factor above 1 (faster than real
 * time) never shortens a timeout.
 *
 * @param factor virtual seconds per host second, clamped to at least {@link #FLOOR}
 */
public record RealTimeFactor(double factor, Duration virtual, Duration host) {

    /** Below this the emulation is considered stalled; timeouts are scaled by it at most. */
    public static final double FLOOR = 0.02;
    private static final Pattern ELAPSED = Pattern.compile(
            "Elapsed Virtual Time:\\s*(?:(\\d+)\\.)?(\\d+):(\\d{2}):(\\d{2})(?:\\.(\\d+))?");

    /** From two virtual-time readings and the host nanoseconds between them. */
    public static RealTimeFactor measured(Duration virtualStart, Duration virtualEnd, long hostNanos) {
        Duration virtual = virtualEnd.minus(virtualStart);
        Duration host = Duration.ofNanos(Math.max(1, hostNanos));
        double f = (double) virtual.toNanos() / host.toNanos();
        return new RealTimeFactor(Math.max(FLOOR, f), virtual, host);
    }

    /** Real time, used before a measurement exists. */
    public static RealTimeFactor assumedRealTime() {
        return new RealTimeFactor(1.0, Duration.ZERO, Duration.ZERO);
    }

    /** The elapsed virtual time in an {@code emulation GetTimeSourceInfo} answer. */
    public static Duration elapsedVirtual(String timeSourceInfo) {
        Matcher m = ELAPSED.matcher(timeSourceInfo);
        if (!m.find()) {
            throw new MonitorException("renode monitor: no 'Elapsed Virtual Time' in the time source info '"
                    + timeSourceInfo.strip().replace("\n", " | ") + "'");
        }
        long days = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        Duration d = Duration.ofDays(days).plusHours(Long.parseLong(m.group(2)))
                .plusMinutes(Long.parseLong(m.group(3))).plusSeconds(Long.parseLong(m.group(4)));
        if (m.group(5) != null) {
            String frac = (m.group(5) + "000000000").substring(0, 9);
            d = d.plusNanos(Long.parseLong(frac));
        }
        return d;
    }

    /** The host-side timeout for a step that needs {@code virtualBudget} of emulated time. */
    public Duration scale(Duration virtualBudget) {
        double f = Math.min(1.0, factor);
        return Duration.ofMillis((long) Math.ceil(virtualBudget.toMillis() / f));
    }

    /** For facts and the report, e.g. {@code 0.42 (1.05 s virtual in 2.50 s)}. */
    public String describe() {
        if (host.isZero()) {
            return String.format(Locale.ROOT, "%.2f (assumed, not measured)", factor);
        }
        return String.format(Locale.ROOT, "%.2f (%.2f s virtual in %.2f s)", factor,
                virtual.toNanos() / 1e9, host.toNanos() / 1e9);
    }
}
