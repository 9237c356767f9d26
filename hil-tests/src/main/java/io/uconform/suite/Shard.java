package io.uconform.suite;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * One of {@code count} stable slices of the suite ({@code --shard index/count}): a check belongs to
 * the shard {@code crc32(checkId) mod count}, where the check id is {@code CheckClass.method}, the
 * id reports use. It depends on nothing but the id, so every runner and every run agrees, and
 * adding a check moves no other. Immutable.
 */
public record Shard(int index, int count) {

    /** The configuration parameter (or system property) that selects a shard, e.g. {@code 2/4}. */
    public static final String PARAMETER = "uconform.shard";

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard must be i/n with 1 <= i <= n, not " + index + "/" + count);
        }
    }

    /** {@code 2/4}; one line naming the problem otherwise. */
    public static Shard parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        try {
            if (slash > 0) {
                return new Shard(Integer.parseInt(t.substring(0, slash).trim()),
                        Integer.parseInt(t.substring(slash + 1).trim()));
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        throw new IllegalArgumentException("shard must be i/n (e.g. 2/4), not '" + text + "'");
    }

    public boolean contains(String checkId) {
        return slotOf(checkId, count) == index;
    }

    /** The 1-based shard of {@code checkId} among {@code count}. */
    static int slotOf(String checkId, int count) {
        CRC32 crc = new CRC32();
        crc.update(checkId.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % count) + 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
