package io.shopscale.loadtest.checkout;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BasketsTests {

    private static final Pattern SKU = Pattern.compile("\"sku\":\"([A-Z]{3})-(\\d{5})\",\"quantity\":1");

    @Test
    void oneOrTwoDistinctCatalogSkusNeverAHotOne() {
        Baskets baskets = new Baskets(new Random(7));
        boolean sawOne = false;
        boolean sawTwo = false;
        for (int i = 0; i < 2_000; i++) {
            Matcher matcher = SKU.matcher(baskets.next());
            List<String> skus = matcher.results().map(r -> r.group(1) + "-" + r.group(2)).toList();
            assertThat(skus).hasSizeBetween(1, 2).doesNotHaveDuplicates();
            for (String sku : skus) {
                assertThat(Baskets.CATEGORIES).contains(sku.substring(0, 3));
                assertThat(Integer.parseInt(sku.substring(4))).isBetween(2, 800);
            }
            sawOne |= skus.size() == 1;
            sawTwo |= skus.size() == 2;
        }
        assertThat(sawOne).isTrue();
        assertThat(sawTwo).isTrue();
    }

    @Test
    void bodyIsTheCheckoutJson() {
        assertThat(Baskets.body(List.of("BOK-00123", "PET-00002")))
                .isEqualTo("{\"items\":[{\"sku\":\"BOK-00123\",\"quantity\":1},{\"sku\":\"PET-00002\",\"quantity\":1}]}");
    }
}
