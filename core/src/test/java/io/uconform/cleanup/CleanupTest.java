package io.uconform.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CleanupTest {

    @Test
    @Order(1)
    void tempDirectoriesAreOwnerOnlyAndRemovedWithTheirContent() throws Exception {
        Path dir = TempDirectories.create("uconform-cleanup-test-");
        Files.writeString(Files.createDirectories(dir.resolve("fs")).resolve("config.json"), "{\"password\":\"x\"}");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(TempDirectories.live()).contains(dir);
        TempDirectories.remove(dir);
        assertThat(dir).doesNotExist();
        assertThat(TempDirectories.live()).doesNotContain(dir);
    }

    /** Last: once the sequence ran, this JVM makes no more temp directories. */
    @Test
    @Order(2)
    void nowRunsFirstActionsThenClosesResourcesThenKillsChildrenThenSweepsDirectories() throws Exception {
        List<String> order = new ArrayList<>();
        Path dir = TempDirectories.create("uconform-cleanup-test-");
        Process child = new ProcessBuilder("sleep", "60").start();
        Cleanup.resource(() -> order.add("resource closed, child alive=" + child.isAlive()));
        Cleanup.first(() -> order.add("first"));
        Registration dropped = Cleanup.resource(() -> order.add("deregistered resource closed"));
        dropped.close();

        Cleanup.now();

        assertThat(order).containsExactly("first", "resource closed, child alive=true");
        await("the child process killed by the cleanup").atMost(Duration.ofSeconds(5)).until(() -> !child.isAlive());
        assertThat(dir).doesNotExist();
        assertThat(Cleanup.stopping()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TempDirectories.create("uconform-cleanup-late-"))
                .hasMessageContaining("the run is being stopped");
    }
}
