package io.shopscale.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

class OutboxResubmissionTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final JdbcClient unreachable = mock(JdbcClient.class);

    OutboxResubmissionTests() {
        when(unreachable.sql(anyString())).thenThrow(new CannotGetJdbcConnectionException("connection refused"));
    }

    @Test
    void settingsComeFromThePrefixWithTenSecondsAsTheDefault() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("shopscale.orders.outbox.resubmit-interval", "1s");

        OutboxResubmission.Settings settings = OutboxResubmission.Settings.bind(environment,
                "shopscale.orders.outbox", "orders.outbox.oldest.age", "order event");

        assertThat(settings.interval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.minAge()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void theLagGaugeIsNamedByTheServiceAndReportsNothingKnownWhileTheDatabaseIsDown() {
        new OutboxResubmission(publications -> { }, unreachable, meters, settings(Duration.ofSeconds(10)));

        Gauge gauge = meters.get("orders.outbox.oldest.age").gauge();
        assertThat(gauge.getId().getDescription())
                .isEqualTo("Age in seconds of the oldest order event not yet acknowledged by Kafka");
        assertThat(gauge.value()).isNaN();
    }

    @Test
    void failedPublicationsAreResubmittedAtTheConfiguredIntervalAndAFailureIsOnlyLogged() {
        List<ResubmissionOptions> resubmissions = new ArrayList<>();
        FailedEventPublications failing = options -> {
            resubmissions.add(options);
            throw new IllegalStateException("broker unreachable");
        };
        OutboxResubmission resubmission =
                new OutboxResubmission(failing, unreachable, meters, settings(Duration.ofSeconds(3)));
        ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();

        resubmission.configureTasks(registrar);
        registrar.getFixedDelayTaskList().getFirst().getRunnable().run();

        assertThat(registrar.getFixedDelayTaskList()).singleElement().satisfies(task -> {
            assertThat(task.getIntervalDuration()).isEqualTo(Duration.ofSeconds(3));
            assertThat(task.getInitialDelayDuration()).isEqualTo(Duration.ofSeconds(3));
        });
        assertThat(resubmissions).singleElement()
                .satisfies(options -> assertThat(options.getMinAge()).isEqualTo(Duration.ofSeconds(1)));
    }

    private static OutboxResubmission.Settings settings(Duration interval) {
        return new OutboxResubmission.Settings("orders.outbox.oldest.age", "order event", interval,
                Duration.ofSeconds(1));
    }
}
