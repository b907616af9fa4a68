package io.shopscale.inventory.reservation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * What operators watch: how reservations end, how many shared a transaction, and how much stock the expiry job had
 * to give back.
 */
@Component
class ReservationMetrics {

    private final MeterRegistry registry;
    private final Counter expiries;
    private final DistributionSummary batchSizes;

    ReservationMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.expiries = Counter.builder("inventory.expiries")
                .description("Reservations that expired unconfirmed and gave their stock back")
                .register(registry);
        this.batchSizes = DistributionSummary.builder("inventory.reservation.batch.size")
                .description("Single-line reservations of one SKU reserved together in one transaction")
                .baseUnit("reservations")
                .register(registry);
    }

    void reserve(ReserveOutcome outcome) {
        String name = switch (outcome) {
            case ReserveOutcome.Reserved reserved -> reserved.replay() ? "duplicate" : "reserved";
            case ReserveOutcome.Short ignored -> "short";
            case ReserveOutcome.UnknownSkus ignored -> "unknown-sku";
            case ReserveOutcome.LinesDiffer ignored -> "conflict";
            case ReserveOutcome.Ended ignored -> "ended";
        };
        count("inventory.reservations", "Reserve calls by outcome", name);
    }

    void batch(int size) {
        batchSizes.record(size);
    }

    void release(Transition transition) {
        count("inventory.releases", "Release calls by result", result(transition));
    }

    void confirm(Transition transition) {
        count("inventory.confirms", "Confirm calls by result", result(transition));
    }

    void expired(int reservations) {
        expiries.increment(reservations);
    }

    private void count(String name, String description, String outcome) {
        Counter.builder(name).description(description).tag("outcome", outcome).register(registry).increment();
    }

    private static String result(Transition transition) {
        return switch (transition) {
            case Transition.Done done -> done.changed() ? done.state().name().toLowerCase() : "repeated";
            case Transition.Refused ignored -> "refused";
            case Transition.Missing ignored -> "missing";
        };
    }
}
