package io.shopscale.loadtest.run;

/** How load is offered to a target. */
public sealed interface LoadModel {

    /**
     * A fixed number of workers, each sending its next request once the previous one answered. Finds the
     * maximum throughput; its latencies hide queueing because a slow answer also delays the next request.
     */
    record Closed(int concurrency) implements LoadModel {

        public Closed {
            if (concurrency < 1) {
                throw new IllegalArgumentException("--concurrency must be at least 1");
            }
        }
    }

    /**
     * Requests at a fixed rate on a schedule that does not wait for answers; latency counts from each
     * request's intended send time. At most {@code maxInFlight} requests are outstanding.
     */
    record Open(double rate, int maxInFlight) implements LoadModel {

        public Open {
            if (!(rate > 0) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException("--rate must be a positive number of requests per second");
            }
            if (maxInFlight < 1) {
                throw new IllegalArgumentException("--max-in-flight must be at least 1");
            }
        }
    }
}
