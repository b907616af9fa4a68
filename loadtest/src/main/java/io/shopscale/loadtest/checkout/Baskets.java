package io.shopscale.loadtest.checkout;

import java.util.List;
import java.util.Random;

/**
 * Random checkout bodies: one or two distinct catalog SKUs, quantity 1. Number 00001 of every category is left
 * out: the five hot SKUs (10 units each) are among them, and they would run dry within a second and turn the
 * run into a measurement of 409s.
 */
final class Baskets {

    static final List<String> CATEGORIES = List.of("HKT", "LGT", "FRN", "ELC", "OUT", "APP", "FTW", "SPF", "BTY",
            "TOY", "BOK", "PET", "GRD");
    static final int FIRST_NUMBER = 2;
    static final int LAST_NUMBER = 800;

    private final Random random;

    Baskets(Random random) {
        this.random = random;
    }

    String sku() {
        String category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
        int number = FIRST_NUMBER + random.nextInt(LAST_NUMBER - FIRST_NUMBER + 1);
        return "%s-%05d".formatted(category, number);
    }

    /** A request body such as {@code {"items":[{"sku":"BOK-00123","quantity":1}]}}. */
    String next() {
        String first = sku();
        if (random.nextBoolean()) {
            return body(List.of(first));
        }
        String second;
        do {
            second = sku();
        } while (second.equals(first));
        return body(List.of(first, second));
    }

    static String body(List<String> skus) {
        StringBuilder out = new StringBuilder("{\"items\":[");
        for (int i = 0; i < skus.size(); i++) {
            out.append(i == 0 ? "" : ",").append("{\"sku\":\"").append(skus.get(i)).append("\",\"quantity\":1}");
        }
        return out.append("]}").toString();
    }
}
