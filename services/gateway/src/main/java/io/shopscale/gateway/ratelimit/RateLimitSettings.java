package io.shopscale.gateway.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The token buckets of the edge. Each client (a user by token, otherwise an address) has one bucket per kind.
 *
 * @param api general API traffic, per user or address, across all API routes
 * @param credentials login and register, per address: far stricter, since these are what password guessing
 * and account spam go through
 * @param failOpenPause after Redis failed to answer, how long the limiter lets requests through without asking
 * it, so that an outage costs at most one timeout per pause rather than one per request
 */
@ConfigurationProperties("shopscale.gateway.rate-limits")
record RateLimitSettings(Bucket api, Bucket credentials, @DefaultValue("2s") Duration failOpenPause) {

	/**
	 * A token bucket.
	 *
	 * @param replenishRate tokens added per second: the sustained requests per second allowed
	 * @param burstCapacity the most tokens the bucket holds: the largest burst allowed
	 */
	record Bucket(int replenishRate, long burstCapacity) {

		Bucket {
			if (replenishRate <= 0 || burstCapacity < replenishRate) {
				throw new IllegalArgumentException(
						"a rate limit needs replenish-rate > 0 and burst-capacity >= replenish-rate, got "
								+ replenishRate + " and " + burstCapacity);
			}
		}

	}

}
