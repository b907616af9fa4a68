package io.shopscale.identity;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Users, registration and login: Argon2id password hashes in PostgreSQL, RS256 access tokens and their JWKS. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentityApplication.class, args);
    }

    /** The one clock token times and throttling windows are read from, so tests can move it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
