package io.shopscale.platform.admission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestPrioritiesTests {

    @Test
    void checkoutOrderStatusAndSigningInComeFirst() {
        assertThat(RequestPriorities.of("POST", "/api/orders")).isEqualTo(Priority.CRITICAL);
        assertThat(RequestPriorities.of("GET", "/api/orders/0b6f9c1e-4d2a-4f55-9d7e-1c2b3a4d5e6f")).isEqualTo(Priority.CRITICAL);
        assertThat(RequestPriorities.of("POST", "/api/auth/login")).isEqualTo(Priority.CRITICAL);
        assertThat(RequestPriorities.of("GET", "/.well-known/jwks.json")).isEqualTo(Priority.CRITICAL);
    }

    @Test
    void searchAndListingsAreShedFirst() {
        assertThat(RequestPriorities.of("GET", "/api/products")).isEqualTo(Priority.SHEDDABLE);
        assertThat(RequestPriorities.of("GET", "/api/products/")).isEqualTo(Priority.SHEDDABLE);
    }

    @Test
    void productPagesStockAndCartAreInBetween() {
        assertThat(RequestPriorities.of("GET", "/api/products/3f1c")).isEqualTo(Priority.STANDARD);
        assertThat(RequestPriorities.of("GET", "/api/inventory/LGT-00001")).isEqualTo(Priority.STANDARD);
        assertThat(RequestPriorities.of("PUT", "/api/cart/items/LGT-00001")).isEqualTo(Priority.STANDARD);
    }

    @Test
    void probesAndScrapesAreNeverLimited() {
        assertThat(RequestPriorities.isAdmitted("/actuator/health/readiness")).isFalse();
        assertThat(RequestPriorities.isAdmitted("/actuator/prometheus")).isFalse();
        assertThat(RequestPriorities.isAdmitted("/api/products")).isTrue();
    }
}
