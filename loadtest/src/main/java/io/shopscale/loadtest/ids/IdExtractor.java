package io.shopscale.loadtest.ids;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes ids out of a JSON listing. Accepts a page object with an {@code items} array (or Spring Data's
 * {@code content}, or {@code data}) or a bare array; each element is an object with an {@code id} field or
 * the id itself. Everything else in the document is ignored, so the page shape can grow freely.
 */
public final class IdExtractor {

    private static final List<String> ARRAY_FIELDS = List.of("items", "content", "data");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private IdExtractor() {
    }

    /** Returns the distinct ids in document order; throws {@link IllegalArgumentException} if there are none. */
    public static List<String> extract(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        }
        catch (JacksonException ex) {
            throw new IllegalArgumentException("the response is not JSON: " + ex.getOriginalMessage());
        }
        JsonNode items = itemsOf(root);
        if (items == null) {
            throw new IllegalArgumentException("expected a JSON array or an object with an \"items\" array");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode item : items) {
            JsonNode id = item.isObject() ? item.get("id") : item;
            if (id != null && (id.isString() || id.isNumber()) && !id.asString().isBlank()) {
                ids.add(id.asString());
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no \"id\" values found in " + items.size() + " items");
        }
        return List.copyOf(ids);
    }

    private static JsonNode itemsOf(JsonNode root) {
        if (root == null || root.isArray()) {
            return root;
        }
        for (String field : ARRAY_FIELDS) {
            JsonNode candidate = root.get(field);
            if (candidate != null && candidate.isArray()) {
                return candidate;
            }
        }
        return null;
    }
}
