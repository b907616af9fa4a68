package io.shopscale.orders.prices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shopscale.orders.OrdersProperties;
import io.shopscale.orders.checkout.CollaboratorUnavailableException;
import io.shopscale.orders.checkout.Price;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

class PriceReadModelTests {

    private static final Price KETTLE = new Price(1_299, "USD");
    private static final Price LAMP = new Price(2_599, "USD");

    private final ProductPrices stored = mock(ProductPrices.class);
    private final CatalogPrices catalog = mock(CatalogPrices.class);
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final PriceReadModel prices = new PriceReadModel(stored, catalog, meters, readModel(true));

    @Test
    void skusInTheReadModelAreNeverAskedOfTheCatalog() {
        when(stored.find(List.of("HKT-00001", "LGT-00002"))).thenReturn(Map.of("HKT-00001", KETTLE, "LGT-00002", LAMP));

        Map<String, Price> priced = prices.prices(List.of("HKT-00001", "LGT-00002"));

        assertThat(priced).isEqualTo(Map.of("HKT-00001", KETTLE, "LGT-00002", LAMP));
        verify(catalog, never()).current(anyList());
        assertThat(misses()).isZero();
    }

    @Test
    void onlyTheMissingSkusAreAskedOfTheCatalogAndWhatItAnswersIsStored() {
        when(stored.find(List.of("HKT-00001", "LGT-00002", "ZZZ-00404"))).thenReturn(Map.of("HKT-00001", KETTLE));
        VersionedPrice lamp = new VersionedPrice(LAMP, 4);
        when(catalog.current(List.of("LGT-00002", "ZZZ-00404"))).thenReturn(Map.of("LGT-00002", lamp));

        Map<String, Price> priced = prices.prices(List.of("HKT-00001", "LGT-00002", "ZZZ-00404"));

        // A SKU the catalog does not know stays absent: checkout refuses it by name.
        assertThat(priced).isEqualTo(Map.of("HKT-00001", KETTLE, "LGT-00002", LAMP));
        verify(stored).storeIfNewer("LGT-00002", lamp);
        assertThat(misses()).isEqualTo(2);
    }

    @Test
    void aCatalogThatCannotAnswerFailsOnlyCheckoutsThatNeedIt() {
        when(stored.find(List.of("LGT-00002"))).thenReturn(Map.of());
        when(catalog.current(List.of("LGT-00002")))
                .thenThrow(new CollaboratorUnavailableException("catalog", "catalog circuit open", null));

        assertThatThrownBy(() -> prices.prices(List.of("LGT-00002")))
                .isInstanceOf(CollaboratorUnavailableException.class);
        verify(stored, never()).storeIfNewer(any(), any());
    }

    @Test
    void withTheReadModelOffEveryCheckoutAsksTheCatalogAndNothingIsStored() {
        PriceReadModel catalogOnly = new PriceReadModel(stored, catalog, meters, readModel(false));
        when(catalog.current(List.of("HKT-00001"))).thenReturn(Map.of("HKT-00001", new VersionedPrice(KETTLE, 3)));

        assertThat(catalogOnly.prices(List.of("HKT-00001"))).isEqualTo(Map.of("HKT-00001", KETTLE));
        verify(stored, never()).find(anyList());
        verify(stored, never()).storeIfNewer(any(), any());
    }

    @Test
    void aPriceThatCannotBeStoredIsStillCharged() {
        when(stored.find(List.of("LGT-00002"))).thenReturn(Map.of());
        VersionedPrice lamp = new VersionedPrice(LAMP, 1);
        when(catalog.current(List.of("LGT-00002"))).thenReturn(Map.of("LGT-00002", lamp));
        when(stored.storeIfNewer("LGT-00002", lamp)).thenThrow(new DataAccessResourceFailureException("gone"));

        assertThat(prices.prices(List.of("LGT-00002"))).isEqualTo(Map.of("LGT-00002", LAMP));
    }

    private double misses() {
        return meters.get("orders.prices.misses").counter().count();
    }

    private static OrdersProperties readModel(boolean on) {
        return new OrdersProperties(Duration.ofSeconds(30), Duration.ofSeconds(5), 100, 100, 20,
                new OrdersProperties.Checkout(0, Duration.ofSeconds(5)), new OrdersProperties.Prices(on));
    }
}
