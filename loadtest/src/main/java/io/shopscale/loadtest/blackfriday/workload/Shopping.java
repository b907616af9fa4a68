package io.shopscale.loadtest.blackfriday.workload;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import io.shopscale.loadtest.blackfriday.workload.Catalog.Product;

/**
 * Draws what each arrival does, from the seed alone: the same seed gives the same sequence of visits whatever the
 * platform's speed. Each shopper has a few favourite products that their cart edits and checkouts use, so a cart
 * stays far below its 100-line limit however long the run, and what is bought is what was looked at.
 */
public final class Shopping {

    static final int FAVOURITES = 8;

    private final Catalog catalog;
    private final int shoppers;
    private final double resendShare;
    private final SplittableRandom random;
    private final int[][] favourites;

    public Shopping(Catalog catalog, int shoppers, double resendShare, SplittableRandom random) {
        if (shoppers < 1) {
            throw new IllegalArgumentException("at least one shopper is needed");
        }
        this.catalog = catalog;
        this.shoppers = shoppers;
        this.resendShare = resendShare;
        this.random = random;
        this.favourites = new int[shoppers][FAVOURITES];
        for (int[] mine : favourites) {
            for (int k = 0; k < FAVOURITES; k++) {
                mine[k] = random.nextInt(catalog.regular().size());
            }
        }
    }

    /** The next arrival's visit under {@code mix}; a flash checkout needs hot products, else it is a normal one. */
    public Visit next(Mix mix) {
        int shopper = random.nextInt(shoppers);
        Action action = mix.draw(random);
        boolean hot = !catalog.hot().isEmpty() && random.nextDouble() < mix.hotBrowsing();
        return switch (action) {
            case SEARCH -> new Visit.Search(shopper, query(any()));
            case PRODUCT -> new Visit.ProductPage(shopper, (hot ? anyHot() : any()).id());
            case STOCK -> new Visit.StockCheck(shopper, (hot ? anyHot() : any()).sku());
            case CART_PUT -> new Visit.CartPut(shopper, favourite(shopper).sku(), 1 + random.nextInt(3));
            case CART_VIEW -> new Visit.CartView(shopper);
            case CHECKOUT -> checkout(shopper, basket(shopper), false);
            case FLASH_CHECKOUT -> catalog.hot().isEmpty() ? checkout(shopper, basket(shopper), false)
                    : checkout(shopper, List.of(new Visit.Line(anyHot().sku(), 1)), true);
        };
    }

    /** The last two words of a product's name, as a shopper types them: "desk lamp", "chef's knife". */
    static String query(Product product) {
        String[] words = product.name().toLowerCase(Locale.ROOT).split("\\s+");
        return words.length < 2 ? words[0] : words[words.length - 2] + " " + words[words.length - 1];
    }

    private Visit.Checkout checkout(int shopper, List<Visit.Line> items, boolean flashSale) {
        String key = "%016x%016x".formatted(random.nextLong(), random.nextLong());
        return new Visit.Checkout(shopper, items, key, random.nextDouble() < resendShare, flashSale);
    }

    /** One or two distinct favourites, one unit each. */
    private List<Visit.Line> basket(int shopper) {
        Product first = favourite(shopper);
        if (random.nextBoolean()) {
            return List.of(new Visit.Line(first.sku(), 1));
        }
        for (int attempt = 0; attempt < FAVOURITES; attempt++) {
            Product second = favourite(shopper);
            if (!second.sku().equals(first.sku())) {
                return List.of(new Visit.Line(first.sku(), 1), new Visit.Line(second.sku(), 1));
            }
        }
        return List.of(new Visit.Line(first.sku(), 1));
    }

    private Product favourite(int shopper) {
        return catalog.regular().get(favourites[shopper][random.nextInt(FAVOURITES)]);
    }

    private Product any() {
        return catalog.regular().get(random.nextInt(catalog.regular().size()));
    }

    private Product anyHot() {
        return catalog.hot().get(random.nextInt(catalog.hot().size()));
    }
}
