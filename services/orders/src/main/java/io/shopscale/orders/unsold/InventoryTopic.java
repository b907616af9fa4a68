package io.shopscale.orders.unsold;

import io.shopscale.contracts.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Inventory's topic carries an event only after something went wrong, possibly long after orders started. A consumer
 * subscribed to a topic that does not exist yet notices it only at its next metadata refresh, minutes later; so the
 * topic is created (with the broker's defaults) when orders starts, if it is missing.
 */
@Configuration(proxyBeanMethods = false)
class InventoryTopic {

    @Bean
    NewTopic inventoryEventsTopic() {
        return TopicBuilder.name(Topics.INVENTORY).build();
    }
}
