package io.shopscale.catalog.product;

import io.shopscale.platform.web.InvalidParameterException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The orders a listing can come in. Each ends with the id as a tie-breaker so paging is stable: the same query
 * never shows a product on two pages or skips one.
 */
public enum ProductSort {
    RELEVANCE("relevance"),
    NAME("name"),
    PRICE_ASCENDING("price"),
    PRICE_DESCENDING("-price"),
    NEWEST("newest");

    private final String parameterValue;

    ProductSort(String parameterValue) {
        this.parameterValue = parameterValue;
    }

    public String parameterValue() {
        return parameterValue;
    }

    /** Reads the {@code sort} parameter; without one, relevance when searching and name otherwise. */
    public static ProductSort fromParameter(String value, boolean searching) {
        if (value == null || value.isBlank()) {
            return searching ? RELEVANCE : NAME;
        }
        for (ProductSort sort : values()) {
            if (sort.parameterValue.equals(value)) {
                if (sort == RELEVANCE && !searching) {
                    throw new InvalidParameterException("sort", "'sort=relevance' needs a search term in 'q'.");
                }
                return sort;
            }
        }
        String allowed = Arrays.stream(values()).map(ProductSort::parameterValue).collect(Collectors.joining(", "));
        throw new InvalidParameterException("sort", "'sort' must be one of " + allowed + ".");
    }
}
