package io.gitfleet.testsupport.browser;

import java.io.File;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium and chromium-driver for browser tests, never a downloaded browser (the network is closed).
 * The flags keep Chromium from phoning home, which this machine's network refuses. Selenium is an optional
 * dependency of test-support: modules that drive a browser declare it themselves.
 */
public final class Browsers {

    private Browsers() {
    }

    public static ChromeDriver headlessChromium() {
        ChromeOptions options = new ChromeOptions()
                .setBinary(new File(System.getProperty("gitfleet.chromium", "/usr/bin/chromium")))
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--window-size=1280,800");
        File driver = new File(System.getProperty("gitfleet.chromedriver", "/usr/bin/chromedriver"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver)
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}
