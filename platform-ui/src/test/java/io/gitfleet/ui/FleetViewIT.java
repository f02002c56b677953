package io.gitfleet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The packaged console in a real headless Chromium: the view renders through Vaadin's production bundle. */
@QuarkusIntegrationTest
class FleetViewIT {

    @TestHTTPResource("/")
    URL root;

    private ChromeDriver browser;

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

    @Test
    void landingViewRendersInTheBrowser() throws Exception {
        browser.get(root.toString());
        WebElement title = new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("title")));
        assertThat(title.getText()).isEqualTo("Gitfleet");
        assertThat(browser.findElement(By.id("summary")).getText()).contains("Fleet console");
        assertThat(browser.findElement(By.id("api-url")).getText()).isEqualTo("Control plane: http://127.0.0.1:8080");
        assertThat(browser.getTitle()).isEqualTo("Gitfleet");

        Path shot = Path.of("target", "screenshots", "fleet-view.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
