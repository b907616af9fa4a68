package io.shopscale.loadtest.run;

import java.util.List;
import java.util.SplittableRandom;

import io.shopscale.loadtest.http.Transport.PreparedRequest;

/**
 * Draws requests uniformly from a target's list. The stream depends only on the seed, round and worker,
 * not on the target, so every target is asked for the same ids in the same order.
 */
final class RequestPicker {

    private final List<PreparedRequest> requests;
    private final SplittableRandom random;

    RequestPicker(List<PreparedRequest> requests, long seed, int round, int worker) {
        this.requests = requests;
        this.random = new SplittableRandom(mix(seed, round, worker));
    }

    PreparedRequest next() {
        return requests.size() == 1 ? requests.getFirst() : requests.get(random.nextInt(requests.size()));
    }

    private static long mix(long seed, int round, int worker) {
        return seed * 0x9E3779B97F4A7C15L + round * 0xBF58476D1CE4E5B9L + worker;
    }
}
