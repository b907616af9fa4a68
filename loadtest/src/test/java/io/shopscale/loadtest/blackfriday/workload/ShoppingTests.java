package io.shopscale.loadtest.blackfriday.workload;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import io.shopscale.loadtest.blackfriday.workload.Catalog.Product;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ShoppingTests {

    private static final int DRAWS = 20_000;

    private final Catalog catalog = new Catalog(
            IntStream.rangeClosed(2, 201).mapToObj(n -> new Product("id-" + n, "BOK-%05d".formatted(n),
                    "Wren Pocket Linen-Bound Field Guide")).toList(),
            List.of(new Product("hot-1", "HKT-00001", "Cobalt Classic Copper Kettle"),
                    new Product("hot-2", "TOY-00001", "Atlas Family Maple Puzzle")));

    @Test
    void regularTrafficIsMostlyBrowsingAndNeverTouchesHotSkus() {
        Map<Action, Integer> seen = draw(Mix.REGULAR, 1);

        assertThat(share(seen, Action.SEARCH) + share(seen, Action.PRODUCT) + share(seen, Action.STOCK))
                .isCloseTo(0.70, within(0.015));
        assertThat(share(seen, Action.CHECKOUT)).isCloseTo(0.10, within(0.01));
        assertThat(seen).doesNotContainKey(Action.FLASH_CHECKOUT);
        Shopping shopping = new Shopping(catalog, 50, 0.05, new SplittableRandom(3));
        for (int i = 0; i < DRAWS; i++) {
            assertThat(skusOf(shopping.next(Mix.REGULAR))).noneMatch(s -> s.endsWith("-00001"));
        }
    }

    @Test
    void aFlashSaleSendsShoppersAfterTheHotSkusOneUnitEach() {
        Shopping shopping = new Shopping(catalog, 50, 0, new SplittableRandom(5));
        long hotPages = 0;
        long pages = 0;
        long flash = 0;
        for (int i = 0; i < DRAWS; i++) {
            Visit visit = shopping.next(Mix.FLASH_SALE);
            if (visit instanceof Visit.Checkout checkout && checkout.flashSale()) {
                flash++;
                assertThat(checkout.items()).singleElement()
                        .satisfies(line -> assertThat(line.sku()).isIn("HKT-00001", "TOY-00001"))
                        .satisfies(line -> assertThat(line.quantity()).isEqualTo(1));
            }
            if (visit instanceof Visit.ProductPage page) {
                pages++;
                hotPages += page.productId().startsWith("hot-") ? 1 : 0;
            }
        }
        assertThat((double) flash / DRAWS).isCloseTo(Mix.FLASH_SALE.share(Action.FLASH_CHECKOUT), within(0.01));
        assertThat((double) hotPages / pages).isCloseTo(0.5, within(0.03));
    }

    @Test
    void cartsAndCheckoutsStayWithinAShoppersFewFavourites() {
        Shopping shopping = new Shopping(catalog, 3, 0.1, new SplittableRandom(11));
        Map<Integer, Set<String>> bought = new HashMap<>();
        long resent = 0;
        long checkouts = 0;
        for (int i = 0; i < DRAWS; i++) {
            Visit visit = shopping.next(Mix.REGULAR);
            if (visit instanceof Visit.CartPut || visit instanceof Visit.Checkout) {
                bought.computeIfAbsent(visit.shopper(), k -> new HashSet<>()).addAll(skusOf(visit));
            }
            if (visit instanceof Visit.Checkout checkout) {
                checkouts++;
                resent += checkout.resend() ? 1 : 0;
                assertThat(checkout.items()).hasSizeBetween(1, 2);
                assertThat(checkout.idempotencyKey()).hasSize(32);
            }
        }
        assertThat(bought.values()).allSatisfy(skus -> assertThat(skus).hasSizeLessThanOrEqualTo(Shopping.FAVOURITES));
        assertThat((double) resent / checkouts).isCloseTo(0.1, within(0.02));
    }

    @Test
    void theSameSeedDrawsTheSameVisits() {
        Shopping a = new Shopping(catalog, 10, 0.05, new SplittableRandom(9));
        Shopping b = new Shopping(catalog, 10, 0.05, new SplittableRandom(9));

        for (int i = 0; i < 1_000; i++) {
            assertThat(a.next(Mix.FLASH_SALE)).isEqualTo(b.next(Mix.FLASH_SALE));
        }
    }

    @Test
    void searchesTypeTheEndOfAProductName() {
        assertThat(Shopping.query(new Product("x", "HKT-00002", "Northwind Classic Walnut Chef's Knife")))
                .isEqualTo("chef's knife");
        assertThat(new Visit.Checkout(0, List.of(new Visit.Line("BOK-00123", 1), new Visit.Line("PET-00002", 2)),
                "k", false, false).body())
                .isEqualTo("{\"items\":[{\"sku\":\"BOK-00123\",\"quantity\":1},"
                        + "{\"sku\":\"PET-00002\",\"quantity\":2}]}");
    }

    private Map<Action, Integer> draw(Mix mix, long seed) {
        Shopping shopping = new Shopping(catalog, 50, 0.05, new SplittableRandom(seed));
        Map<Action, Integer> seen = new EnumMap<>(Action.class);
        for (int i = 0; i < DRAWS; i++) {
            seen.merge(shopping.next(mix).action(), 1, Integer::sum);
        }
        return seen;
    }

    private static double share(Map<Action, Integer> seen, Action action) {
        return (double) seen.getOrDefault(action, 0) / DRAWS;
    }

    private static List<String> skusOf(Visit visit) {
        return switch (visit) {
            case Visit.CartPut put -> List.of(put.sku());
            case Visit.StockCheck stock -> List.of(stock.sku());
            case Visit.Checkout checkout -> checkout.items().stream().map(Visit.Line::sku).toList();
            default -> List.of();
        };
    }
}
