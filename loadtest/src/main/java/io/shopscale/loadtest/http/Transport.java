package io.shopscale.loadtest.http;

import java.net.URI;

/**
 * Sends GET requests. Requests are prepared once per URL so the hot path does no parsing or building.
 */
public interface Transport extends AutoCloseable {

    /** Builds a reusable request; throws {@link IllegalArgumentException} if the URL or a header is unusable. */
    PreparedRequest prepare(URI uri);

    @Override
    void close();

    /** A request ready to send any number of times, from any thread. */
    @FunctionalInterface
    interface PreparedRequest {

        /** Sends the request, reads the whole response and never throws. Blocks the calling thread. */
        Outcome execute();
    }
}
