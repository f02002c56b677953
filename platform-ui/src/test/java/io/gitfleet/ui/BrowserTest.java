package io.gitfleet.ui;

import io.gitfleet.testsupport.browser.Browsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A fresh headless Chromium per test (no cookies, no session carried over), and what the console's tests do with
 * it: sign in through Keycloak, fill Vaadin fields, read grids, wait.
 */
abstract class BrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    protected ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Browsers.headlessChromium();
    }

    /** The page as the test left it (target/screenshots/last/), for reading a failure after the fact. */
    @AfterEach
    void closeBrowser(TestInfo test) throws Exception {
        if (browser != null) {
            try {
                screenshot("last/" + test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test"));
            } finally {
                browser.quit();
            }
        }
    }

    protected <T> T wait(Function<? super WebDriver, T> condition) {
        return new WebDriverWait(browser, WAIT).until(condition);
    }

    /** Opens the console at {@code root} and signs {@code user} in on Keycloak's own login page. */
    protected void signIn(String root, String user) {
        browser.get(root);
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user + "-password");
        browser.findElement(By.id("kc-login")).click();
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in-as")));
    }

    protected WebElement byId(String id) {
        return wait(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    /** An element's text even when it is scrolled out of view (Selenium's getText returns only what is shown). */
    protected String text(String id) {
        return byId(id).getDomProperty("textContent").strip();
    }

    /** Replaces a Vaadin text field's value and commits it (Enter). */
    protected void type(String fieldId, String text) {
        WebElement input = wait(ExpectedConditions.elementToBeClickable(By.cssSelector("#" + fieldId + " input, #"
                + fieldId + " textarea")));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text, Keys.ENTER);
    }

    /** Picks {@code item} in a Vaadin combo box, retrying while the server is still sending its items. */
    protected void choose(String comboId, String item) {
        wait(driver -> {
            type(comboId, item);
            // The element's own value is the item's key; the input shows the label once it is selected.
            WebElement combo = byId(comboId);
            return combo.getDomAttribute("has-value") != null && item.equals(combo.findElement(By.tagName("input"))
                    .getDomProperty("value")) ? true : null;
        });
    }

    /** Picks {@code item} in a Vaadin select: opens it, then clicks the item in its overlay. */
    protected void pick(String selectId, String item) {
        click(selectId);
        wait(driver -> {
            for (WebElement option : browser.findElements(By.tagName("vaadin-select-item"))) {
                if (option.isDisplayed() && option.getText().strip().equals(item)) {
                    option.click();
                    return true;
                }
            }
            return null;
        });
    }

    /** Clicks once the element is in the middle of the view and nothing (a notification, say) covers it. */
    protected void click(String id) {
        wait(driver -> {
            WebElement element = wait(ExpectedConditions.elementToBeClickable(By.id(id)));
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
            try {
                element.click();
                return true;
            } catch (ElementClickInterceptedException covered) {
                return null;
            }
        });
    }

    /** The texts of every rendered cell of the grid {@code gridId}. */
    protected List<String> cells(String gridId) {
        return byId(gridId).findElements(By.tagName("vaadin-grid-cell-content")).stream().map(WebElement::getText)
                .toList();
    }

    /** Clicks the grid row showing {@code text}, again if the grid re-rendered it meanwhile (live refresh). */
    protected void clickCell(String gridId, String text) {
        wait(driver -> {
            try {
                byId(gridId).findElements(By.tagName("vaadin-grid-cell-content")).stream()
                        .filter(cell -> cell.getText().equals(text)).findFirst().orElseThrow().click();
                return true;
            } catch (StaleElementReferenceException | ElementClickInterceptedException
                    | java.util.NoSuchElementException again) {
                return null;
            }
        });
    }

    protected void waitForCell(String gridId, String text) {
        wait(driver -> cells(gridId).contains(text));
    }

    /** The labels of the navigation items the signed-in person is offered. */
    protected List<String> navigation() {
        return browser.findElements(By.cssSelector("#nav vaadin-side-nav-item")).stream().map(WebElement::getText)
                .map(String::strip).toList();
    }

    /** Saved under target/screenshots; the README's pictures come from these. */
    protected void screenshot(String name) throws Exception {
        Path shot = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
    }
}
