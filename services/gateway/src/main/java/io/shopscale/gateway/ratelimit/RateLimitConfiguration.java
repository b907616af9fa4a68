package io.shopscale.gateway.ratelimit;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;

import io.lettuce.core.ClientOptions;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The rate limiters and key resolvers the routes name ({@code #{@apiRateLimiter}}, {@code #{@userOrAddress}},
 * ...). Keys are prefixed by kind, so a user id can never collide with an address.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitSettings.class)
class RateLimitConfiguration {

	@Bean
	@Primary
	EdgeRateLimiter apiRateLimiter(RateLimitSettings settings, ReactiveStringRedisTemplate redis,
			@Qualifier(RedisRateLimiter.REDIS_SCRIPT_NAME) RedisScript<List<Long>> script,
			ConfigurationService configurationService, MeterRegistry meters) {
		return new EdgeRateLimiter("api", settings.api(), settings.failOpenPause(), redis, readOnce(script),
				configurationService, meters);
	}

	@Bean
	EdgeRateLimiter credentialsRateLimiter(RateLimitSettings settings, ReactiveStringRedisTemplate redis,
			@Qualifier(RedisRateLimiter.REDIS_SCRIPT_NAME) RedisScript<List<Long>> script,
			ConfigurationService configurationService, MeterRegistry meters) {
		return new EdgeRateLimiter("credentials", settings.credentials(), settings.failOpenPause(), redis,
				readOnce(script), configurationService, meters);
	}

	/**
	 * The stock script reads its Lua from a class path resource and asks the resource for its last-modified time
	 * on every call (to reload an edited script), which is a jar lookup per request: measured here as 10% of the
	 * gateway's CPU under load. The text is read once; the script never changes while the gateway runs.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	static RedisScript<List<Long>> readOnce(RedisScript<List<Long>> script) {
		return (RedisScript<List<Long>>) (RedisScript) RedisScript.of(script.getScriptAsString(), List.class);
	}

	@Bean
	ClientAddress clientAddress(GatewayProperties gateway) {
		return new ClientAddress(gateway.getTrustedProxies());
	}

	/**
	 * The user ({@code sub}) when the request carries a valid token, otherwise the client's address. On a public
	 * read without a token the security chain never ran and there is no principal: that costs nothing here.
	 */
	@Bean
	@Primary
	KeyResolver userOrAddress(ClientAddress clientAddress) {
		return exchange -> exchange.getPrincipal()
			.filter(JwtAuthenticationToken.class::isInstance)
			.map(principal -> "user:" + principal.getName())
			.switchIfEmpty(Mono.fromSupplier(() -> "ip:" + clientAddress.of(exchange.getRequest())));
	}

	/** The client's address only: for login and register, which are made before there is a user. */
	@Bean
	KeyResolver address(ClientAddress clientAddress) {
		return exchange -> Mono.just("ip:" + clientAddress.of(exchange.getRequest()));
	}

	/**
	 * Two Lettuce options for the rate limiter's one shared Redis connection:
	 * <ul>
	 * <li>While Redis is disconnected, commands fail at once instead of queueing until the command timeout, so
	 * the limiter fails open without delay; Lettuce keeps reconnecting in the background.</li>
	 * <li>Answers are handed to Lettuce's computation threads (one per core) instead of being emitted on the
	 * connection's single I/O thread. The rest of the request (routing, load balancing, proxying) continues on
	 * whichever thread emits the limiter's answer; without this, every rate-limited request of the gateway ran
	 * its remaining filters on that one thread (observed in a load run: every request did), capping the
	 * gateway at one core's worth of routing work.</li>
	 * </ul>
	 */
	@Bean
	LettuceClientOptionsBuilderCustomizer rateLimiterConnectionOptions() {
		return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.publishOnScheduler(true);
	}

}
