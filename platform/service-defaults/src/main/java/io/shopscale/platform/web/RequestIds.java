package io.shopscale.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;

/** The request id every hop passes on, so one user action can be followed through all logs. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private RequestIds() {
    }

    /** Keeps a well-formed incoming id; anything else (absent, too long, odd characters) gets a new one. */
    public static String acceptOrCreate(String incoming) {
        if (incoming != null && ACCEPTABLE.matcher(incoming).matches()) {
            return incoming;
        }
        return UUID.randomUUID().toString();
    }
}
