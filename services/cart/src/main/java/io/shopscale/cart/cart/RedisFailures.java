package io.shopscale.cart.cart;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import java.io.IOException;
import java.util.List;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;

/**
 * Tells a Redis that is away (down, unreachable, too slow, still loading, out of memory) from a command that is
 * wrong. The first is the platform's temporary fault, answered with 503; the second is a bug and stays a 500.
 */
final class RedisFailures {

    /** Error replies with which a healthy-but-busy server refuses work for now. */
    private static final List<String> TRANSIENT_REPLIES =
            List.of("LOADING", "BUSY", "MASTERDOWN", "TRYAGAIN", "READONLY", "OOM", "CLUSTERDOWN");

    private RedisFailures() {
    }

    static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RedisConnectionFailureException || cause instanceof QueryTimeoutException
                    || cause instanceof RedisConnectionException || cause instanceof RedisCommandTimeoutException
                    || cause instanceof RedisCommandInterruptedException || cause instanceof IOException) {
                return true;
            }
            if (cause instanceof RedisCommandExecutionException reply) {
                String message = reply.getMessage();
                return message != null && TRANSIENT_REPLIES.stream().anyMatch(message::startsWith);
            }
            // Lettuce's own state errors ("Currently not connected. Commands are rejected.", "Connection closed")
            // are plain RedisExceptions without a cause.
            if (cause.getClass() == RedisException.class && cause.getCause() == null) {
                return true;
            }
        }
        return false;
    }
}
