package io.shopscale.gateway.requestid;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

import org.springframework.web.server.ServerWebExchange;

/**
 * The id that ties together the gateway's answer, the backend's logs and the client's report of one
 * request. A caller may bring its own; otherwise the gateway makes one.
 */
public final class RequestId {

	public static final String HEADER = "X-Request-Id";

	/** Key of the id in the logging MDC and in the Reactor context. */
	public static final String MDC_KEY = "requestId";

	static final String ATTRIBUTE = RequestId.class.getName();

	static final int MAX_LENGTH = 128;

	private RequestId() {
	}

	/** The id this exchange carries, or a fresh one if it never passed the request id filter. */
	public static String of(ServerWebExchange exchange) {
		String id = exchange.getAttribute(ATTRIBUTE);
		return (id != null) ? id : generate();
	}

	/** An incoming id is kept only if it is a single value that is safe to log and to echo in headers. */
	static boolean isAcceptable(@Nullable List<String> values) {
		return values != null && values.size() == 1 && isValid(values.getFirst());
	}

	/** The caller's own id if it is an acceptable one, else a new one. */
	public static String keptOrGenerated(@Nullable List<String> values) {
		return isAcceptable(values) ? values.getFirst() : generate();
	}

	static boolean isValid(@Nullable String candidate) {
		if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
			return false;
		}
		for (int i = 0; i < candidate.length(); i++) {
			char c = candidate.charAt(i);
			boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
					|| c == '_' || c == '-';
			if (!allowed) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A random (version 4) UUID. Drawn from {@link ThreadLocalRandom} rather than
	 * {@link UUID#randomUUID()}: an id needs uniqueness, not secrecy, and the shared SecureRandom would be
	 * a point of contention on every request.
	 */
	public static String generate() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long mostSignificant = (random.nextLong() & ~0xF000L) | 0x4000L;
		long leastSignificant = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(mostSignificant, leastSignificant).toString();
	}

}
