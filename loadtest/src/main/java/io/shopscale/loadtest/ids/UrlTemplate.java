package io.shopscale.loadtest.ids;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A target URL in which every {@code {id}} is replaced by an id, percent-encoded as a path segment. */
public record UrlTemplate(String text) {

    static final String PLACEHOLDER = "{id}";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** Checks that the template, with a sample id, is an absolute http(s) URL. */
    public UrlTemplate {
        URI sample = parse(text.replace(PLACEHOLDER, "x"), text);
        String scheme = sample.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || sample.getHost() == null) {
            throw new IllegalArgumentException("'" + text + "' is not an absolute http:// or https:// URL");
        }
    }

    public boolean hasId() {
        return text.contains(PLACEHOLDER);
    }

    public URI expand(String id) {
        return parse(text.replace(PLACEHOLDER, encode(id)), text);
    }

    /** One URL per id, or the single fixed URL when the template has no placeholder. */
    public List<URI> expandAll(List<String> ids) {
        return hasId() ? ids.stream().map(this::expand).toList() : List.of(URI.create(text));
    }

    /** Keeps RFC 3986 unreserved characters and encodes the rest, so an id can never change the URL's shape. */
    static String encode(String id) {
        StringBuilder out = new StringBuilder(id.length());
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
                out.append(c);
            }
            else {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return out.toString();
    }

    private static URI parse(String url, String template) {
        try {
            return new URI(url);
        }
        catch (URISyntaxException ex) {
            throw new IllegalArgumentException("'" + template + "' is not a valid URL: " + ex.getReason());
        }
    }
}
