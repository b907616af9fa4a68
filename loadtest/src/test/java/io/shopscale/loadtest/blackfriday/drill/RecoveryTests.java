package io.shopscale.loadtest.blackfriday.drill;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shopscale.loadtest.blackfriday.audit.OrderRecord;
import io.shopscale.loadtest.blackfriday.traffic.Endpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The timeline's windows and the recovery measured from made-up answers, on a clock of whole seconds. */
class RecoveryTests {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    /** Load from 0 to 40 s; the fault from 10 to 25 s. */
    private static final FaultTimeline TIMELINE = new FaultTimeline("pg-outage", "PostgreSQL stopped", at(10),
            at(25), at(40), null);

    @Test
    void answersFallIntoTheWindowOfWhenTheyEndedTheLaterOneAtABoundary() {
        List<Answer> answers = List.of(checkout(1, "202"), answer(Endpoint.SEARCH, 5, "200"), checkout(10, "503"),
                checkout(12, "503"), resend(14, "503"), answer(Endpoint.ORDER, 20, "503"), checkout(25, "202"),
                checkout(39.9, "202"), answer(Endpoint.ORDER, 41, "200"));

        List<DrillReport.Window> windows = Recovery.windows(answers, TIMELINE, at(0), at(40));

        assertThat(windows).extracting(DrillReport.Window::name)
                .containsExactly("lead-in", "fault", "tail", "after the load");
        assertThat(windows.get(0).requests()).isEqualTo(2);
        assertThat(windows.get(0).checkoutOutcomes()).containsExactly(Map.entry("202", 1L));
        assertThat(windows.get(1).from()).isEqualTo(at(10));
        assertThat(windows.get(1).to()).isEqualTo(at(25));
        assertThat(windows.get(1).requests()).isEqualTo(4);
        assertThat(windows.get(1).checkouts()).as("checkouts and resends").isEqualTo(3);
        assertThat(windows.get(1).outcomes()).containsExactly(Map.entry("503", 4L));
        assertThat(windows.get(2).checkouts()).isEqualTo(2);
        assertThat(windows.get(3).to()).isNull();
        assertThat(windows.get(3).outcomes()).containsOnlyKeys("200");
    }

    @Test
    void recoveryIsTheFirstAcceptedCheckoutAtOrAfterHealing() {
        List<Answer> answers = List.of(checkout(2, "202"), checkout(11, "202"), checkout(26, "503"),
                resend(27.5, "202"), checkout(30, "202"));

        DrillReport.Recovery recovery = Recovery.recovery(answers, TIMELINE, at(0), at(40));

        assertThat(recovery.firstAcceptedAfterHealing()).isEqualTo(2.5);
        assertThat(recovery.firstAcceptedAt()).isEqualTo(at(27.5));
        assertThat(recovery.acceptedDuringFault()).isEqualTo(1);
        // 11 s to 27.5 s is the longest stretch without a 202; the ends of the load count as edges.
        assertThat(recovery.longestWithoutAccepted()).isEqualTo(16.5);
        assertThat(recovery.longestWithoutAcceptedFrom()).isEqualTo(at(11));
        assertThat(recovery.longestWithoutAcceptedTo()).isEqualTo(at(27.5));
    }

    @Test
    void withNoCheckoutAcceptedAfterHealingThereIsNoRecoveryTime() {
        List<Answer> answers = List.of(checkout(2, "202"), checkout(30, "503"), answer(Endpoint.SEARCH, 31, "202"));

        DrillReport.Recovery recovery = Recovery.recovery(answers, TIMELINE, at(0), at(40));

        assertThat(recovery.firstAcceptedAfterHealing()).isNull();
        assertThat(recovery.longestWithoutAccepted()).isEqualTo(38.0);
        assertThat(recovery.longestWithoutAcceptedTo()).isEqualTo(at(40));
    }

    @Test
    void aFaultNeverInjectedLeavesOneWindowForTheWholeLoad() {
        List<DrillReport.Window> windows = Recovery.windows(List.of(checkout(3, "202")), FaultTimeline.NONE, at(0),
                at(40));

        assertThat(windows).extracting(DrillReport.Window::name).containsExactly("load", "after the load");
        assertThat(Recovery.recovery(List.of(checkout(3, "202")), FaultTimeline.NONE, at(0), at(40))
                .firstAcceptedAfterHealing()).isNull();
    }

    @Test
    void outcomesListStatusCodesBeforeFailures() {
        assertThat(Recovery.outcomes(List.of(checkout(1, "timeout"), checkout(2, "503"), checkout(3, "202"),
                checkout(4, "dropped"), checkout(5, "202"))).keySet())
                .containsExactly("202", "503", "dropped", "timeout");
    }

    @Test
    void theOrdersHeldOverAreThosePlacedBeforeHealingAndFinishedAfterIt() {
        List<OrderRecord> orders = List.of(order(2, 3, "CONFIRMED"), order(9, 26, "CONFIRMED"),
                order(24, 31.5, "CANCELLED"), order(26, 27, "CONFIRMED"));

        Recovery.HeldOver heldOver = Recovery.heldOver(orders, at(25));

        assertThat(heldOver.orders()).isEqualTo(2);
        assertThat(heldOver.notFinal()).isZero();
        assertThat(heldOver.lastFinalAfterHealing()).isEqualTo(6.5);
        Recovery.HeldOver stuck = Recovery.heldOver(List.of(order(9, 26, "CONFIRMED"),
                order(12, 12, "PENDING_PAYMENT")), at(25));
        assertThat(stuck.orders()).isEqualTo(2);
        assertThat(stuck.notFinal()).isEqualTo(1);
        assertThat(stuck.lastFinalAfterHealing()).isNull();
        assertThat(Recovery.heldOver(List.of(order(2, 3, "CONFIRMED")), at(25)).lastFinalAfterHealing())
                .as("nothing held over").isEqualTo(0.0);
    }

    private static OrderRecord order(double placed, double updated, String status) {
        return new OrderRecord(UUID.randomUUID(), "user", status,
                status.equals("CANCELLED") ? "PAYMENT_UNAVAILABLE" : null, 100, "USD", at(placed), at(updated));
    }

    private static Answer checkout(double second, String outcome) {
        return answer(Endpoint.CHECKOUT, second, outcome);
    }

    private static Answer resend(double second, String outcome) {
        return answer(Endpoint.CHECKOUT_RESEND, second, outcome);
    }

    private static Answer answer(Endpoint endpoint, double second, String outcome) {
        return new Answer(endpoint, outcome, at(second));
    }

    private static Instant at(double second) {
        return T0.plusMillis(Math.round(second * 1000));
    }
}
