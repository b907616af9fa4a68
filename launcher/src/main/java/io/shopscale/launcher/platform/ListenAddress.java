package io.shopscale.launcher.platform;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Map;

/**
 * Where the gateway listens. It is the platform's only public door: every other component binds loopback, so that
 * nothing but the gateway (its limits, its token checks) is reachable from another machine.
 */
public final class ListenAddress {

    public static final String LOOPBACK = "127.0.0.1";

    private ListenAddress() {
    }

    /**
     * The address as the gateway should bind it: an IP literal of this machine, or a wildcard ({@code 0.0.0.0},
     * {@code ::}) for every interface. A name is resolved once here, so the gateway and the launcher agree.
     *
     * @throws InvalidSettingException when it is not an address of this machine
     */
    public static String validate(String address) {
        String given = address.strip();
        InetAddress resolved;
        try {
            resolved = InetAddress.getByName(given);
        }
        catch (UnknownHostException unknown) {
            throw new InvalidSettingException("--listen " + given + ": no such address");
        }
        try {
            if (!resolved.isAnyLocalAddress() && !resolved.isLoopbackAddress()
                    && NetworkInterface.getByInetAddress(resolved) == null) {
                throw new InvalidSettingException("--listen " + given + ": not an address of this machine");
            }
        }
        catch (SocketException unreadable) {
            throw new InvalidSettingException("--listen " + given + ": cannot list this machine's addresses");
        }
        return resolved.getHostAddress();
    }

    /** Where the launcher reaches the gateway's main port: its address, or loopback when it listens on every one. */
    public static String probeHost(Map<String, String> serviceEnvironment) {
        String address = serviceEnvironment.getOrDefault(Settings.GATEWAY_ADDRESS_VARIABLE, LOOPBACK);
        try {
            return InetAddress.getByName(address).isAnyLocalAddress() ? LOOPBACK : address;
        }
        catch (UnknownHostException unresolvable) {
            return LOOPBACK;
        }
    }
}
