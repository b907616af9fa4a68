package io.shopscale.orders.prices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopscale.orders.checkout.Price;
import io.shopscale.platform.events.PoisonEventException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PriceChangeTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void readsThePriceAndVersionOfAPriceEvent() {
        assertThat(read("shopscale.catalog.price-changed.v1", "HKT-00001", 1234, "USD", 2)).hasValue(
                new PriceChange("HKT-00001", new VersionedPrice(new Price(1_234, "USD"), 2)));
    }

    @Test
    void ignoresEventsOfOtherTypes() {
        assertThat(read("shopscale.catalog.product-renamed.v1", "HKT-00001", 1234, "USD", 2)).isEmpty();
    }

    @Test
    void aPriceCheckoutCouldNotChargeIsPoison() {
        for (String[] bad : new String[][] {{"hkt-1", "100", "USD", "1"}, {"HKT-00001", "-1", "USD", "1"},
                {"HKT-00001", "100", "usd", "1"}, {"HKT-00001", "100", "USD", "0"}}) {
            assertThatThrownBy(() -> read("shopscale.catalog.price-changed.v1", bad[0], Long.parseLong(bad[1]),
                    bad[2], Long.parseLong(bad[3]))).isInstanceOf(PoisonEventException.class);
        }
    }

    private java.util.Optional<PriceChange> read(String type, String sku, long amount, String currency,
                                                 long version) {
        String event = """
                {"specversion":"1.0","id":"e-1","type":"%s","source":"/shopscale/catalog",\
                "time":"2026-01-01T00:00:00Z","subject":"%s",\
                "data":{"sku":"%s","amount":%d,"currency":"%s","version":%d}}"""
                .formatted(type, sku, sku, amount, currency, version);
        return PriceChange.read(json, event.getBytes(StandardCharsets.UTF_8));
    }
}
