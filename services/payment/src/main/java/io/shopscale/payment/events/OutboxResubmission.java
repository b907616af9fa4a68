package io.shopscale.payment.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries events that did not reach Kafka while the service keeps running (a broker outage, a publication a
 * crashed instance left behind that the staleness monitor marked failed). Restarts resubmit everything outstanding
 * on their own. Also reports how far the outbox lags: the age of its oldest unpublished event.
 */
@Component
class OutboxResubmission {

    private static final Logger log = LoggerFactory.getLogger(OutboxResubmission.class);

    private final FailedEventPublications failed;
    private final ResubmissionOptions options;
    private final JdbcClient jdbc;

    OutboxResubmission(FailedEventPublications failed, JdbcClient jdbc, MeterRegistry meters,
                       @Value("${shopscale.payment.outbox.resubmit-min-age:10s}") Duration minAge) {
        this.failed = failed;
        this.jdbc = jdbc;
        this.options = ResubmissionOptions.defaults().withMinAge(minAge).withBatchSize(500).withMaxInFlight(500);
        Gauge.builder("payment.outbox.oldest.age", this, OutboxResubmission::oldestPendingSeconds)
                .description("Age in seconds of the oldest payment event not yet acknowledged by Kafka")
                .baseUnit("seconds")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${shopscale.payment.outbox.resubmit-interval:10s}",
            initialDelayString = "${shopscale.payment.outbox.resubmit-interval:10s}")
    void resubmitFailed() {
        try {
            failed.resubmit(options);
        } catch (RuntimeException e) {
            log.warn("could not resubmit failed event publications: {}", e.getMessage());
        }
    }

    private double oldestPendingSeconds() {
        try {
            Double age = jdbc.sql("SELECT extract(epoch FROM now() - min(publication_date)) FROM event_publication"
                            + " WHERE completion_date IS NULL")
                    .query(Double.class)
                    .single();
            return age == null ? 0 : age;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
