package io.gitfleet.ui;

import io.gitfleet.testsupport.browser.Browsers;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A fresh headless Chromium per test (no cookies, no session carried over), and waiting on it. */
abstract class BrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    protected ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Browsers.headlessChromium();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    protected <T> T wait(Function<? super WebDriver, T> condition) {
        return new WebDriverWait(browser, WAIT).until(condition);
    }
}
