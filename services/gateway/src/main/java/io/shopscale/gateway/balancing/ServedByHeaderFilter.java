package io.shopscale.gateway.balancing;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Names, in {@value #HEADER}, the instance the load balancer chose for a request, so that balancing and failover can
 * be watched from outside (which instance answered, and that a retry went elsewhere). On by default on one machine;
 * {@code shopscale.gateway.served-by-header=false} where instance names should not leave the platform. Whatever a
 * backend put in the header itself is replaced, or dropped when the header is off: only the gateway knows which
 * instance it picked.
 */
@Component
class ServedByHeaderFilter implements GlobalFilter, Ordered {

	static final String HEADER = "X-Served-By";

	private final boolean enabled;

	ServedByHeaderFilter(@Value("${shopscale.gateway.served-by-header:true}") boolean enabled) {
		this.enabled = enabled;
	}

	@Override
	public int getOrder() {
		// Right after the load balancer has chosen: the choice is then in the exchange's attributes.
		return ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER + 1;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		exchange.getResponse().beforeCommit(() -> {
			Response<ServiceInstance> chosen = exchange.getAttribute(
					ServerWebExchangeUtils.GATEWAY_LOADBALANCER_RESPONSE_ATTR);
			exchange.getResponse().getHeaders().remove(HEADER);
			if (this.enabled && chosen != null && chosen.hasServer()) {
				exchange.getResponse().getHeaders().set(HEADER, name(chosen.getServer()));
			}
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	/** The registry's instance id ({@code catalog:8081}), or its address when discovery gives none. */
	static String name(ServiceInstance instance) {
		String id = instance.getInstanceId();
		return (id != null && !id.isBlank()) ? id : instance.getHost() + ":" + instance.getPort();
	}

}
