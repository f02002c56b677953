package io.gitfleet.local.bench;

import io.gitfleet.local.LocalPlatform;
import io.gitfleet.local.LocalPlatformConfig;
import io.gitfleet.testsupport.browser.Browsers;
import io.gitfleet.testsupport.process.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console at fleet scale, in a real headless Chromium: N clusters seeded into the database, then (1) the time
 * from pressing "Log in" to the first rows of the fleet overview rendered in the browser, and (2) the console JVM's
 * resident memory with S signed-in sessions each showing the overview (each with its live status stream).
 *
 * <p>Usage: {@code tools/bench-console.sh [clusters] [sessions] [logins]}
 */
public final class ConsoleBench {

    private static final Duration WAIT = Duration.ofSeconds(60);

    public static void main(String[] args) throws Exception {
        int clusters = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int sessions = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int logins = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        LocalPlatformConfig config = LocalPlatformConfig.forRepository(Path.of("."), Ports.freeLoopbackPort(),
                Ports.freeLoopbackPort());
        try (LocalPlatform platform = LocalPlatform.start(config)) {
            FleetPageBench.seed(platform.postgres(), clusters);
            System.out.printf("%nConsole over %,d clusters (console JVM -Xmx256m, API, PostgreSQL, Kafka and Chromium"
                    + " on this host); console RSS at start %d MiB%n", clusters, rssMiB(platform.consolePid()));
            firstPage(platform, logins);
            sessions(platform, sessions);
        }
    }

    /** Login click → first overview rows visible, in fresh browsers (no cache, no session). */
    private static void firstPage(LocalPlatform platform, int logins) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < logins + 2; i++) {
            ChromeDriver browser = Browsers.headlessChromium();
            try {
                long elapsed = signIn(browser, platform);
                if (i >= 2) {
                    millis.add(elapsed / 1e6);
                }
            } finally {
                browser.quit();
            }
        }
        Collections.sort(millis);
        System.out.printf("  login → first overview rows rendered (%d fresh browsers, after 2 warm-up): p50 %.0f ms,"
                + " max %.0f ms%n", millis.size(), millis.get(millis.size() / 2), millis.getLast());
    }

    /** {@code count} browsers signed in and showing the overview at once; the console's RSS with all of them. */
    private static void sessions(LocalPlatform platform, int count) throws Exception {
        List<ChromeDriver> browsers = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ChromeDriver browser = Browsers.headlessChromium();
                browsers.add(browser);
                signIn(browser, platform);
            }
            System.gc();
            Thread.sleep(2000); // a measurement settling, not a test
            System.out.printf("  console RSS with %d signed-in sessions on the overview: %d MiB%n", count,
                    rssMiB(platform.consolePid()));
        } finally {
            browsers.forEach(ChromeDriver::quit);
        }
    }

    /** Signs in as the bootstrap admin; returns nanoseconds from the click to the first rendered row. */
    private static long signIn(ChromeDriver browser, LocalPlatform platform) {
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        browser.get(platform.consoleUrl() + "/");
        WebElement name = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                "input[name='username']")));
        name.sendKeys("admin");
        browser.findElement(By.cssSelector("input[name='password']")).sendKeys(platform.adminPassword());
        WebElement submit = browser.findElement(By.cssSelector("vaadin-button[slot='submit']"));
        long start = System.nanoTime();
        submit.click();
        wait.until(driver -> driver.findElements(By.tagName("vaadin-grid-cell-content")).stream()
                .anyMatch(cell -> cell.getText().startsWith("cluster-")));
        return System.nanoTime() - start;
    }

    private static long rssMiB(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for pid " + pid);
    }
}
