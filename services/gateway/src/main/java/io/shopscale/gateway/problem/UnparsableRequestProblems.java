package io.shopscale.gateway.problem;

import java.util.Set;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.shopscale.gateway.edge.ConnectionHandlers;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;

/**
 * Requests the HTTP server turns away before any filter runs are answered with an empty body: a request line
 * over the limit (414), headers over the limit (431), and a URL that cannot be parsed at all, such as a broken
 * percent-escape {@code %zz} (400). This gives those answers the problem+json body every other error of the edge
 * has, by rewriting them on their way out of the connection. It leaves alone anything with a body or a content
 * type, so what the gateway and the services write passes untouched.
 */
@Component
@Sharable
class UnparsableRequestProblems extends ChannelOutboundHandlerAdapter implements NettyServerCustomizer {

	static final String DETAIL = "The request's URL or headers are not accepted.";

	private static final String HANDLER_NAME = "shopscale.unparsableRequestProblems";

	private static final Set<HttpResponseStatus> REJECTIONS = Set.of(HttpResponseStatus.BAD_REQUEST,
			HttpResponseStatus.REQUEST_URI_TOO_LONG, HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE);

	private final ConnectionProblems problems;

	UnparsableRequestProblems(JsonMapper json) {
		this.problems = new ConnectionProblems(json);
	}

	@Override
	public HttpServer apply(HttpServer server) {
		return ConnectionHandlers.afterCodec(server, HANDLER_NAME, this);
	}

	@Override
	public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) throws Exception {
		if (message instanceof FullHttpResponse response && isBareRejection(response)) {
			context.write(this.problems.explain(response, DETAIL), promise);
			return;
		}
		super.write(context, message, promise);
	}

	private static boolean isBareRejection(FullHttpResponse response) {
		return REJECTIONS.contains(response.status()) && !response.content().isReadable()
				&& !response.headers().contains(HttpHeaderNames.CONTENT_TYPE);
	}

}
