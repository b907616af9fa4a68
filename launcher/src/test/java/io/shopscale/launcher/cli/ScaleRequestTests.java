package io.shopscale.launcher.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ScaleRequestTests {

    @Test
    void readsComponentAndInstances() {
        ScaleRequest request = ScaleRequest.parse("catalog=3");

        assertThat(request.component().name()).isEqualTo("catalog");
        assertThat(request.instances()).isEqualTo(3);
    }

    @Test
    void zeroAndEightAreTheBounds() {
        assertThat(ScaleRequest.parse("catalog=0").instances()).isZero();
        assertThat(ScaleRequest.parse("catalog=8").instances()).isEqualTo(8);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            catalog          | expected <component>=<instances>, such as catalog=3, not 'catalog'
            =3               | expected <component>=<instances>, such as catalog=3, not '=3'
            payments=2       | unknown component 'payments'; scalable: identity, catalog, cart, inventory, orders, payment
            registry=2       | registry cannot be scaled; scalable: identity, catalog, cart, inventory, orders, payment
            stores=2         | stores cannot be scaled; scalable: identity, catalog, cart, inventory, orders, payment
            gateway=2        | gateway cannot be scaled; scalable: identity, catalog, cart, inventory, orders, payment
            catalog=-1       | catalog=-1: instances must be between 0 and 8
            catalog=9        | catalog=9: instances must be between 0 and 8
            catalog=three    | catalog: instances must be a whole number, not 'three'
            catalog=         | catalog: instances must be a whole number, not ''
            """)
    void rejectsWhatCannotBeDone(String argument, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> ScaleRequest.parse(argument)).withMessage(message);
    }

    @Test
    void aComponentMayBeNamedOnlyOnce() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ScaleRequest.parseAll(List.of("catalog=2", "catalog=3")))
                .withMessage("catalog is given more than once");
    }
}
