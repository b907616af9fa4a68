package io.shopscale.inventory.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopscale.inventory.InventoryIntegrationTestBase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One batch's transaction against the real database: each reservation in it answered as it would be alone. */
class ReservationBatchIntegrationTests extends InventoryIntegrationTestBase {

    @Autowired
    ReservationBatch batch;

    @Autowired
    Reservations reservations;

    @Test
    void plentyOfStockServesTheWholeBatchWithOneStockUpdate() {
        String sku = newSku(100);
        long versionBefore = version(sku);
        List<ReserveCommand> commands = IntStream.range(0, 10).mapToObj(i -> command(UUID.randomUUID(), sku, 1))
                .toList();

        List<ReserveOutcome> outcomes = batch.reserve(commands);

        assertThat(outcomes).hasSize(10).allSatisfy(outcome -> assertThat(outcome)
                .isInstanceOfSatisfying(ReserveOutcome.Reserved.class, r -> assertThat(r.replay()).isFalse()));
        assertThat(stock(sku)).isEqualTo(new Stock(90, 10, 0));
        assertThat(version(sku) - versionBefore).as("stock updates").isEqualTo(1);
        commands.forEach(command -> assertThat(state(command.orderId().toString())).isEqualTo("RESERVED"));
        assertThat(linesOf(sku)).isEqualTo(10);
    }

    @Test
    void wholeRequestsAreGrantedInArrivalOrderWhileUnitsLastAndTheRefusedLeaveNoRow() {
        String sku = newSku(5);
        List<ReserveCommand> commands = List.of(command(UUID.randomUUID(), sku, 2), command(UUID.randomUUID(), sku, 4),
                command(UUID.randomUUID(), sku, 3), command(UUID.randomUUID(), sku, 1),
                command(UUID.randomUUID(), sku, 1));

        List<ReserveOutcome> outcomes = batch.reserve(commands);

        assertThat(outcomes.get(0)).isInstanceOf(ReserveOutcome.Reserved.class);
        assertThat(outcomes.get(1)).isEqualTo(shortOf(sku, 4, 3));
        assertThat(outcomes.get(2)).isInstanceOf(ReserveOutcome.Reserved.class);
        assertThat(outcomes.get(3)).isEqualTo(shortOf(sku, 1, 0));
        assertThat(outcomes.get(4)).isEqualTo(shortOf(sku, 1, 0));
        assertThat(stock(sku)).isEqualTo(new Stock(0, 5, 0));
        assertThat(List.of(0, 1, 2, 3, 4)).map(i -> state(commands.get(i).orderId().toString()))
                .containsExactly("RESERVED", "NONE", "RESERVED", "NONE", "NONE");
        assertThat(linesOf(sku)).isEqualTo(2);

        // A refused order id is free: it reserves once stock returns.
        jdbc.sql("UPDATE stock SET available = 4 WHERE sku = :sku").param("sku", sku).update();
        assertThat(batch.reserve(List.of(commands.get(1)))).singleElement()
                .isInstanceOfSatisfying(ReserveOutcome.Reserved.class, r -> assertThat(r.replay()).isFalse());
        assertThat(stock(sku)).isEqualTo(new Stock(0, 9, 0));
    }

    @Test
    void orderIdsThatAlreadyHoldAReservationAreAnsweredFromIt() {
        String sku = newSku(20);
        UUID held = UUID.randomUUID();
        UUID released = UUID.randomUUID();
        UUID otherLines = UUID.randomUUID();
        ReserveOutcome.Reserved original = (ReserveOutcome.Reserved) reservations.reserve(command(held, sku, 1));
        reservations.reserve(command(released, sku, 1));
        reservations.release(released);
        reservations.reserve(command(otherLines, sku, 2));
        Stock before = stock(sku);
        UUID fresh = UUID.randomUUID();

        List<ReserveOutcome> outcomes = batch.reserve(List.of(command(held, sku, 1), command(released, sku, 1),
                command(otherLines, sku, 1), command(fresh, sku, 1)));

        assertThat(outcomes.get(0)).isEqualTo(new ReserveOutcome.Reserved(original.expiresAt(), true));
        assertThat(outcomes.get(1)).isEqualTo(new ReserveOutcome.Ended(ReservationState.RELEASED));
        assertThat(outcomes.get(2)).isEqualTo(new ReserveOutcome.LinesDiffer());
        assertThat(outcomes.get(3)).isInstanceOfSatisfying(ReserveOutcome.Reserved.class,
                r -> assertThat(r.replay()).isFalse());
        assertThat(stock(sku)).isEqualTo(new Stock(before.available() - 1, before.reserved() + 1, 0));
        assertThat(state(released.toString())).isEqualTo("RELEASED");
    }

    @Test
    void anUnknownSkuIsNamedAndLeavesNoRow() {
        String sku = "NOPE-" + ProcessHandle.current().pid();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        List<ReserveOutcome> outcomes = batch.reserve(List.of(command(first, sku, 1), command(second, sku, 2)));

        assertThat(outcomes).containsOnly(new ReserveOutcome.UnknownSkus(List.of(sku)));
        assertThat(state(first.toString())).isEqualTo("NONE");
        assertThat(state(second.toString())).isEqualTo("NONE");
    }

    private long version(String sku) {
        return jdbc.sql("SELECT version FROM stock WHERE sku = :sku").param("sku", sku).query(Long.class).single();
    }

    private long linesOf(String sku) {
        return jdbc.sql("SELECT count(*) FROM reservation_line WHERE sku = :sku").param("sku", sku)
                .query(Long.class).single();
    }

    private static ReserveOutcome shortOf(String sku, int requested, int available) {
        return new ReserveOutcome.Short(List.of(new ReserveOutcome.Shortage(sku, requested, available)));
    }

    private static ReserveCommand command(UUID orderId, String sku, int quantity) {
        return ReserveCommand.of(orderId.toString(), List.of(Map.entry(sku, quantity)));
    }
}
