package io.shopscale.gateway.edge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the edge accepts in a request.
 *
 * @param maxBodySize the largest request body passed on; larger ones are answered 413 without reaching a service
 */
@ConfigurationProperties("shopscale.gateway.requests")
record RequestSettings(@DefaultValue("1MB") DataSize maxBodySize) {

	RequestSettings {
		if (maxBodySize.toBytes() <= 0) {
			throw new IllegalArgumentException("shopscale.gateway.requests.max-body-size must be positive");
		}
	}

}
