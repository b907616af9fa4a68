package io.shopscale.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The platform's edge: routes public API paths to service instances found in the registry, with
 * per-route timeouts, failover retries, request ids and RFC 9457 errors; checks bearer tokens and roles
 * ({@code security}), limits request rates ({@code ratelimit}) and request bodies ({@code edge}).
 */
@SpringBootApplication
public class GatewayApplication {

	public static void main(String[] args) {
		SpringApplication.run(GatewayApplication.class, args);
	}

}
