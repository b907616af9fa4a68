package io.shopscale.gateway.edge;

import java.util.function.Supplier;

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
		return afterCodec(server, name, () -> handler);
	}

	/** As above, with a handler of its own for each connection, for handlers that keep a connection's state. */
	public static HttpServer afterCodec(HttpServer server, String name, Supplier<ChannelHandler> handlers) {
		return server.doOnChannelInit((observer, channel, remoteAddress) -> {
			if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
				channel.pipeline().addAfter(NettyPipeline.HttpCodec, name, handlers.get());
			}
		});
	}

}
