package io.shopscale.catalog.product;

import io.shopscale.platform.web.InvalidParameterException;
import java.util.regex.Pattern;

/**
 * A validated product listing request. Invalid input is rejected here, naming the parameter, before any query runs.
 *
 * @param text the search words, or {@code null} to list without searching
 * @param category a category slug, or {@code null} for all categories
 */
public record ProductQuery(String text, String category, int page, int size, ProductSort sort) {

    static final int MAX_TEXT_LENGTH = 200;
    static final int MAX_PAGE = 10_000;
    private static final Pattern CATEGORY = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public ProductQuery {
        if (text != null && text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidParameterException("q", "'q' must be at most " + MAX_TEXT_LENGTH + " characters.");
        }
        if (category != null && !CATEGORY.matcher(category).matches()) {
            throw new InvalidParameterException("category",
                    "'category' must be a category slug such as 'home-kitchen'.");
        }
        if (page < 0 || page > MAX_PAGE) {
            throw new InvalidParameterException("page", "'page' must be between 0 and " + MAX_PAGE + ".");
        }
        if (size < 1) {
            throw new InvalidParameterException("size", "'size' must be at least 1.");
        }
    }

    /** Builds a query from raw parameters; blank values count as absent and {@code size} is checked against the cap. */
    public static ProductQuery of(String q, String category, Integer page, Integer size, String sort,
                                  int defaultSize, int maxSize) {
        String text = q == null || q.isBlank() ? null : q.strip();
        String slug = category == null || category.isBlank() ? null : category.strip();
        int pageSize = size == null ? defaultSize : size;
        if (pageSize > maxSize) {
            throw new InvalidParameterException("size", "'size' must be at most " + maxSize + ".");
        }
        return new ProductQuery(text, slug, page == null ? 0 : page, pageSize,
                ProductSort.fromParameter(sort, text != null));
    }

    public boolean searching() {
        return text != null;
    }

    public long offset() {
        return (long) page * size;
    }
}
