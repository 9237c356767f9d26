package io.uconform.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Shards are a stable partition of the suite's checks: each check in exactly one, of similar sizes. */
class ShardTest {

    @Test
    void aCheckIdAlwaysLandsInTheSameShard() {
        // CRC32 of the id's UTF-8 bytes: the same on every machine and in every run (golden values)
        assertThat(Shard.slotOf("CoreChecks.indexListsRoutes", 4)).isEqualTo(Shard.slotOf("CoreChecks.indexListsRoutes", 4));
        assertThat(Shard.slotOf("a", 7)).isEqualTo((int) (0xE8B7BE43L % 7) + 1);
        assertThat(new Shard(2, 4).contains("a")).isEqualTo(0xE8B7BE43L % 4 == 1);
    }

    @Test
    void theShardsOfTheSuitePartitionItsChecksIntoSimilarSizes() throws Exception {
        List<String> ids = suiteCheckIds();
        assertThat(ids).as("check ids of io.uconform.checks").hasSizeGreaterThan(200);
        for (int n : new int[] {2, 3, 4, 8}) {
            Map<Integer, Integer> sizes = new TreeMap<>();
            for (String id : ids) {
                List<Integer> owners = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    if (new Shard(i, n).contains(id)) {
                        owners.add(i);
                    }
                }
                assertThat(owners).as("shards of %d that hold %s", n, id).hasSize(1);
                sizes.merge(owners.get(0), 1, Integer::sum);
            }
            assertThat(sizes).as("checks per shard of %d", n).hasSize(n);
            sizes.values().forEach(size -> assertThat(size).as("checks in one of %d shards: %s", n, sizes)
                    .isBetween(ids.size() / n / 2, ids.size() * 2 / n));
        }
    }

    @Test
    void malformedShardsAreOneLine() {
        assertThat(Shard.parse(" 2/4 ")).isEqualTo(new Shard(2, 4));
        assertThatThrownBy(() -> Shard.parse("5/4")).hasMessage("shard must be i/n with 1 <= i <= n, not 5/4");
        assertThatThrownBy(() -> Shard.parse("0/4")).hasMessage("shard must be i/n with 1 <= i <= n, not 0/4");
        assertThatThrownBy(() -> Shard.parse("two")).hasMessage("shard must be i/n (e.g. 2/4), not 'two'");
    }

    private static List<String> suiteCheckIds() throws IOException, URISyntaxException, ClassNotFoundException {
        Path dir = Path.of(io.uconform.checks.CoreChecks.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("io/uconform/checks");
        List<String> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("Checks.class")).toList()) {
                Class<?> cls = Class.forName("io.uconform.checks." + file.getFileName().toString().replace(".class", ""));
                for (Method m : cls.getDeclaredMethods()) {
                    if (m.isAnnotationPresent(Check.class)) {
                        ids.add(cls.getSimpleName() + "." + m.getName());
                    }
                }
            }
        }
        return ids;
    }
}
