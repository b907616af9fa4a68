package io.shopscale.gateway.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.shopscale.gateway.requestid.RequestId;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

/**
 * Problem+json answers written straight onto a connection, below WebFlux: for requests the gateway answers before
 * (or instead of) building an exchange. They carry what every other error of the edge carries: a request id, in the
 * body and as a header, {@code no-store} and {@code nosniff}.
 */
public final class ConnectionProblems {

	private final JsonMapper json;

	public ConnectionProblems(JsonMapper json) {
		this.json = json;
	}

	/** A new answer with the given status and detail, for the request of that id. */
	public FullHttpResponse answer(HttpResponseStatus status, String detail, String requestId) {
		return explain(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.EMPTY_BUFFER), detail,
				requestId);
	}

	/** The given bodiless answer with a problem document as its body; the original is released. */
	public FullHttpResponse explain(FullHttpResponse response, String detail) {
		return explain(response, detail, RequestId.generate());
	}

	private FullHttpResponse explain(FullHttpResponse response, String detail, String requestId) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", Problem.ABOUT_BLANK);
		problem.put("title", response.status().reasonPhrase());
		problem.put("status", response.status().code());
		problem.put("detail", detail);
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
