package io.shopscale.loadtest.http;

import java.time.Duration;
import java.util.Map;

/** The HTTP clients the tool can measure with; running both and comparing shows what is the tool's share. */
public enum Client {

    /** {@link SocketTransport}: the lean default. */
    SOCKET,

    /** {@link JdkTransport}: the JDK's HttpClient, as a cross-check. */
    JDK;

    public Transport create(Map<String, String> headers, Duration timeout) {
        return switch (this) {
            case SOCKET -> new SocketTransport(headers, timeout);
            case JDK -> new JdkTransport(headers, timeout);
        };
    }
}
