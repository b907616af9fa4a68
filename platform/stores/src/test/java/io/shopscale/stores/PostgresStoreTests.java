package io.shopscale.stores;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostgresStoreTests {

    @Test
    void swapsTheDatabaseAndKeepsTheParameters() {
        assertThat(PostgresStore.withDatabase("jdbc:postgresql://127.0.0.1:5432/postgres", "t1"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/t1");
        assertThat(PostgresStore.withDatabase("jdbc:postgresql://db:5432/shop?sslmode=require", "t2"))
                .isEqualTo("jdbc:postgresql://db:5432/t2?sslmode=require");
    }
}
