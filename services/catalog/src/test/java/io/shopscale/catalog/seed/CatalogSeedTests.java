package io.shopscale.catalog.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CatalogSeedTests {

    @Test
    void theSameSeedGivesTheSameCatalog() {
        assertThat(new CatalogSeed().products(500)).isEqualTo(new CatalogSeed().products(500));
        assertThat(new CatalogSeed(1).products(50)).isNotEqualTo(new CatalogSeed(2).products(50));
    }

    @Test
    void generatesTenThousandDistinctProductsAcrossEveryCategory() {
        List<SeedProduct> products = new CatalogSeed().products(ProductSeedMigration.PRODUCT_COUNT);

        assertThat(products).hasSizeGreaterThanOrEqualTo(10_000);
        assertThat(products.stream().map(SeedProduct::sku).collect(Collectors.toSet())).hasSize(products.size());
        assertThat(products.stream().map(SeedProduct::id).collect(Collectors.toSet())).hasSize(products.size());
        Set<String> categories = new HashSet<>();
        products.forEach(product -> categories.add(product.category()));
        assertThat(categories).containsExactlyInAnyOrderElementsOf(CatalogSeed.categories()).hasSizeGreaterThan(10);
    }

    @Test
    void productsLookLikeShelfProducts() {
        for (SeedProduct product : new CatalogSeed().products(1_000)) {
            assertThat(product.priceAmount() % 100).isIn(49L, 99L);
            assertThat(product.priceAmount()).isPositive();
            assertThat(product.name().split(" ")).hasSizeGreaterThanOrEqualTo(4);
            assertThat(product.description()).endsWith(".").doesNotStartWith("A a").doesNotStartWith("A e")
                    .doesNotStartWith("A i").doesNotStartWith("A o").doesNotStartWith("A u");
            assertThat(product.sku()).matches("[A-Z]{3}-\\d{5}");
            assertThat(product.currency()).isEqualTo("USD");
        }
    }
}
