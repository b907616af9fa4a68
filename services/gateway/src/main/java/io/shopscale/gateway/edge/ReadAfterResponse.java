package io.shopscale.gateway.edge;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;

/**
 * Keeps kept-alive connections reading. Reactor Netty's HTTP/1.1 server up to 1.3.6 can stop reading a connection
 * for good: a request that arrives while the previous exchange is still finishing is queued, and when that queue
 * drains without starting a new exchange, nothing asks the socket for more (reactor/reactor-netty#4347, #4361). The
 * client's next request is then never read and it waits until it gives up. After every complete response this asks
 * the connection for its next read. A read the server did not need yet costs nothing: it queues what arrives early,
 * as it does for a pipelining client. To be removed with the Reactor Netty release that carries the fix.
 */
@Component
@Sharable
public class ReadAfterResponse extends ChannelOutboundHandlerAdapter implements NettyServerCustomizer {

	private static final String HANDLER_NAME = "shopscale.readAfterResponse";

	@Override
	public HttpServer apply(HttpServer server) {
		return ConnectionHandlers.afterCodec(server, HANDLER_NAME, this);
	}

	@Override
	public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) throws Exception {
		if (message instanceof LastHttpContent) {
			ChannelPromise written = promise.unvoid();
			written.addListener(result -> {
				if (result.isSuccess() && context.channel().isActive()) {
					context.read();
				}
			});
			super.write(context, message, written);
			return;
		}
		super.write(context, message, promise);
	}

}
