package io.shopscale.gateway.requestid;

import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;

/**
 * Restores the request id from the Reactor context into the MDC wherever Reactor restores thread locals. With
 * {@code spring.reactor.context-propagation=limited} (the gateway's setting) that is the {@code handle} and
 * {@code tap} operators; with {@code auto} it is every operator, so library log lines carry the id too, at a
 * measured cost of about 15% of throughput. Found through {@code META-INF/services}.
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
