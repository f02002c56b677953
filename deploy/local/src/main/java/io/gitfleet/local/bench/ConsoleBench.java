package io.gitfleet.local.bench;

import io.gitfleet.local.LocalPlatform;
import io.gitfleet.local.LocalPlatformConfig;
import io.gitfleet.testsupport.browser.Browsers;
import io.gitfleet.testsupport.process.Ports;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
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
    private static final int ASSIGNMENTS = 20;

    public static void main(String[] args) throws Exception {
        int clusters = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int sessions = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int logins = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        LocalPlatformConfig config = LocalPlatformConfig.forRepository(Path.of("."), Ports.freeLoopbackPort(),
                Ports.freeLoopbackPort());
        try (LocalPlatform platform = LocalPlatform.start(config)) {
            FleetPageBench.seed(platform.postgres(), clusters);
            assignments(platform, ASSIGNMENTS);
            System.out.printf("%nConsole over %,d clusters × %d assignments targeting every one (console JVM -Xmx256m, API, PostgreSQL, Kafka and Chromium"
                    + " on this host); console RSS at start %d MiB%n", clusters, ASSIGNMENTS, rssMiB(platform.consolePid()));
            firstPage(platform, logins);
            sessions(platform, sessions);
        }
    }

    /**
     * Assignments selecting every cluster, so each overview row carries real verdicts (all Pending: no agent
     * reports here) and the tiles' summary has placements to count.
     */
    private static void assignments(LocalPlatform platform, int count) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + platform.adminPassword())
                .getBytes(StandardCharsets.UTF_8));
        AgentMemoryBench.call(http, platform.apiUrl(), auth, "/api/v1/tenants",
                "{\"name\":\"bench\",\"namespaces\":[\"bench-*\"]}");
        AgentMemoryBench.call(http, platform.apiUrl(), auth, "/api/v1/sources", "{\"tenant\":\"bench\",\"name\":"
                + "\"apps\",\"url\":\"https://git.example.com/bench/apps.git\",\"ref\":\"main\"}");
        for (int i = 0; i < count; i++) {
            AgentMemoryBench.call(http, platform.apiUrl(), auth, "/api/v1/assignments", ("{\"tenant\":\"bench\","
                    + "\"name\":\"app-%d\",\"source\":\"apps\",\"path\":\"apps/%d\",\"namespace\":\"bench-%d\","
                    + "\"selector\":{}}").formatted(i, i, i));
        }
    }

    /** Login click → overview frame shown → first overview rows visible, in fresh browsers (no cache, no session). */
    private static void firstPage(LocalPlatform platform, int logins) {
        List<Double> frame = new ArrayList<>();
        List<Double> rows = new ArrayList<>();
        for (int i = 0; i < logins + 2; i++) {
            ChromeDriver browser = Browsers.headlessChromium();
            try {
                double[] elapsed = signIn(browser, platform);
                if (i >= 2) {
                    frame.add(elapsed[0]);
                    rows.add(elapsed[1]);
                }
            } finally {
                browser.quit();
            }
        }
        Collections.sort(frame);
        Collections.sort(rows);
        System.out.printf("  login → overview frame shown (%d fresh browsers, after 2 warm-up): p50 %.0f ms, max %.0f ms%n",
                frame.size(), frame.get(frame.size() / 2), frame.getLast());
        System.out.printf("  login → first overview rows rendered: p50 %.0f ms, max %.0f ms%n",
                rows.get(rows.size() / 2), rows.getLast());
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

    /**
     * Signs in as the bootstrap admin; returns milliseconds from the click to the overview's frame (the header's
     * name) and to its first rendered row, both timed inside the browser (a mutation observer started just before
     * the click), so WebDriver's polling adds nothing.
     */
    private static double[] signIn(ChromeDriver browser, LocalPlatform platform) {
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        browser.get(platform.consoleUrl() + "/");
        WebElement name = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                "input[name='username']")));
        name.sendKeys("admin");
        browser.findElement(By.cssSelector("input[name='password']")).sendKeys(platform.adminPassword());
        WebElement submit = browser.findElement(By.cssSelector("vaadin-button[slot='submit']"));
        browser.executeScript("""
                const t0 = performance.now();
                window.gitfleetMarks = {};
                const marks = window.gitfleetMarks;
                new MutationObserver((changes, observer) => {
                  if (marks.frame === undefined && document.getElementById('signed-in-as')) {
                    marks.frame = performance.now() - t0;
                  }
                  for (const cell of document.querySelectorAll('vaadin-grid-cell-content')) {
                    if (cell.textContent.startsWith('cluster-')) {
                      marks.rows = performance.now() - t0;
                      observer.disconnect();
                      break;
                    }
                  }
                }).observe(document, {subtree: true, childList: true, characterData: true});""");
        submit.click();
        wait.until(driver -> browser.executeScript("return window.gitfleetMarks.rows") != null);
        return new double[] {((Number) browser.executeScript("return window.gitfleetMarks.frame")).doubleValue(),
                ((Number) browser.executeScript("return window.gitfleetMarks.rows")).doubleValue()};
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
