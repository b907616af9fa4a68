package io.shopscale.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.mock.MockProducerFactory;

class DeadLettersTests {

    private static final String COUNTER = "test.events.dead-lettered";

    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    private final KafkaTemplate<String, byte[]> template =
            new KafkaTemplate<>(new MockProducerFactory<>(() -> producer));
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final ConsumerRecord<String, byte[]> record =
            new ConsumerRecord<>("shopscale.orders", 3, 42L, "order-1", "{not json".getBytes(StandardCharsets.UTF_8));

    @Test
    void poisonIsParkedAtOnceBesideItsTopicAndCounted() {
        DefaultErrorHandler handler = DeadLetters.errorHandler(template, metrics, COUNTER,
                DeadLetters.besideSourceTopic(), DeadLetters.Retries.DEFAULT);

        boolean recovered = handler.handleOne(failed(new PoisonEventException("The record has no value.")), record,
                null, null);

        assertThat(recovered).isTrue();
        assertThat(producer.history()).singleElement().satisfies(parked -> {
            assertThat(parked.topic()).isEqualTo("shopscale.orders.DLT");
            assertThat(parked.partition()).as("left to the producer").isNull();
            assertThat(parked.key()).isEqualTo("order-1");
            assertThat(parked.value()).isEqualTo(record.value());
        });
        assertThat(metrics.counter(COUNTER).count()).isEqualTo(1);
    }

    @Test
    void anyOtherFailureIsRetriedBeforeItIsParkedOnTheConfiguredTopic() {
        DefaultErrorHandler handler = DeadLetters.errorHandler(template, metrics, COUNTER,
                DeadLetters.toTopic("shopscale.orders.payment.DLT"),
                new DeadLetters.Retries(2, Duration.ofMillis(1), Duration.ofMillis(1)));
        Exception failure = failed(new DataAccessResourceFailureException("database restarting"));

        assertThat(handler.handleOne(failure, record, null, null)).as("first retry").isFalse();
        assertThat(handler.handleOne(failure, record, null, null)).as("second retry").isFalse();
        assertThat(producer.history()).isEmpty();
        assertThat(handler.handleOne(failure, record, null, null)).as("retries exhausted").isTrue();

        assertThat(producer.history()).extracting(ProducerRecord::topic)
                .containsExactly("shopscale.orders.payment.DLT");
        assertThat(metrics.counter(COUNTER).count()).isEqualTo(1);
    }

    @Test
    void theReasonLoggedIsThePoisonsOwnOrElseTheInnermostCause() {
        assertThat(DeadLetters.reason(failed(new PoisonEventException("The event id must be 1 to 128 characters."))))
                .isEqualTo("The event id must be 1 to 128 characters.");
        assertThat(DeadLetters.reason(failed(new IllegalStateException("outer",
                new DataAccessResourceFailureException("connection refused")))))
                .isEqualTo(new DataAccessResourceFailureException("connection refused").toString());
    }

    /** How the listener container hands a listener's exception to the error handler. */
    private static Exception failed(Exception cause) {
        return new ListenerExecutionFailedException("listener failed", cause);
    }
}
