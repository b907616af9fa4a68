package io.shopscale.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.cloud.gateway.filter.headers.TrustedProxies;
import org.springframework.cloud.gateway.filter.headers.XForwardedHeadersFilter;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.StringUtils;

/**
 * The address of the client behind a request, read the way the gateway's {@code trusted-proxies} setting says:
 * the connection's peer, unless the peer is a trusted proxy, in which case the {@code X-Forwarded-For} chain is
 * walked from the right (the hop the proxy itself added) past further trusted proxies to the first address that
 * is not one. A client that is not a trusted proxy cannot choose its own address by sending the header.
 */
final class ClientAddress {

	static final String UNKNOWN = "unknown";

	private final @Nullable TrustedProxies trustedProxies;

	ClientAddress(@Nullable String trustedProxiesPattern) {
		this.trustedProxies = StringUtils.hasText(trustedProxiesPattern) ? TrustedProxies.from(trustedProxiesPattern)
				: null;
	}

	String of(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		if (remote == null) {
			return UNKNOWN;
		}
		String peer = remote.getHostString();
		if (this.trustedProxies == null || !this.trustedProxies.isTrusted(peer)) {
			return peer;
		}
		List<String> forwarded = request.getHeaders().get(XForwardedHeadersFilter.X_FORWARDED_FOR_HEADER);
		if (forwarded == null) {
			return peer;
		}
		String nearest = peer;
		for (int line = forwarded.size() - 1; line >= 0; line--) {
			String[] hops = StringUtils.commaDelimitedListToStringArray(forwarded.get(line));
			for (int hop = hops.length - 1; hop >= 0; hop--) {
				String address = hops[hop].strip();
				if (address.isEmpty()) {
					continue;
				}
				if (!this.trustedProxies.isTrusted(address)) {
					return address;
				}
				nearest = address;
			}
		}
		// Every hop is a trusted proxy: the farthest one is as close to the client as we can tell.
		return nearest;
	}

}
