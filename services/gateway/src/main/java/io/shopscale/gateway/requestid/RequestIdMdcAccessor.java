package io.shopscale.gateway.requestid;

import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;

/**
 * Restores the request id from the Reactor context into the MDC on whichever thread runs the request, so
 * that every log line written while serving it (ours, the gateway's, the load balancer's) carries the id.
 * Found through {@code META-INF/services}; needs {@code spring.reactor.context-propagation=auto}.
 */
public final class RequestIdMdcAccessor implements ThreadLocalAccessor<String> {

	@Override
	public Object key() {
		return RequestId.MDC_KEY;
	}

	@Override
	public String getValue() {
		return MDC.get(RequestId.MDC_KEY);
	}

	@Override
	public void setValue(String value) {
		MDC.put(RequestId.MDC_KEY, value);
	}

	@Override
	public void setValue() {
		MDC.remove(RequestId.MDC_KEY);
	}

}
