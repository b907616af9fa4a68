package io.shopscale.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.gateway.problem.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * One named token bucket per client, kept by Spring Cloud Gateway's {@link RedisRateLimiter} (a Lua script
 * updates the bucket atomically in Redis, so every gateway instance shares it), used by the stock
 * {@code RequestRateLimiter} route filter. Three things are added:
 * <ul>
 * <li>The bucket is named by kind ({@code api}, {@code credentials}), not by route, so a client's general
 * allowance is one across all API routes.</li>
 * <li>Over the limit, the answer is a 429 problem with {@code Retry-After} (seconds until the bucket has a token
 * again) and the {@code X-RateLimit-*} headers, instead of the stock empty 429: the request is ended with a
 * {@link ProblemException}, which the problem handler writes.</li>
 * <li>Fail open, fast. When Redis cannot answer, {@code RedisRateLimiter} lets the request through (a rate limit
 * must not become an outage) after Lettuce's command timeout ({@code spring.data.redis.timeout}, short). After
 * such a failure this limiter stops asking Redis for {@code fail-open-pause}, so an outage costs one timeout per
 * pause, not one per request, and is logged by {@code RedisRateLimiter} once per pause, not once per
 * request. Each such failure counts in {@code gateway.ratelimit.failed.open{bucket}}: requests passing unlimited
 * must show on a dashboard, not only in a log.</li>
 * </ul>
 */
final class EdgeRateLimiter implements RateLimiter<Object> {

	private static final String FAILED = "-1";

	private final String bucket;

	private final RedisRateLimiter redis;

	private final Map<String, String> failOpenHeaders;

	private final String retryAfterSeconds;

	private final long failOpenPauseNanos;

	private final Counter failedOpen;

	private volatile long redisPausedUntil;

	EdgeRateLimiter(String bucket, RateLimitSettings.Bucket limits, Duration failOpenPause,
			ReactiveStringRedisTemplate redisTemplate, RedisScript<List<Long>> script,
			ConfigurationService configurationService, MeterRegistry meters) {
		this.bucket = bucket;
		this.failedOpen = Counter.builder("gateway.ratelimit.failed.open")
			.description("Times Redis could not answer and the limiter let requests through unlimited for a pause")
			.tag("bucket", bucket)
			.register(meters);
		this.redis = new RedisRateLimiter(redisTemplate, script, configurationService);
		RedisRateLimiter.Config config = new RedisRateLimiter.Config().setReplenishRate(limits.replenishRate())
			.setBurstCapacity(limits.burstCapacity());
		// RedisRateLimiter looks its settings up by the id it is asked about, which here is the bucket's name.
		this.redis.getConfig().put(bucket, config);
		this.failOpenHeaders = this.redis.getHeaders(config, -1L);
		// The script refills whole seconds' worth of tokens (it reads Redis's clock in seconds).
		this.retryAfterSeconds = Long
			.toString(Math.max(1, Math.ceilDiv(config.getRequestedTokens(), limits.replenishRate())));
		this.failOpenPauseNanos = failOpenPause.toNanos();
		this.redisPausedUntil = System.nanoTime();
	}

	@Override
	public Mono<Response> isAllowed(String routeId, String id) {
		if (System.nanoTime() - this.redisPausedUntil < 0) {
			return Mono.just(new Response(true, this.failOpenHeaders));
		}
		return this.redis.isAllowed(this.bucket, id).handle((response, sink) -> {
			if (!response.isAllowed()) {
				sink.error(tooManyRequests(response));
				return;
			}
			if (FAILED.equals(response.getHeaders().get(RedisRateLimiter.REMAINING_HEADER))) {
				// RedisRateLimiter could not reach Redis and let the request through: leave Redis alone a while.
				this.redisPausedUntil = System.nanoTime() + this.failOpenPauseNanos;
				this.failedOpen.increment();
			}
			sink.next(response);
		});
	}

	private ProblemException tooManyRequests(Response response) {
		HttpHeaders headers = new HttpHeaders();
		response.getHeaders().forEach(headers::set);
		headers.set(HttpHeaders.RETRY_AFTER, this.retryAfterSeconds);
		return new ProblemException(HttpStatus.TOO_MANY_REQUESTS,
				"Too many requests; retry after " + this.retryAfterSeconds + " s.", headers);
	}

	@Override
	public Map<String, Object> getConfig() {
		return Map.of();
	}

	@Override
	public Class<Object> getConfigClass() {
		return Object.class;
	}

	@Override
	public Object newConfig() {
		return new Object();
	}

}
