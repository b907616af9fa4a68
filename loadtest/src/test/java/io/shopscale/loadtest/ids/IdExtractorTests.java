package io.shopscale.loadtest.ids;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IdExtractorTests {

    @Test
    void takesIdsFromAnItemsPageAndIgnoresTheRest() {
        String page = """
                {"items":[{"id":"p-1","name":"Mug","tags":[{"id":"t"}]},{"id":"p-2"},{"name":"no id"}],
                 "page":{"size":100,"next":"/api/products?page=2"}}
                """;

        assertThat(IdExtractor.extract(page)).containsExactly("p-1", "p-2");
    }

    @Test
    void acceptsNumericIdsSpringContentAndBareArrays() {
        assertThat(IdExtractor.extract("{\"content\":[{\"id\":17},{\"id\":18}]}")).containsExactly("17", "18");
        assertThat(IdExtractor.extract("[{\"id\":\"a\"},\"b\",3]")).containsExactly("a", "b", "3");
    }

    @Test
    void keepsEachIdOnceInDocumentOrder() {
        assertThat(IdExtractor.extract("{\"items\":[{\"id\":\"b\"},{\"id\":\"a\"},{\"id\":\"b\"}]}"))
                .containsExactly("b", "a");
    }

    @Test
    void explainsWhyNothingCouldBeTaken() {
        assertThatIllegalArgumentException().isThrownBy(() -> IdExtractor.extract("<html>"))
                .withMessageStartingWith("the response is not JSON");
        assertThatIllegalArgumentException().isThrownBy(() -> IdExtractor.extract("{\"total\":0}"))
                .withMessageContaining("\"items\" array");
        assertThatIllegalArgumentException().isThrownBy(() -> IdExtractor.extract("{\"items\":[{\"id\":null}]}"))
                .withMessageContaining("no \"id\" values");
    }
}
