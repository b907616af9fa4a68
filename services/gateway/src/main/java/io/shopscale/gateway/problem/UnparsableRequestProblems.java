package io.shopscale.gateway.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.shopscale.gateway.edge.ConnectionHandlers;
import io.shopscale.gateway.requestid.RequestId;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.MediaType;
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

	private final JsonMapper json;

	UnparsableRequestProblems(JsonMapper json) {
		this.json = json;
	}

	@Override
	public HttpServer apply(HttpServer server) {
		return ConnectionHandlers.afterCodec(server, HANDLER_NAME, this);
	}

	@Override
	public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) throws Exception {
		if (message instanceof FullHttpResponse response && isBareRejection(response)) {
			context.write(explained(response), promise);
			return;
		}
		super.write(context, message, promise);
	}

	private static boolean isBareRejection(FullHttpResponse response) {
		return REJECTIONS.contains(response.status()) && !response.content().isReadable()
				&& !response.headers().contains(HttpHeaderNames.CONTENT_TYPE);
	}

	private FullHttpResponse explained(FullHttpResponse response) {
		String requestId = RequestId.generate();
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", Problem.ABOUT_BLANK);
		problem.put("title", response.status().reasonPhrase());
		problem.put("status", response.status().code());
		problem.put("detail", DETAIL);
		problem.put("requestId", requestId);
		byte[] body = this.json.writeValueAsBytes(problem);
		FullHttpResponse explained = response.replace(Unpooled.wrappedBuffer(body));
		response.release();
		HttpHeaders headers = explained.headers();
		headers.set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		headers.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
		headers.set(HttpHeaderNames.CACHE_CONTROL, "no-store");
		headers.set(RequestId.HEADER, requestId);
		headers.set("X-Content-Type-Options", "nosniff");
		return explained;
	}

}
