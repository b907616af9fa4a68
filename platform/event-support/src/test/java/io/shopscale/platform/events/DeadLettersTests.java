package io.shopscale.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shopscale.platform.events.TransientFailures.Backoff;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.mock.MockProducerFactory;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.BackOffExecution;

class DeadLettersTests {

    private static final String PREFIX = "test.events";

    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    private final KafkaTemplate<String, byte[]> template =
            new KafkaTemplate<>(new MockProducerFactory<>(() -> producer));
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final TransientFailures retries =
            new TransientFailures(metrics, PREFIX, new Backoff(Duration.ofMillis(1), Duration.ofMillis(1)));
    private final DefaultErrorHandler handler = DeadLetters.errorHandler(template, metrics, PREFIX, "inventory",
            retries);
    private final ConsumerRecord<String, byte[]> record =
            new ConsumerRecord<>("shopscale.orders", 3, 42L, "order-1", "{not json".getBytes(StandardCharsets.UTF_8));

    @Test
    void deadLetterTopicsAreNamedAfterTheirSourceAndTheirConsumerGroup() {
        assertThat(DeadLetters.topic("shopscale.orders", "payment")).isEqualTo("shopscale.orders.payment.DLT");
        assertThat(DeadLetters.topic("shopscale.payments", "orders")).endsWith(DeadLetters.SUFFIX);
    }

    @Test
    void poisonIsParkedAtOnceOnTheGroupsDeadLetterTopicAndCounted() {
        boolean recovered = handler.handleOne(failed(new PoisonEventException("The record has no value.")), record,
                null, null);

        assertThat(recovered).isTrue();
        assertThat(producer.history()).singleElement().satisfies(parked -> {
            assertThat(parked.topic()).isEqualTo("shopscale.orders.inventory.DLT");
            assertThat(parked.partition()).as("left to the producer").isNull();
            assertThat(parked.key()).isEqualTo("order-1");
            assertThat(parked.value()).isEqualTo(record.value());
        });
        assertThat(metrics.counter(PREFIX + ".dead-lettered").count()).isEqualTo(1);
        assertThat(metrics.counter(PREFIX + ".retries").count()).isZero();
    }

    @Test
    void aRecordThatCannotBeDeserialisedIsPoisonToo() {
        var failure = new DeserializationException("bad bytes", record.value(), false, new IllegalStateException());

        assertThat(handler.handleOne(failed(failure), record, null, null)).isTrue();
        assertThat(producer.history()).hasSize(1);
    }

    @Test
    void anyOtherFailureIsRetriedFarPastTheOldBudgetAndNeverParked() {
        Exception databaseAway = failed(new CannotGetJdbcConnectionException("no connection within 3000 ms"));
        Exception poolTimeout = failed(new DataAccessResourceFailureException("connection is not available"));

        for (int attempt = 1; attempt <= 50; attempt++) {
            assertThat(handler.handleOne(attempt % 2 == 0 ? databaseAway : poolTimeout, record, null, null))
                    .as("try %d is not the last", attempt).isFalse();
        }

        assertThat(producer.history()).isEmpty();
        assertThat(metrics.counter(PREFIX + ".dead-lettered").count()).isZero();
        assertThat(metrics.counter(PREFIX + ".retries").count()).isEqualTo(50);
        assertThat(metrics.get(PREFIX + ".retrying").gauge().value()).isEqualTo(1);
    }

    @Test
    void aBugIsNotPoisonEither() {
        Exception bug = failed(new IllegalStateException("order.placed is not handled here"));

        assertThat(handler.handleOne(bug, record, null, null)).isFalse();
        assertThat(handler.handleOne(failed(new ClassCastException()), record, null, null)).isFalse();
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void pausesDoubleUpToTheirCapAndNeverEnd() {
        BackOffExecution pauses = new TransientFailures(metrics, "other", Backoff.DEFAULT).backOff().start();

        assertThat(new long[] {pauses.nextBackOff(), pauses.nextBackOff(), pauses.nextBackOff(), pauses.nextBackOff(),
                pauses.nextBackOff(), pauses.nextBackOff()}).containsExactly(500, 1000, 2000, 4000, 8000, 10_000);
        for (int i = 0; i < 100_000; i++) {
            assertThat(pauses.nextBackOff()).isEqualTo(10_000);
        }
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
