package io.shopscale.gateway.admission;

import java.util.ArrayDeque;
import java.util.Optional;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.shopscale.gateway.problem.ConnectionProblems;
import io.shopscale.gateway.requestid.RequestId;
import io.shopscale.platform.admission.AdmissionControl;
import io.shopscale.platform.admission.RequestPriorities;

/**
 * The edge's admission control on one connection, right after the HTTP codec: a request gets a slot of the gateway's
 * adaptive concurrency limit, by priority, before the server builds an exchange for it; without one it is answered
 * 429 with {@code Retry-After} here, and never reaches WebFlux, the token check, the rate limiter or a backend. A
 * refusal costs the codec and one small write, so refusing the excess leaves the cores to the requests admitted.
 *
 * <p>A slot is held until the last byte of its answer is written, so the limit follows the latency of the whole
 * platform behind the gateway. Answers go out in the order requests came in (HTTP/1.1), also for a client that
 * pipelines: a refusal that arrives behind a request still being answered waits for that answer, then goes out.
 */
final class AdmissionHandler extends ChannelDuplexHandler {

	/** What the connection still owes an answer to, oldest first. */
	private final ArrayDeque<Pending> pending = new ArrayDeque<>(2);

	private final AdmissionControl admission;

	private final ConnectionProblems problems;

	/** The refused request's body is still arriving: it is read and dropped. */
	private boolean droppingBody;

	/** The status of the answer being written, once its head has gone out. */
	private int answerStatus;

	AdmissionHandler(AdmissionControl admission, ConnectionProblems problems) {
		this.admission = admission;
		this.problems = problems;
	}

	@Override
	public void channelRead(ChannelHandlerContext context, Object message) throws Exception {
		if (message instanceof HttpRequest request) {
			this.droppingBody = false;
			Pending next = admit(request);
			if (next instanceof Refused refused) {
				this.droppingBody = !(message instanceof LastHttpContent);
				ReferenceCountUtil.release(message);
				this.pending.add(refused);
				writeRefusalsDue(context);
				context.read();
				return;
			}
			this.pending.add(next);
		}
		else if (this.droppingBody && message instanceof HttpContent) {
			this.droppingBody = !(message instanceof LastHttpContent);
			ReferenceCountUtil.release(message);
			context.read();
			return;
		}
		context.fireChannelRead(message);
	}

	private Pending admit(HttpRequest request) {
		String path = pathOf(request.uri());
		if (request.decoderResult().isFailure() || !RequestPriorities.isAdmitted(path)) {
			return new Admitted(null);
		}
		Optional<AdmissionControl.Permit> permit = this.admission
			.tryAdmit(RequestPriorities.of(request.method().name(), path));
		return permit.<Pending>map(Admitted::new)
			.orElseGet(() -> new Refused(RequestId.keptOrGenerated(request.headers().getAll(RequestId.HEADER)),
					HttpUtil.isKeepAlive(request)));
	}

	@Override
	public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) throws Exception {
		if (message instanceof HttpResponse response) {
			this.answerStatus = response.status().code();
		}
		context.write(message, promise);
		if (message instanceof LastHttpContent && !isInterim(this.answerStatus)
				&& this.pending.peek() instanceof Admitted admitted) {
			this.pending.poll();
			admitted.answered(this.answerStatus);
			writeRefusalsDue(context);
		}
		else if (this.answerStatus == HttpResponseStatus.SWITCHING_PROTOCOLS.code()
				&& this.pending.peek() instanceof Admitted admitted) {
			// The connection stops being HTTP (a WebSocket): it no longer says anything about the platform's latency.
			this.pending.poll();
			admitted.ignored();
		}
	}

	/** Refusals at the head of the line go out now; one behind a request still being answered waits for it. */
	private void writeRefusalsDue(ChannelHandlerContext context) {
		while (this.pending.peek() instanceof Refused refused) {
			this.pending.poll();
			FullHttpResponse answer = this.problems.answer(HttpResponseStatus.TOO_MANY_REQUESTS,
					this.admission.refusalDetail(), refused.requestId());
			answer.headers().set(HttpHeaderNames.RETRY_AFTER, this.admission.retryAfterSeconds());
			if (refused.keepAlive()) {
				context.writeAndFlush(answer);
			}
			else {
				answer.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
				context.writeAndFlush(answer).addListener(ChannelFutureListener.CLOSE);
			}
		}
	}

	@Override
	public void channelInactive(ChannelHandlerContext context) throws Exception {
		// The client went away: what it was waiting for says nothing about how fast the platform answers.
		for (Pending waiting : this.pending) {
			if (waiting instanceof Admitted admitted) {
				admitted.ignored();
			}
		}
		this.pending.clear();
		super.channelInactive(context);
	}

	private static boolean isInterim(int status) {
		return status >= 100 && status < 200;
	}

	/** The path of a request target in origin form ({@code /a/b?q}) or absolute form ({@code http://host/a/b}). */
	static String pathOf(String uri) {
		int start = 0;
		if (!uri.startsWith("/")) {
			int scheme = uri.indexOf("://");
			if (scheme < 0) {
				return uri;
			}
			int slash = uri.indexOf('/', scheme + 3);
			if (slash < 0) {
				return "/";
			}
			start = slash;
		}
		int end = uri.length();
		int query = uri.indexOf('?', start);
		if (query >= 0) {
			end = query;
		}
		int fragment = uri.indexOf('#', start);
		if (fragment >= 0 && fragment < end) {
			end = fragment;
		}
		return uri.substring(start, end);
	}

	private sealed interface Pending permits Admitted, Refused {

	}

	/** An admitted request; its permit is null when the path is never limited (probes). */
	private record Admitted(AdmissionControl.Permit permit) implements Pending {

		void answered(int status) {
			if (this.permit != null) {
				this.permit.closeWith(status);
			}
		}

		void ignored() {
			if (this.permit != null) {
				this.permit.ignored();
			}
		}

	}

	private record Refused(String requestId, boolean keepAlive) implements Pending {

	}

}
