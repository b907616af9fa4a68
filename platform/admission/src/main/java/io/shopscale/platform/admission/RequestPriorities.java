package io.shopscale.platform.admission;

/**
 * The one rule that ranks the shop's requests, applied alike at the edge and in each service, so that a request is
 * shed (or kept) for the same reason wherever the platform runs short.
 */
public final class RequestPriorities {

    private RequestPriorities() {
    }

    /**
     * @param method the HTTP method, upper case
     * @param path the request path without the query
     */
    public static Priority of(String method, String path) {
        if (path.startsWith("/api/orders") || path.startsWith("/api/auth/") || path.startsWith("/api/admin/")
                || path.startsWith("/.well-known/")) {
            return Priority.CRITICAL;
        }
        if (isCollection(path, "/api/products") && "GET".equals(method)) {
            return Priority.SHEDDABLE;
        }
        return Priority.STANDARD;
    }

    /** Whether the request is for admission control at all: probes and scrapes must answer however busy it is. */
    public static boolean isAdmitted(String path) {
        return !path.startsWith("/actuator");
    }

    private static boolean isCollection(String path, String collection) {
        return path.equals(collection) || path.equals(collection + "/");
    }
}
