package io.shopscale.gateway.edge;

import io.netty.channel.ChannelHandler;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/** Puts the gateway's own handlers into every HTTP connection's pipeline, where they see requests and answers whole. */
public final class ConnectionHandlers {

	private ConnectionHandlers() {
	}

	/**
	 * Adds a sharable handler right after the HTTP codec of each new connection: outbound, it sees the server's
	 * responses as HTTP messages just before they are encoded.
	 */
	public static HttpServer afterCodec(HttpServer server, String name, ChannelHandler handler) {
		return server.doOnChannelInit((observer, channel, remoteAddress) -> {
			if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
				channel.pipeline().addAfter(NettyPipeline.HttpCodec, name, handler);
			}
		});
	}

}
