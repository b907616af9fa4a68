package io.shopscale.cart.cart;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;

class RedisFailuresTests {

    @Test
    void anUnreachableSlowOrBusyRedisIsUnavailable() {
        assertThat(RedisFailures.isUnavailable(new RedisConnectionFailureException("Unable to connect"))).isTrue();
        assertThat(RedisFailures.isUnavailable(
                new QueryTimeoutException("timed out", new RedisCommandTimeoutException("500 ms")))).isTrue();
        assertThat(RedisFailures.isUnavailable(new RedisSystemException("rejected",
                new RedisException("Currently not connected. Commands are rejected.")))).isTrue();
        assertThat(RedisFailures.isUnavailable(new RedisSystemException("closed",
                new RedisConnectionException("Connection closed")))).isTrue();
        assertThat(RedisFailures.isUnavailable(new RedisSystemException("loading",
                new RedisCommandExecutionException("LOADING Redis is loading the dataset in memory")))).isTrue();
        assertThat(RedisFailures.isUnavailable(new RedisSystemException("oom",
                new RedisCommandExecutionException("OOM command not allowed when used memory > 'maxmemory'."))))
                .isTrue();
    }

    @Test
    void aWrongCommandIsABugNotAnOutage() {
        assertThat(RedisFailures.isUnavailable(new RedisSystemException("script",
                new RedisCommandExecutionException("ERR user_script:3: attempt to compare nil with number"))))
                .isFalse();
        assertThat(RedisFailures.isUnavailable(new RedisSystemException("type",
                new RedisCommandExecutionException("WRONGTYPE Operation against a key holding the wrong kind"))))
                .isFalse();
        assertThat(RedisFailures.isUnavailable(new InvalidDataAccessApiUsageException("bad use"))).isFalse();
    }
}
