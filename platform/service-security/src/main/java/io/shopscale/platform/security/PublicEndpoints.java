package io.shopscale.platform.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/** Turns {@code "GET /api/inventory/**"} entries into one matcher, with the probes and metrics always included. */
final class PublicEndpoints {

    private static final List<String> ALWAYS = List.of(
            "GET /actuator/health", "GET /actuator/health/**", "GET /actuator/info", "GET /actuator/prometheus",
            "GET /.well-known/oauth-protected-resource");

    private PublicEndpoints() {
    }

    static RequestMatcher matcher(List<String> configured) {
        List<RequestMatcher> matchers = new ArrayList<>();
        for (String entry : concat(ALWAYS, configured)) {
            matchers.add(parse(entry));
        }
        return new OrRequestMatcher(matchers);
    }

    static RequestMatcher parse(String entry) {
        String[] parts = entry.trim().split("\\s+");
        if (parts.length != 2 || !parts[1].startsWith("/")) {
            throw new IllegalArgumentException(
                    "shopscale.security.public-endpoints entries look like 'GET /api/things/**', not '" + entry + "'");
        }
        HttpMethod method = HttpMethod.valueOf(parts[0].toUpperCase(java.util.Locale.ROOT));
        RequestMatcher exact = pathPattern(method, parts[1]);
        // HEAD goes wherever GET goes.
        return method == HttpMethod.GET ? new OrRequestMatcher(exact, pathPattern(HttpMethod.HEAD, parts[1])) : exact;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
