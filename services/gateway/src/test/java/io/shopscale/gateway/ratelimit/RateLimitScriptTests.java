package io.shopscale.gateway.ratelimit;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scripting.support.ResourceScriptSource;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitScriptTests {

	@Test
	void theLimitersScriptIsTheStockOneReadOnceNotLookedUpPerRequest() {
		AtomicInteger lookups = new AtomicInteger();
		var source = new ResourceScriptSource(new ClassPathResource("META-INF/scripts/request_rate_limiter.lua")) {
			@Override
			public boolean isModified() {
				lookups.incrementAndGet();
				return super.isModified();
			}
		};
		DefaultRedisScript<List<Long>> stock = new DefaultRedisScript<>();
		stock.setScriptSource(source);

		RedisScript<List<Long>> script = RateLimitConfiguration.readOnce(stock);
		int afterReading = lookups.get();
		for (int request = 0; request < 100; request++) {
			script.getSha1();
		}
		int afterRequests = lookups.get();

		assertThat(afterRequests).isEqualTo(afterReading);
		assertThat(script.getScriptAsString()).isEqualTo(stock.getScriptAsString()).contains("redis.call");
		assertThat(script.getSha1()).isEqualTo(stock.getSha1());
	}

}
