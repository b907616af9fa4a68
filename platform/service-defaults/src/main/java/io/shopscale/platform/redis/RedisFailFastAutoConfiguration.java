package io.shopscale.platform.redis;

import io.lettuce.core.ClientOptions;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * While Redis is unreachable, commands fail at once instead of queueing until their timeout, so a Redis outage
 * costs callers microseconds, not the full command timeout on every request. Lettuce keeps reconnecting in the
 * background and traffic resumes as soon as Redis is back.
 */
@AutoConfiguration
@ConditionalOnClass({ClientOptions.class, LettuceClientOptionsBuilderCustomizer.class})
class RedisFailFastAutoConfiguration {

    @Bean
    LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }
}
