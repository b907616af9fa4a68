package io.shopscale.platform.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Retries events that did not reach Kafka while the service keeps running (a broker outage, a publication a
 * crashed instance left behind that the staleness monitor marked failed). Restarts resubmit everything outstanding
 * on their own. Also reports how far the outbox lags: the age of its oldest unpublished event. Declared as a bean in
 * a service with scheduling enabled, it schedules itself.
 */
public class OutboxResubmission implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OutboxResubmission.class);

    private final FailedEventPublications failed;
    private final JdbcClient jdbc;
    private final Settings settings;
    private final ResubmissionOptions options;

    public OutboxResubmission(FailedEventPublications failed, JdbcClient jdbc, MeterRegistry meters,
                              Settings settings) {
        this.failed = failed;
        this.jdbc = jdbc;
        this.settings = settings;
        this.options = ResubmissionOptions.defaults().withMinAge(settings.minAge()).withBatchSize(500)
                .withMaxInFlight(500);
        Gauge.builder(settings.lagGauge(), this, OutboxResubmission::oldestPendingSeconds)
                .description("Age in seconds of the oldest " + settings.events() + " not yet acknowledged by Kafka")
                .baseUnit("seconds")
                .register(meters);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::resubmitFailed, settings.interval(), settings.interval()));
    }

    void resubmitFailed() {
        try {
            failed.resubmit(options);
        } catch (RuntimeException e) {
            log.warn("could not resubmit failed event publications: {}", e.getMessage());
        }
    }

    double oldestPendingSeconds() {
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

    /**
     * @param lagGauge the gauge's name, such as {@code orders.outbox.oldest.age}
     * @param events what the outbox holds, for the gauge's description ("order event")
     * @param interval the pause between two resubmissions, and before the first
     * @param minAge how old a failed publication must be before it is resubmitted
     */
    public record Settings(String lagGauge, String events, Duration interval, Duration minAge) {

        static final Duration DEFAULT = Duration.ofSeconds(10);

        /**
         * Settings read from {@code <prefix>.resubmit-interval} and {@code <prefix>.resubmit-min-age}, 10 s each
         * unless configured.
         */
        public static Settings bind(Environment environment, String prefix, String lagGauge, String events) {
            Binder binder = Binder.get(environment);
            return new Settings(lagGauge, events,
                    binder.bind(prefix + ".resubmit-interval", Duration.class).orElse(DEFAULT),
                    binder.bind(prefix + ".resubmit-min-age", Duration.class).orElse(DEFAULT));
        }
    }
}
