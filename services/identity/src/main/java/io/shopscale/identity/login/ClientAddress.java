package io.shopscale.identity.login;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The address a login came from. Behind the gateway that is the last {@code X-Forwarded-For} hop, the one the gateway
 * itself appended; earlier hops are whatever the client claimed and are ignored. Without the header (or when it is
 * not trusted, or holds no IP address) it is the peer address of the connection.
 */
final class ClientAddress {

    private static final Pattern IP_ADDRESS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private ClientAddress() {
    }

    static String of(HttpServletRequest request, boolean trustForwardedFor) {
        if (trustForwardedFor) {
            List<String> headers = Collections.list(request.getHeaders("X-Forwarded-For"));
            if (!headers.isEmpty()) {
                String header = headers.getLast();
                String lastHop = header.substring(header.lastIndexOf(',') + 1).strip();
                if (IP_ADDRESS.matcher(lastHop).matches()) {
                    return lastHop;
                }
            }
        }
        return request.getRemoteAddr();
    }
}
