package io.shopscale.cart.cart;

import io.shopscale.testsupport.RealStoresTest;
import io.shopscale.testsupport.TestIdentity;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The cart on a random port against the shared real Redis, checking tokens against a real JWKS. Test classes that
 * extend this share one application context.
 */
@RealStoresTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class RunningCartTests {

    static final TestIdentity IDENTITY = TestIdentity.start();

    @LocalServerPort
    int port;

    CartClient cart;

    @DynamicPropertySource
    static void identity(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.identity[0].uri",
                () -> IDENTITY.uri().toString());
    }

    @BeforeEach
    void client() {
        cart = new CartClient(port);
    }

    /** A fresh user, so tests in a class never share a cart. */
    static String newUser() {
        return UUID.randomUUID().toString();
    }

    static String tokenFor(String user) {
        return IDENTITY.token(user, "USER");
    }

    static String sku(int n) {
        return "TST-%05d".formatted(n);
    }
}
