package io.shopscale.platform.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@SpringBootApplication
class DefaultsTestApplication {

    @Bean
    StoreOutageAdvice storeOutageAdvice() {
        return new StoreOutageAdvice("probe store", "Probes are unavailable right now. Try again shortly.");
    }

    @RestController
    static class ProbeController {

        static final CountDownLatch GATE = new CountDownLatch(1);

        static final CountDownLatch HELD = new CountDownLatch(2);

        @GetMapping("/probe/{id}")
        Map<String, Object> byId(@PathVariable UUID id) {
            if (id.getMostSignificantBits() == 0) {
                throw new NotFoundException("No probe " + id + ".");
            }
            return Map.of("id", id);
        }

        @GetMapping("/probe")
        Map<String, Object> page(@RequestParam(defaultValue = "0") @Min(0) int page,
                                 @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                                 @RequestParam(required = false) String sort) {
            if (sort != null && !sort.equals("name")) {
                throw new InvalidParameterException("sort", "'sort' must be one of [name].");
            }
            return Map.of("page", page, "size", size);
        }

        @GetMapping("/probe/boom")
        Map<String, Object> boom() {
            throw new IllegalStateException("secret internal detail");
        }

        /** Held until the test opens the gate: a request that occupies its slot for as long as a test needs. */
        @GetMapping("/probe/held")
        Map<String, Object> held() throws InterruptedException {
            HELD.countDown();
            GATE.await(30, TimeUnit.SECONDS);
            return Map.of("held", true);
        }

        @GetMapping("/probe/store-down")
        Map<String, Object> storeDown() {
            throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction");
        }
    }
}
