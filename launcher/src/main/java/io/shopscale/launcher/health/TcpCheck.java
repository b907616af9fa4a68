package io.shopscale.launcher.health;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;

/** UP when every port accepts a TCP connection on the loopback address; DOWN when only some do. */
record TcpCheck(List<Integer> ports) implements HealthCheck {

    private static final int CONNECT_TIMEOUT_MILLIS = 500;

    TcpCheck {
        ports = List.copyOf(ports);
    }

    @Override
    public String description() {
        return "TCP ports " + ports + " did not all accept connections";
    }

    @Override
    public Health probe() {
        long open = ports.stream().filter(TcpCheck::accepts).count();
        if (open == ports.size()) {
            return Health.UP;
        }
        return open == 0 ? Health.UNREACHABLE : Health.DOWN;
    }

    private static boolean accepts(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), CONNECT_TIMEOUT_MILLIS);
            return true;
        }
        catch (IOException refused) {
            return false;
        }
    }
}
