package io.shopscale.e2e;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What another machine could connect to: the platform's ports as seen from this machine's non-loopback address. */
final class NetworkSurface {

    private NetworkSurface() {
    }

    /** An address of this machine that other machines could reach, if it has one (a container without network may not). */
    static Optional<InetAddress> externalAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(NetworkSurface::isUp)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .sorted((a, b) -> Boolean.compare(b instanceof Inet4Address, a instanceof Inet4Address))
                .findFirst();
    }

    /** For each port, whether a TCP connection to {@code address} is accepted. */
    static Map<Integer, Boolean> accepts(InetAddress address, Collection<Integer> ports) {
        var accepted = new LinkedHashMap<Integer, Boolean>();
        for (int port : ports) {
            accepted.put(port, connects(address, port));
        }
        return accepted;
    }

    private static boolean connects(InetAddress address, int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 1_000);
            return true;
        }
        catch (IOException refused) {
            return false;
        }
    }

    private static boolean isUp(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        }
        catch (SocketException unknown) {
            return false;
        }
    }
}
