package io.shopscale.inventory.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.shopscale.inventory.Sku;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReserveCommandTests {

    private static final String ORDER = "0b7c3f0e-4a55-4c1e-9d5e-1f2a3b4c5d6e";

    @Test
    void linesAreMergedPerSkuAndSortedInLockOrder() {
        ReserveCommand command = ReserveCommand.of(ORDER, List.of(
                Map.entry("TOY-00002", 1), Map.entry("APP-00010", 2), Map.entry("TOY-00002", 4),
                Map.entry("APP-00009", 1)));

        assertThat(command.orderId()).isEqualTo(UUID.fromString(ORDER));
        assertThat(command.lines()).containsExactly(
                new ReserveCommand.Line(new Sku("APP-00009"), 1),
                new ReserveCommand.Line(new Sku("APP-00010"), 2),
                new ReserveCommand.Line(new Sku("TOY-00002"), 5));
    }

    @Test
    void badRequestsSayWhatIsWrong() {
        assertThatIllegalArgumentException().isThrownBy(() -> ReserveCommand.of("42", List.of(Map.entry("A-1", 1))))
                .withMessageContaining("UUID");
        assertThatIllegalArgumentException().isThrownBy(() -> ReserveCommand.of(ORDER, List.of()))
                .withMessageContaining("1 to 100 lines");
        assertThatIllegalArgumentException().isThrownBy(() -> ReserveCommand.of(ORDER, List.of(Map.entry("A-1", 0))))
                .withMessageContaining("quantity");
        assertThatIllegalArgumentException().isThrownBy(() -> ReserveCommand.of(ORDER, List.of(Map.entry("A-1", 100))))
                .withMessageContaining("quantity");
        assertThatIllegalArgumentException().isThrownBy(() -> ReserveCommand.of(ORDER,
                        List.of(Map.entry("A-1", 50), Map.entry("A-1", 50))))
                .withMessageContaining("add up to 100");
        assertThatIllegalArgumentException().isThrownBy(() -> ReserveCommand.of(ORDER, List.of(Map.entry("a-1", 1))))
                .withMessageContaining("not a SKU");
        List<Map.Entry<String, Integer>> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(Map.entry("A-" + i, 1));
        }
        assertThatIllegalArgumentException().isThrownBy(() -> ReserveCommand.of(ORDER, tooMany));
    }

    @Test
    void skusAreUpperCaseGroupsOfLettersAndDigits() {
        assertThat(Sku.valid("HKT-00001")).isTrue();
        assertThat(Sku.valid("X1")).isTrue();
        assertThat(Sku.valid("A".repeat(32))).isTrue();
        assertThat(Sku.valid("A".repeat(33))).isFalse();
        assertThat(Sku.valid("")).isFalse();
        assertThat(Sku.valid(null)).isFalse();
        assertThat(Sku.valid("hkt-00001")).isFalse();
        assertThat(Sku.valid("-HKT")).isFalse();
        assertThat(Sku.valid("HKT-")).isFalse();
        assertThat(Sku.valid("HKT 1")).isFalse();
    }
}
