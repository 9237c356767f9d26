package io.uconform.simulator.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What a save brings to the device copy of an app, and what the watcher reports as a save. */
@Timeout(30)
class DeviceDirectorySyncTest {

    @TempDir
    Path app;

    @Test
    void syncCopiesNewAndChangedFilesDeletesRemovedOnesAndKeepsWhatTheAppWrote() throws Exception {
        Files.writeString(app.resolve("main.py"), "print(1)");
        Files.createDirectories(app.resolve("lib"));
        Files.writeString(app.resolve("lib/helper.py"), "x = 1");
        Files.writeString(app.resolve("main.py.swp"), "vim");
        Files.createDirectories(app.resolve("tests"));
        Files.writeString(app.resolve("tests/test_main.py"), "");
        try (DeviceDirectory device = DeviceDirectory.create(app)) {
            Path root = device.root();
            assertThat(root.resolve("lib/helper.py")).hasContent("x = 1");
            assertThat(root.resolve("main.py.swp")).as("editor files stay off the device").doesNotExist();
            assertThat(root.resolve("tests")).doesNotExist();
            Files.writeString(root.resolve("state.json"), "{}");  // written by the app at run time

            Files.writeString(app.resolve("main.py"), "print(2)");
            Files.delete(app.resolve("lib/helper.py"));
            Files.writeString(app.resolve("lib/new.py"), "y = 2");
            device.sync(app);

            assertThat(root.resolve("main.py")).hasContent("print(2)");
            assertThat(root.resolve("lib/helper.py")).as("deleted in the app directory").doesNotExist();
            assertThat(root.resolve("lib/new.py")).hasContent("y = 2");
            assertThat(root.resolve("state.json")).as("the app's own file").exists();
            assertThat(root.resolve(".hostrt/machine.py")).exists();
        }
    }

    @Test
    void theWatcherReportsASaveOnceAndIgnoresEditorFiles() throws Exception {
        Files.writeString(app.resolve("main.py"), "print(1)");
        List<List<String>> changes = new CopyOnWriteArrayList<>();
        try (AppWatcher watcher = AppWatcher.start(app, changes::add)) {
            Files.writeString(app.resolve(".main.py.swp"), "vim's swap file");
            Files.writeString(app.resolve("main.py"), "print(2)");
            await("the save reported").atMost(Duration.ofSeconds(5)).until(() -> !changes.isEmpty());
            assertThat(changes.get(0)).containsExactly("main.py");
            Files.writeString(app.resolve("4913"), "vim's probe");
            Files.writeString(app.resolve("notes.txt~"), "backup");
            Files.writeString(app.resolve("boot.py"), "pass");
            await("the second save").atMost(Duration.ofSeconds(5)).until(() -> changes.size() >= 2);
            assertThat(changes).hasSize(2);
            assertThat(changes.get(1)).containsExactly("boot.py");
        }
    }
}
