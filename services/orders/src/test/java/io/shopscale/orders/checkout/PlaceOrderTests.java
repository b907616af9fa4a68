package io.shopscale.orders.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopscale.platform.web.InvalidParameterException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaceOrderTests {

    @Test
    void theFingerprintIgnoresLineOrderButNotQuantities() {
        PlaceOrder one = new PlaceOrder(List.of(new RequestedLine("HKT-00001", 1), new RequestedLine("LGT-00002", 2)));
        PlaceOrder reordered = new PlaceOrder(List.of(new RequestedLine("LGT-00002", 2),
                new RequestedLine("HKT-00001", 1)));
        PlaceOrder more = new PlaceOrder(List.of(new RequestedLine("HKT-00001", 2), new RequestedLine("LGT-00002", 2)));

        assertThat(one.fingerprint()).isEqualTo(reordered.fingerprint()).hasSize(64);
        assertThat(more.fingerprint()).isNotEqualTo(one.fingerprint());
    }

    @Test
    void invalidLinesAreRejectedNamingTheField() {
        assertThatThrownBy(() -> new PlaceOrder(List.of()))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("items"));
        assertThatThrownBy(() -> new PlaceOrder(List.of(new RequestedLine("HKT-00001", 1),
                new RequestedLine("bad sku", 1))))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("items[1].sku"));
        assertThatThrownBy(() -> new PlaceOrder(List.of(new RequestedLine("HKT-00001", 100))))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("items[0].quantity"));
        assertThatThrownBy(() -> new PlaceOrder(List.of(new RequestedLine("HKT-00001", 1),
                new RequestedLine("HKT-00001", 1))))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.getMessage()).contains("HKT-00001"));
    }
}
