package io.uconform.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium driven through chromedriver, both from the machine (Debian's {@code chromium} and
 * {@code chromium-driver}; override with {@code -Duconform.chromium=} and {@code -Duconform.chromedriver=}),
 * never downloaded: Selenium Manager is not asked. A fresh profile directory per browser, removed on
 * {@link #close()}. For the simulator's browser tests.
 */
public final class Chromium implements AutoCloseable {

    private final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Why a browser test cannot run here, or empty when chromium and chromedriver are installed. */
    public static Optional<String> missing() {
        Path browser = browser();
        Path chromedriver = chromedriver();
        if (!Files.isExecutable(browser) || !Files.isExecutable(chromedriver)) {
            return Optional.of("no chromium (" + browser + ") or chromedriver (" + chromedriver
                    + "): apt-get install chromium chromium-driver");
        }
        return Optional.empty();
    }

    public static Chromium start(int width, int height) {
        return start(width, height, true);
    }

    /** @param javascript false: pages get no script at all (what a one-shot screenshot or a reader without JS sees) */
    public static Chromium start(int width, int height, boolean javascript) {
        Path profile;
        try {
            profile = Files.createTempDirectory("uconform-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser().toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        if (!javascript) {
            options.setExperimentalOption("prefs", java.util.Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver().toFile())
                .usingAnyFreePort().withTimeout(Duration.ofSeconds(30)).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20)).scriptTimeout(Duration.ofSeconds(10));
        return new Chromium(driver, profile);
    }

    public ChromeDriver driver() {
        return driver;
    }

    private static Path browser() {
        return Path.of(System.getProperty("uconform.chromium", "/usr/bin/chromium"));
    }

    private static Path chromedriver() {
        return Path.of(System.getProperty("uconform.chromedriver", "/usr/bin/chromedriver"));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temp profile left behind is harmless
            }
        }
    }
}
