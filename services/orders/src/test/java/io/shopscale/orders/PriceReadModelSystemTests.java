package io.shopscale.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopscale.contracts.events.Topics;
import io.shopscale.testsupport.SharedStores;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Checkout prices from orders' own read model: fed by the catalog's price events, and by the catalog's lookup for a
 * SKU no event has named yet, which is asked once.
 */
class PriceReadModelSystemTests extends SystemTestSupport {

    private static final AtomicInteger SKUS = new AtomicInteger();

    @Autowired
    MeterRegistry meters;

    @Test
    void aPriceEventReachesCheckoutWithoutAskingTheCatalog() throws Exception {
        String sku = newSku();

        priceChanged(sku, 777, 1);

        awaitStored(sku, 1);
        String user = newUser();
        String orderId = placeOrder(user, items(sku, "2"));
        JsonNode order = getJson(user, "/api/orders/" + orderId);
        assertThat(order.get("lines").get(0).get("unitPrice").asLong()).isEqualTo(777);
        assertThat(order.get("total").asLong()).isEqualTo(2 * 777);
        assertThat(collaborators.catalog.lookups(sku)).isZero();
    }

    @Test
    void anOlderOrRepeatedEventNeverRollsAPriceBack() throws Exception {
        String sku = newSku();
        priceChanged(sku, 900, 3);
        awaitStored(sku, 3);
        double stale = staleEvents();

        priceChanged(sku, 100, 2);
        priceChanged(sku, 500, 3);

        await().atMost(Duration.ofSeconds(20)).until(() -> staleEvents() >= stale + 2);
        assertThat(stored(sku)).isEqualTo(Map.of("amount", 900L, "version", 3L));
        priceChanged(sku, 950, 4);
        awaitStored(sku, 4);
        assertThat(stored(sku).get("amount")).isEqualTo(950L);
    }

    @Test
    void aSkuNoEventNamedIsPricedByTheCatalogOnceAndThenOutlivesItsOutage() throws Exception {
        String sku = newSku();
        collaborators.catalog.price(sku, 4_321, 5);
        double misses = meters.get("orders.prices.misses").counter().count();
        String user = newUser();

        String first = placeOrder(user, items(sku, "1", "HKT-00001", "1"));

        assertThat(getJson(user, "/api/orders/" + first).get("total").asLong()).isEqualTo(4_321 + 1_299);
        assertThat(collaborators.catalog.lookups(sku)).isOne();
        assertThat(stored(sku)).isEqualTo(Map.of("amount", 4_321L, "version", 5L));
        assertThat(meters.get("orders.prices.misses").counter().count()).isGreaterThanOrEqualTo(misses + 1);
        collaborators.catalog.failing(true);
        String second = placeOrder(user, items(sku, "1"));
        assertThat(getJson(user, "/api/orders/" + second).get("total").asLong()).isEqualTo(4_321);
        assertThat(collaborators.catalog.lookups(sku)).isOne();
    }

    /** A SKU of this test's own, stocked in inventory and unknown to the catalog unless the test prices it there. */
    private String newSku() {
        String sku = "PRC-" + ProcessHandle.current().pid() + "-" + SKUS.incrementAndGet();
        collaborators.inventory.stock(sku, Collaborators.PLENTY);
        return sku;
    }

    private void awaitStored(String sku, long version) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc
                .sql("SELECT count(*) FROM product_price WHERE sku = :sku AND version = :version")
                .param("sku", sku).param("version", version).query(Long.class).single() == 1);
    }

    private Map<String, Object> stored(String sku) {
        return jdbc.sql("SELECT amount, version FROM product_price WHERE sku = :sku").param("sku", sku)
                .query().singleRow();
    }

    private double staleEvents() {
        Counter stale = meters.find("orders.catalog.events").tag("result", "stale").counter();
        return stale == null ? 0 : stale.count();
    }

    /** Plays the catalog: its price event as its outbox sends it, keyed by SKU. */
    private static void priceChanged(String sku, long amount, long version) throws Exception {
        String event = """
                {"specversion":"1.0","id":"%s","type":"shopscale.catalog.price-changed.v1",\
                "source":"/shopscale/catalog","time":"%s","subject":"%s","datacontenttype":"application/json",\
                "data":{"sku":"%s","amount":%d,"currency":"USD","version":%d}}"""
                .formatted(UUID.randomUUID(), Instant.now(), sku, sku, amount, version);
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedStores.get().kafka().connectionString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(Topics.CATALOG_PRICES, sku, event)).get(10, TimeUnit.SECONDS);
        }
    }
}
