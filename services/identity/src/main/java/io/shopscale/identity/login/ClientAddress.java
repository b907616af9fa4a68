package io.shopscale.identity.login;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The address a login came from: the connection's peer, unless the peer is a trusted proxy (the gateway). Then
 * {@code X-Forwarded-For} is read from the right, where each proxy appended the peer it saw, past further trusted
 * proxies to the first address that is not one. Hops left of it are whatever the client claimed and are ignored.
 *
 * <p>With no trusted proxies (the default) the header is never read: a client that reaches this service directly
 * would otherwise name a fresh address for every guess and never meet a per-address budget.
 */
final class ClientAddress {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<IpRange> trustedProxies;

    /** @param trustedProxies IP addresses and CIDR ranges whose {@code X-Forwarded-For} is believed */
    ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(ClientAddress::trustedProxy).toList();
    }

    String of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), Collections.list(request.getHeaders(FORWARDED_FOR)));
    }

    /**
     * @param peer the connection's peer address
     * @param forwardedFor the {@code X-Forwarded-For} header lines in the order they arrived
     */
    String of(String peer, List<String> forwardedFor) {
        // A link-local peer may carry its interface (fe80::1%eth0); the budget is the address's.
        int zone = peer.indexOf('%');
        Optional<InetAddress> peerAddress = IpRange.literal(zone < 0 ? peer : peer.substring(0, zone));
        if (peerAddress.isEmpty()) {
            return peer;
        }
        InetAddress nearest = peerAddress.get();
        if (!isTrusted(nearest)) {
            return nearest.getHostAddress();
        }
        for (int line = forwardedFor.size() - 1; line >= 0; line--) {
            String[] hops = forwardedFor.get(line).split(",", -1);
            for (int hop = hops.length - 1; hop >= 0; hop--) {
                String text = hops[hop].strip();
                if (text.isEmpty()) {
                    continue;
                }
                Optional<InetAddress> address = IpRange.literal(text);
                if (address.isEmpty()) {
                    // Nothing beyond this hop can be believed, and the text itself must not become a budget of its
                    // own: a fresh string for every guess would be a fresh budget.
                    return nearest.getHostAddress();
                }
                if (!isTrusted(address.get())) {
                    return address.get().getHostAddress();
                }
                nearest = address.get();
            }
        }
        // Every hop is a trusted proxy: the farthest one is as close to the client as can be told.
        return nearest.getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(range -> range.contains(address));
    }

    private static IpRange trustedProxy(String text) {
        try {
            return IpRange.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("shopscale.identity.login.trusted-proxies: " + e.getMessage(), e);
        }
    }
}
