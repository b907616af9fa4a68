package io.shopscale.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopscale.platform.admission.AdmissionAutoConfiguration;
import java.lang.reflect.Proxy;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** A service with a database answers its outage with 503 without declaring anything; others get no advice. */
class StoreOutageDefaultsTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AdmissionAutoConfiguration.class,
                    ServiceWebDefaultsAutoConfiguration.class));

    @Test
    void aServiceWithADatabaseGetsTheOutageAdvice() {
        runner.withBean(DataSource.class, StoreOutageDefaultsTests::unusedDataSource)
                .run(context -> assertThat(context).hasSingleBean(StoreOutageAdvice.class));
    }

    @Test
    void aServiceWithoutADatabaseGetsNone() {
        runner.run(context -> assertThat(context).doesNotHaveBean(StoreOutageAdvice.class));
    }

    @Test
    void aServiceThatWordsTheOutageItselfKeepsItsOwn() {
        StoreOutageAdvice own = new StoreOutageAdvice("order store", "Orders are unavailable right now.");
        runner.withBean(DataSource.class, StoreOutageDefaultsTests::unusedDataSource)
                .withBean(StoreOutageAdvice.class, () -> own)
                .run(context -> assertThat(context).getBean(StoreOutageAdvice.class).isSameAs(own));
    }

    private static DataSource unusedDataSource() {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, arguments) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
