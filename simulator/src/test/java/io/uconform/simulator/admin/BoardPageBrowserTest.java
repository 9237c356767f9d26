package io.uconform.simulator.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.uconform.profile.Profiles;
import io.uconform.simulator.Chromium;
import io.uconform.simulator.ExampleApps;
import io.uconform.simulator.SimulatedDevice;
import io.uconform.simulator.SimulatorOptions;
import io.uconform.simulator.TestApi;
import io.uconform.simulator.board.BoardEvent;
import io.uconform.simulator.host.Interpreter;
import io.uconform.simulator.host.LiveApp;
import io.uconform.simulator.host.LiveAppOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The board page in headless Chromium, its script running: typing, the live feed, the BOOT button,
 * refusals, and a user's app (examples/button-app) whose handlers react to the page. Skipped where
 * Chromium is missing (and the app tests where python3 is).
 */
@Timeout(90)
class BoardPageBrowserTest {

    private static Chromium chromium;
    private static WebDriver driver;

    @BeforeAll
    static void browser() {
        chromium = Chromium.missing().map(reason -> {
            assumeTrue(false, reason);
            return (Chromium) null;
        }).orElseGet(() -> Chromium.start(1300, 1000));
        driver = chromium.driver();
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private static void open(URI page) {
        driver.get(page.toString());
        await("the board page's live feed at " + page).atMost(Duration.ofSeconds(10))
                .until(() -> "yes".equals(driver.findElement(By.tagName("body")).getAttribute("data-live")));
    }

    private static WebElement id(String id) {
        return driver.findElement(By.id(id));
    }

    private static String classOf(String id) {
        return id(id).getAttribute("class");
    }

    private static void screenshot(String name) throws Exception {
        Path shot = Path.of("target", name);
        Files.createDirectories(shot.getParent());
        Files.copy(chromium.driver().getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aVoltageTypedWithAPauseArrivesExactlyWhileTheFeedUpdatesThePage() throws Exception {
        try (SimulatedDevice device = SimulatedDevice.start(SimulatorOptions.defaults())) {
            open(device.adminUri());
            id("pin-34").click();
            await("the drawer of GPIO34").atMost(Duration.ofSeconds(5)).until(() -> id("drawer").isDisplayed()
                    && id("drawer-title").getText().equals("GPIO34"));
            WebElement mv = id("mv-input");
            new Actions(driver).click(mv).sendKeys("12").pause(Duration.ofMillis(700)).perform();
            new TestApi(device.baseUri()).get("/led/toggle");
            await("the LED drawn lit after /led/toggle").atMost(Duration.ofSeconds(3)).until(() -> classOf("led").contains("on"));
            assertThat(mv.getAttribute("value")).as("what was typed survives the live update").isEqualTo("12");
            new Actions(driver).sendKeys("00").sendKeys(Keys.ENTER).perform();

            await("1200 mV on GPIO34").atMost(Duration.ofSeconds(5)).until(() -> device.board().pin(34).millivolts() == 1200);
            List<String> drives = device.board().timeline().select(e -> e.pin() == 34
                    && e.kind() == BoardEvent.Kind.INPUT_INJECTED).stream().map(BoardEvent::detail).toList();
            assertThat(drives).as("exactly the typed value was sent, once").containsExactly("1200 mV");
            await("the drawer confirms").atMost(Duration.ofSeconds(3)).until(() -> id("drawer-msg").getText().equals("GPIO34 at 1200 mV"));
            assertThat(id("d-drive").getText()).isEqualTo("1200 mV");
            assertThat(classOf("pin-34")).as("1200 mV is under the 1650 mV input threshold").contains("driven", "lvl-0");
            screenshot("board-page-sim.png");
        }
    }

    @Test
    void withoutScriptThePageStillShowsTheBoardAsItIs() throws Exception {
        try (SimulatedDevice device = SimulatedDevice.start(SimulatorOptions.defaults());
             Chromium noScript = Chromium.start(1300, 1000, false)) {
            new TestApi(device.baseUri()).get("/led/on");
            WebDriver plain = noScript.driver();
            plain.get(device.adminUri().toString());
            assertThat(plain.findElement(By.id("feed")).getText()).as("the script did not run")
                    .isEqualTo("(a snapshot: the live view needs JavaScript)");
            assertThat(plain.findElement(By.id("led")).getAttribute("class")).contains("on");
            assertThat(plain.findElement(By.id("pin-2")).getText()).contains("GPIO2 out 1");
            assertThat(plain.findElement(By.id("board")).getSize().getHeight()).as("the drawing is laid out").isGreaterThan(500);
            Path shot = Path.of("target", "board-page-noscript.png");
            Files.copy(noScript.driver().getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void refusedActionsSayWhy() {
        try (SimulatedDevice device = SimulatedDevice.start(SimulatorOptions.defaults())) {
            open(device.adminUri());
            id("pin-6").click();
            await("the flash pin's reason").atMost(Duration.ofSeconds(3)).until(() -> id("drawer-msg").getText().contains("SPI flash"));
            assertThat(id("drive-1").isEnabled()).isFalse();
            assertThat(id("mv-input").isEnabled()).isFalse();

            id("pin-2").click();
            await("the LED pin's drawer").atMost(Duration.ofSeconds(3)).until(() -> id("drawer-title").getText().equals("GPIO2"));
            id("drive-1").click();
            await("the refusal of driving an output").atMost(Duration.ofSeconds(3))
                    .until(() -> id("drawer-msg").getText().contains("the firmware drives it as an output"));
            assertThat(classOf("drawer-msg")).contains("refused");
            assertThat(device.board().pin(2).driven()).isFalse();
        }
    }

    @Test
    void theUsersAppReactsToThePageAndThePageToTheApp(@TempDir Path dir) throws Exception {
        assumeTrue(Interpreter.find("python3").isPresent(), "python3 is not on PATH");
        Path app = ExampleApps.copyOfButtonApp(dir);
        try (LiveApp live = LiveApp.start(LiveAppOptions.parse(Map.of("app", app.toString(), "interpreter", "python3"),
                Profiles.load("reference"), 0))) {
            open(live.adminUri());
            await("the app ready").atMost(Duration.ofSeconds(20)).until(() -> id("console").getText().contains("UCONFORM READY"));

            // hold BOOT: the pin is pressed while the mouse is down, the app's IRQ handler runs on the press
            WebElement boot = id("btn-boot");
            new Actions(driver).clickAndHold(boot).perform();
            await("GPIO0 held low").atMost(Duration.ofSeconds(3)).until(() -> live.board().pin(0).level() == 0);
            await("the button drawn pressed").atMost(Duration.ofSeconds(3)).until(() -> classOf("btn-boot").contains("pressed"));
            new Actions(driver).release().perform();
            await("GPIO0 released").atMost(Duration.ofSeconds(3)).until(() -> live.board().pin(0).level() == 1);
            await("the handler's line on the page").atMost(Duration.ofSeconds(5))
                    .until(() -> id("console").getText().contains("BOOT pressed 1 time(s): LED on"));
            assertThat(new TestApi(live.deviceUri()).get("/button").dataMap()).containsEntry("presses", 1L);
            await("the LED the handler lit").atMost(Duration.ofSeconds(3)).until(() -> classOf("led").contains("on"));

            // the app's own route switches the LED: the drawing follows
            assertThat(new TestApi(live.deviceUri()).get("/led/toggle").dataMap()).containsEntry("value", 0L);
            await("the LED drawn dark after the app's /led/toggle").atMost(Duration.ofSeconds(3))
                    .until(() -> !classOf("led").contains("on"));
            screenshot("board-page-app.png");

            // a crash is shown with its traceback; the next save brings the app back
            String good = Files.readString(app.resolve("main.py"));
            Files.writeString(app.resolve("main.py"), good.replace("config = load_config()", "config = load_konfig()"));
            await("the crash on the page").atMost(Duration.ofSeconds(10)).until(() -> id("status-detail").isDisplayed()
                    && id("status-detail").getText().contains("NameError"));
            assertThat(id("status-headline").getText()).contains("crashed");
            Files.writeString(app.resolve("main.py"), good);
            await("the soft reset and the app running again").atMost(Duration.ofSeconds(10))
                    .until(() -> id("status-headline").getText().contains("ready at") && !id("status-detail").isDisplayed());
            assertThat(id("console").getText()).contains("UCONFORM SIM soft reset: main.py changed");
            assertThat(id("status-headline").getText()).contains("restarted", "soft reset: main.py changed");
        }
    }
}
