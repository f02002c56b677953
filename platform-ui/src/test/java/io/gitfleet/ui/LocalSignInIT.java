package io.gitfleet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Embedded defaults, no identity provider: the bootstrap admin signs in with the console's own form, which the
 * API itself checks; a wrong password gets a readable error and no session.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = ConsoleStack.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "sso", value = "false"))
class LocalSignInIT extends BrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void theBootstrapAdminSignsInWithTheLocalFormAndOut() {
        browser.get(root.toString());
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("login")));

        submit("admin", "not-the-password");
        wait(driver -> browser.findElement(By.id("login")).getDomAttribute("error") != null);
        assertThat(browser.findElements(By.id("clusters"))).isEmpty();

        submit("admin", ConsoleStack.ADMIN_PASSWORD);
        assertThat(wait(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in-as"))).getText())
                .isEqualTo("admin");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("clusters")));

        browser.findElement(By.id("sign-out")).click();
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("login")));
        browser.get(root.toString());
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("login")));
        assertThat(browser.findElements(By.id("clusters"))).as("signed out means signed out").isEmpty();
    }

    private void submit(String user, String password) {
        WebElement name = wait(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")));
        name.clear();
        name.sendKeys(user);
        WebElement secret = browser.findElement(By.cssSelector("input[name='password']"));
        secret.clear();
        secret.sendKeys(password);
        browser.findElement(By.cssSelector("vaadin-button[slot='submit']")).click();
    }
}
