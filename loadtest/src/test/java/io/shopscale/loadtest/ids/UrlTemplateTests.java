package io.shopscale.loadtest.ids;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class UrlTemplateTests {

    @Test
    void placesEachIdIntoTheUrl() {
        var template = new UrlTemplate("http://127.0.0.1:8080/api/products/{id}?view=full");

        assertThat(template.expandAll(List.of("a1", "b2"))).containsExactly(
                URI.create("http://127.0.0.1:8080/api/products/a1?view=full"),
                URI.create("http://127.0.0.1:8080/api/products/b2?view=full"));
    }

    @Test
    void anIdCannotChangeTheShapeOfTheUrl() {
        var template = new UrlTemplate("http://host/api/products/{id}");

        assertThat(template.expand("a/b?c d")).hasToString("http://host/api/products/a%2Fb%3Fc%20d");
        assertThat(template.expand("é")).hasToString("http://host/api/products/%C3%A9");
    }

    @Test
    void aUrlWithoutPlaceholderIsUsedAsIs() {
        var template = new UrlTemplate("http://host/health");

        assertThat(template.hasId()).isFalse();
        assertThat(template.expandAll(List.of("ignored"))).containsExactly(URI.create("http://host/health"));
    }

    @Test
    void onlyAbsoluteHttpUrlsAreTargets() {
        assertThatIllegalArgumentException().isThrownBy(() -> new UrlTemplate("/api/products/{id}"))
                .withMessageContaining("not an absolute http:// or https:// URL");
        assertThatIllegalArgumentException().isThrownBy(() -> new UrlTemplate("ftp://host/x"));
        assertThatIllegalArgumentException().isThrownBy(() -> new UrlTemplate("http://host/a b"))
                .withMessageContaining("not a valid URL");
    }
}
