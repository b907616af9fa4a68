package io.shopscale.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopscale.platform.web.InvalidParameterException;
import org.junit.jupiter.api.Test;

class ProductQueryTests {

    @Test
    void defaultsToTheFirstPageSortedByNameWhenNotSearching() {
        ProductQuery query = ProductQuery.of(null, null, null, null, null, 20, 100);

        assertThat(query.page()).isZero();
        assertThat(query.size()).isEqualTo(20);
        assertThat(query.sort()).isEqualTo(ProductSort.NAME);
        assertThat(query.searching()).isFalse();
    }

    @Test
    void searchingDefaultsToRelevanceAndBlankTermsCountAsAbsent() {
        assertThat(ProductQuery.of("  lamp ", null, 0, 10, null, 20, 100).sort()).isEqualTo(ProductSort.RELEVANCE);
        assertThat(ProductQuery.of("  lamp ", null, 0, 10, null, 20, 100).text()).isEqualTo("lamp");
        assertThat(ProductQuery.of("   ", "", 0, 10, null, 20, 100).searching()).isFalse();
    }

    @Test
    void computesTheOffsetWithoutOverflow() {
        assertThat(ProductQuery.of(null, null, 10_000, 100, "price", 20, 100).offset()).isEqualTo(1_000_000L);
    }

    @Test
    void rejectsEachBadParameterByName() {
        assertRejected(() -> ProductQuery.of(null, null, -1, 10, null, 20, 100), "page");
        assertRejected(() -> ProductQuery.of(null, null, 0, 0, null, 20, 100), "size");
        assertRejected(() -> ProductQuery.of(null, null, 0, 101, null, 20, 100), "size");
        assertRejected(() -> ProductQuery.of(null, null, 0, 10, "colour", 20, 100), "sort");
        assertRejected(() -> ProductQuery.of(null, null, 0, 10, "relevance", 20, 100), "sort");
        assertRejected(() -> ProductQuery.of("x".repeat(201), null, 0, 10, null, 20, 100), "q");
        assertRejected(() -> ProductQuery.of(null, "Home Kitchen!", 0, 10, null, 20, 100), "category");
        assertRejected(() -> ProductQuery.of(null, null, 10_001, 10, null, 20, 100), "page");
    }

    @Test
    void acceptsEverySortByItsParameterValue() {
        for (ProductSort sort : ProductSort.values()) {
            assertThat(ProductSort.fromParameter(sort.parameterValue(), true)).isEqualTo(sort);
        }
    }

    private static void assertRejected(Runnable query, String parameter) {
        assertThatThrownBy(query::run)
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo(parameter));
    }
}
