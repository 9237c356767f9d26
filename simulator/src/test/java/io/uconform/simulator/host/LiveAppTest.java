package io.uconform.simulator.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.uconform.console.ConsoleLine;
import io.uconform.profile.Profiles;
import io.uconform.simulator.ExampleApps;
import io.uconform.simulator.TestApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A user's app (examples/button-app) run for development: restart on save, crash reports, the button's handler. */
@Timeout(60)
class LiveAppTest {

    /** python3 (on every CI machine) unless -Dlive.interpreter=micropython asks for the unix port. */
    static final String INTERPRETER = System.getProperty("live.interpreter", "python3");

    @TempDir
    Path dir;
    private Path app;
    private LiveApp live;

    @BeforeEach
    void start() {
        assumeTrue(Interpreter.find(INTERPRETER).isPresent(), INTERPRETER + " is not on PATH");
        app = ExampleApps.copyOfButtonApp(dir);
        live = LiveApp.start(LiveAppOptions.parse(Map.of("app", app.toString(), "interpreter", INTERPRETER),
                Profiles.load("reference"), 0));
        awaitLine("UCONFORM READY", 0);
    }

    @AfterEach
    void stop() {
        if (live != null) {
            live.close();
        }
    }

    /** Waits for a line starting with {@code start} at index {@code from} or later; the index after it. */
    private int awaitLine(String start, int from) {
        await("console line '" + start + "' of " + app).atMost(Duration.ofSeconds(20))
                .until(() -> indexOf(start, from) >= 0);
        return indexOf(start, from) + 1;
    }

    private int indexOf(String start, int from) {
        java.util.List<ConsoleLine> all = lines();
        for (int i = from; i < all.size(); i++) {
            if (all.get(i).text().startsWith(start)) {
                return i;
            }
        }
        return -1;
    }

    private java.util.List<ConsoleLine> lines() {
        return live.console().lines();
    }

    @Test
    void theButtonRunsTheAppsOwnHandler() {
        TestApi api = new TestApi(live.deviceUri());
        assertThat(api.get("/led/on").dataMap()).containsEntry("value", 1L);
        assertThat(live.board().pin(2).level()).isEqualTo(1);
        live.board().press(0);
        live.board().releaseButton(0);
        await("the IRQ handler's line").atMost(Duration.ofSeconds(5))
                .until(() -> lines().stream().anyMatch(l -> l.text().equals("BOOT pressed 1 time(s): LED off")));
        assertThat(api.get("/button").dataMap()).containsEntry("presses", 1L);
        assertThat(live.status().state()).isEqualTo("running");
        assertThat(live.status().headline()).contains("ready at " + live.deviceUri());
    }

    @Test
    void aSaveSoftResetsTheBoardAndRestartsTheAppOnTheNewFiles() throws Exception {
        int mark = lines().size();
        Files.writeString(app.resolve("main.py"), Files.readString(app.resolve("main.py"))
                .replace("\"name\": \"button-app\"", "\"name\": \"button-app v2\""));
        int after = awaitLine("UCONFORM SIM soft reset: main.py changed", mark);
        awaitLine("UCONFORM READY", after);
        assertThat(new TestApi(live.deviceUri()).get("/").dataMap()).containsEntry("name", "button-app v2");
        assertThat(live.board().resetCause().wireName()).isEqualTo("soft");
        assertThat(live.status().restarts()).isEqualTo(1);
        assertThat(live.status().headline()).as("the page says why it restarted").contains("soft reset: main.py changed");
    }

    @Test
    void aCrashShowsTheTracebackAndWaitsForTheNextSave() throws Exception {
        String good = Files.readString(app.resolve("main.py"));
        int mark = lines().size();
        Files.writeString(app.resolve("main.py"), good.replace("config = load_config()", "config = load_konfig()"));
        awaitLine("UCONFORM SIM main.py crashed (exit status 1)", mark);
        assertThat(live.status().state()).isEqualTo("crashed");
        assertThat(live.status().detail()).first().isEqualTo("Traceback (most recent call last):");
        // CPython names the file by its path in the app directory, MicroPython as run ("main.py")
        assertThat(String.join("\n", live.status().detail())).contains("main.py", "line 24", "load_konfig");
        assertThat(lines()).extracting(ConsoleLine::text).filteredOn(t -> t.startsWith("UCONFORM SIM main.py crashed"))
                .as("one crash, reported once").hasSize(1);

        mark = lines().size();
        Files.writeString(app.resolve("main.py"), good);
        awaitLine("UCONFORM READY", mark);
        assertThat(live.status().state()).isEqualTo("running");
    }

    @Test
    void bootPyRunsBeforeMainPyInOneNamespaceAsOnABoard() throws Exception {
        int mark = lines().size();
        Files.writeString(app.resolve("boot.py"), "BOOT_GREETING = 'boot.py ran first'\n");
        Files.writeString(app.resolve("main.py"), "print(BOOT_GREETING)\n" + Files.readString(app.resolve("main.py")));
        int after = awaitLine("boot.py ran first", mark);
        awaitLine("UCONFORM READY", after);
        assertThat(new TestApi(live.deviceUri()).get("/led").status()).isEqualTo(200);
    }

    @Test
    void theResetButtonRebootsTheApp() {
        int mark = lines().size();
        live.reset(io.uconform.simulator.board.ResetCause.HARD);
        awaitLine("UCONFORM READY", awaitLine("UCONFORM SIM reset (hard)", mark));
        assertThat(live.board().resetCause().wireName()).isEqualTo("hard");
    }
}
