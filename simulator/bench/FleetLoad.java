import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for the fleet benchmark (run as a single source file: java FleetLoad.java ADMIN_URL SECONDS):
 * reads the boards from the fleet admin's /admin/fleet, polls every board once per second (GET /led, one
 * keep-alive connection per board, the boards' first polls spread over the first second) for SECONDS,
 * then prints requests, errors and latency percentiles. JDK only.
 */
public class FleetLoad {

    public static void main(String[] args) throws Exception {
        URI admin = URI.create(args[0]);
        int seconds = Integer.parseInt(args[1]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String fleet = http.send(HttpRequest.newBuilder(admin.resolve("/admin/fleet")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        List<URI> boards = new ArrayList<>();
        Matcher m = Pattern.compile("\"url\":\"([^\"]+)\"").matcher(fleet);
        while (m.find()) {
            boards.add(URI.create(m.group(1)).resolve("/led"));
        }
        ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(4);
        long periodNanos = TimeUnit.SECONDS.toNanos(1);
        for (int i = 0; i < boards.size(); i++) {
            URI board = boards.get(i);
            long offset = periodNanos * i / boards.size();
            timer.scheduleAtFixedRate(() -> {
                long start = System.nanoTime();
                sent.incrementAndGet();
                http.sendAsync(HttpRequest.newBuilder(board).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                            if (e != null || r.statusCode() != 200) {
                                errors.incrementAndGet();
                            } else {
                                micros.add((System.nanoTime() - start) / 1000);
                            }
                        });
            }, offset, periodNanos, TimeUnit.NANOSECONDS);
        }
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        timer.shutdownNow();
        Thread.sleep(6000); // the last requests' own timeout
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        System.out.printf("fleet load: %d boards, %d s, %d requests sent, %d ok, %d errors; latency ms p50 %.2f"
                + " p99 %.2f max %.2f%n", boards.size(), seconds, sent.get(), sorted.size(), errors.get(),
                pct(sorted, 0.50), pct(sorted, 0.99), sorted.isEmpty() ? 0.0 : sorted.get(sorted.size() - 1) / 1000.0);
        System.exit(0);
    }

    private static double pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0.0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1000.0;
    }
}
