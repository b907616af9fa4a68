package io.shopscale.launcher.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port probing on this machine. */
public final class Ports {

    private Ports() {
    }

    /**
     * Whether a server could not listen on the port right now. Binds the wildcard address the way the services do, so
     * a listener on any local address counts; a port left in TIME_WAIT does not.
     */
    public static boolean inUse(int port) {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return false;
        }
        catch (IOException taken) {
            return true;
        }
    }

    /** A port that was free a moment ago, chosen by the operating system. */
    public static int free() {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(0));
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("no free port", ex);
        }
    }
}
