package io.shopscale.identity.login;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IP address or a CIDR range ({@code 10.0.0.0/8}, {@code fd00::/8}); a single address is a range of one.
 *
 * <p>Text is read as an address only when it is an address literal: a dotted quad, or hex digits, dots and at least
 * one colon (which {@link InetAddress} parses as IPv6 and never looks up). Anything else is refused rather than
 * handed to the resolver, because the text may come from a request header and must not make this service ask DNS.
 *
 * @param network the first address of the range
 * @param prefixLength how many leading bits every address of the range shares with {@code network}
 */
record IpRange(InetAddress network, int prefixLength) {

    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern IPV6 = Pattern.compile("(?=.*:)[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}");

    IpRange {
        int bits = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("a prefix of " + network.getHostAddress() + " must be 0 to " + bits);
        }
        network = masked(network, prefixLength);
    }

    /** An address ({@code 192.0.2.1}, {@code ::1}) or a range ({@code 192.0.2.0/24}, {@code 2001:db8::/32}). */
    static IpRange parse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        InetAddress network = literal(address)
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not an IP address or CIDR range"));
        if (slash < 0) {
            return new IpRange(network, network.getAddress().length * 8);
        }
        String prefix = trimmed.substring(slash + 1);
        if (!prefix.matches("\\d{1,3}")) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR range");
        }
        return new IpRange(network, Integer.parseInt(prefix));
    }

    /** The address this text is a literal of; empty for anything else, without ever asking DNS. */
    static Optional<InetAddress> literal(String text) {
        if (!IPV4.matcher(text).matches() && !IPV6.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
    }

    boolean contains(InetAddress address) {
        return network.equals(masked(address, prefixLength))
                && address.getAddress().length == network.getAddress().length;
    }

    private static InetAddress masked(InetAddress address, int prefixLength) {
        byte[] bytes = address.getAddress();
        for (int i = 0; i < bytes.length; i++) {
            int keep = Math.clamp(prefixLength - i * 8L, 0, 8);
            bytes[i] &= (byte) (0xFF << (8 - keep));
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
