package io.shopscale.cart.cart;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.cart.CartProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Carts in Redis: one hash per user, {@code cart:<userId>}, with a field per SKU holding its quantity and an
 * {@code @updatedAt} field (no SKU can contain {@code @}). Every change is one command or one script, so each
 * answer is the cart exactly as that change left it, and every change restarts the idle expiry.
 *
 * <p>Redis failing is a temporary fault for the caller ({@link CartUnavailableException}, 503). A circuit breaker
 * stops paying the command timeout on every request while Redis hangs; while it is simply down, commands already
 * fail at once (the platform rejects commands while disconnected).
 */
@Component
class CartStore {

    private static final Logger log = LoggerFactory.getLogger(CartStore.class);
    private static final String KEY_PREFIX = "cart:";
    private static final String UPDATED_AT = "@updatedAt";

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> SET_LINE =
            RedisScript.of(new ClassPathResource("scripts/cart-set-line.lua"), List.class);
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> REMOVE_LINE =
            RedisScript.of(new ClassPathResource("scripts/cart-remove-line.lua"), List.class);

    private final StringRedisTemplate redis;
    private final MeterRegistry meters;
    private final Duration idleTtl;
    private final int maxLines;
    private final CircuitBreaker breaker;

    CartStore(StringRedisTemplate redis, CartProperties properties, MeterRegistry meters) {
        this.redis = redis;
        this.meters = meters;
        this.idleTtl = properties.idleTtl();
        this.maxLines = properties.maxLines();
        // Only an unavailable Redis counts against the breaker; a full cart is a correct answer.
        this.breaker = CircuitBreaker.of("cart-redis", CircuitBreakerConfig.custom()
                .recordException(RedisFailures::isUnavailable)
                .slidingWindowSize(20)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(1))
                .permittedNumberOfCallsInHalfOpenState(2)
                .build());
        breaker.getEventPublisher().onStateTransition(event ->
                log.warn("cart store circuit {}", event.getStateTransition()));
    }

    Cart get(String userId) {
        Map<Object, Object> hash = call("get", () -> redis.opsForHash().entries(key(userId)));
        List<String> fields = new ArrayList<>(hash.size() * 2);
        hash.forEach((field, value) -> {
            fields.add((String) field);
            fields.add((String) value);
        });
        count("get", "ok");
        return toCart(fields);
    }

    /** Sets the line's quantity, adding the line if it is new. */
    Cart setQuantity(String userId, Sku sku, int quantity) {
        List<String> reply = script("set", SET_LINE, userId,
                sku.value(), Integer.toString(quantity), Integer.toString(maxLines),
                Long.toString(idleTtl.toMillis()), now());
        if ("full".equals(reply.getFirst())) {
            count("set", "full");
            throw new CartFullException(maxLines);
        }
        count("set", "ok");
        return toCart(reply.subList(1, reply.size()));
    }

    /** Removes the line if the cart has it; a cart left without lines is gone. */
    Cart remove(String userId, Sku sku) {
        List<String> reply = script("remove", REMOVE_LINE, userId,
                sku.value(), Long.toString(idleTtl.toMillis()), now());
        count("remove", "ok");
        return toCart(reply);
    }

    void clear(String userId) {
        call("clear", () -> redis.delete(key(userId)));
        count("clear", "ok");
    }

    static String key(String userId) {
        return KEY_PREFIX + userId;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private List<String> script(String operation, RedisScript<List> script, String userId, String... args) {
        List reply = call(operation, () -> redis.execute(script, List.of(key(userId)), (Object[]) args));
        return reply == null ? List.of() : (List<String>) reply;
    }

    private <T> T call(String operation, Supplier<T> command) {
        try {
            return breaker.executeSupplier(command);
        } catch (CallNotPermittedException e) {
            count(operation, "unavailable");
            throw new CartUnavailableException(e);
        } catch (DataAccessException e) {
            if (RedisFailures.isUnavailable(e)) {
                count(operation, "unavailable");
                log.debug("cart store unavailable: {}", e.getMessage());
                throw new CartUnavailableException(e);
            }
            throw e;
        }
    }

    /** Reads the flat field/value list that HGETALL answers. */
    private static Cart toCart(List<String> fields) {
        List<CartItem> items = new ArrayList<>(fields.size() / 2);
        Instant updatedAt = null;
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            String field = fields.get(i);
            String value = fields.get(i + 1);
            if (UPDATED_AT.equals(field)) {
                updatedAt = Instant.ofEpochMilli(Long.parseLong(value));
            } else {
                items.add(new CartItem(field, Integer.parseInt(value)));
            }
        }
        return Cart.of(items, updatedAt);
    }

    private static String now() {
        return Long.toString(Instant.now().toEpochMilli());
    }

    private void count(String operation, String outcome) {
        meters.counter("cart.operations", "operation", operation, "outcome", outcome).increment();
    }
}
