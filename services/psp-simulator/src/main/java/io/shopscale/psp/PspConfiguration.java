package io.shopscale.psp;

import io.shopscale.psp.charge.Charges;
import io.shopscale.psp.fault.ChargePort;
import io.shopscale.psp.fault.Faults;
import io.shopscale.psp.idempotency.IdempotencyKeys;
import java.time.InstantSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Wires the in-memory stores and the failure knobs from the start-up configuration. */
@Configuration(proxyBeanMethods = false)
class PspConfiguration {

    /**
     * An outage closes the charge port; the admin API that ends it must live elsewhere, on the management port. So
     * the simulator refuses to start with the management port shared or disabled.
     */
    @Bean
    ChargePort chargePort(WebServerApplicationContext context, Environment environment) {
        if (ManagementPortType.get(environment) != ManagementPortType.DIFFERENT) {
            throw new IllegalStateException("management.server.port must be set and differ from server.port: the "
                    + "admin API must keep answering while the charge port is closed for an outage");
        }
        return new ChargePort(context);
    }

    @Bean
    Faults faults(PspProperties properties, ChargePort chargePort) {
        return new Faults(properties.faults(), chargePort);
    }

    @Bean
    IdempotencyKeys idempotencyKeys(PspProperties properties) {
        return new IdempotencyKeys(properties.idempotency().retention(), properties.idempotency().maxKeys(),
                InstantSource.system());
    }

    @Bean
    Charges charges(PspProperties properties) {
        return new Charges(properties.maxCharges(), InstantSource.system());
    }

    /** One timer thread is enough: it only hands finished charges back to Tomcat, never waits itself. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService chargeScheduler() {
        return Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("psp-latency").daemon().factory());
    }
}
