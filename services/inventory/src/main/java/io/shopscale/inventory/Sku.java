package io.shopscale.inventory;

import java.util.regex.Pattern;

/**
 * A stock-keeping unit as the catalog names them ({@code HKT-00042}): upper-case letters and digits in
 * dash-separated groups, at most 32 characters. Anything else is rejected before it reaches a query.
 */
public record Sku(String value) implements Comparable<Sku> {

    public static final int MAX_LENGTH = 32;

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9]+(?:-[A-Z0-9]+)*");

    public Sku {
        if (!valid(value)) {
            throw new IllegalArgumentException("A SKU is 1 to " + MAX_LENGTH
                    + " upper-case letters and digits in dash-separated groups, like HKT-00042.");
        }
    }

    public static boolean valid(String value) {
        return value != null && !value.isEmpty() && value.length() <= MAX_LENGTH && FORMAT.matcher(value).matches();
    }

    @Override
    public int compareTo(Sku other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
