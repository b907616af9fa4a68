package io.shopscale.psp.fault;

import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * Opens and closes the charge port for a simulated outage. Closing stops the Tomcat connector, which unbinds its
 * socket (Boot binds on start, not on init), so clients get "connection refused" as from a provider that is down,
 * not a hang; connections open at that moment are closed. Reopening binds the same port again.
 */
public class ChargePort {

    private final WebServerApplicationContext context;
    /** The port actually bound, so that a random port (0, in tests) comes back as the same port. */
    private int boundPort = -1;

    public ChargePort(WebServerApplicationContext context) {
        this.context = context;
    }

    synchronized void refuseConnections() {
        Connector connector = connector();
        if (connector.getState().isAvailable()) {
            boundPort = connector.getLocalPort();
            try {
                connector.stop();
            } catch (LifecycleException e) {
                throw new IllegalStateException("cannot close the charge port", e);
            }
        }
    }

    synchronized void acceptConnections() {
        Connector connector = connector();
        if (!connector.getState().isAvailable()) {
            connector.setPort(boundPort);
            try {
                connector.start();
            } catch (LifecycleException e) {
                throw new IllegalStateException("cannot reopen the charge port " + boundPort, e);
            }
        }
    }

    private Connector connector() {
        if (context.getWebServer() instanceof TomcatWebServer tomcat) {
            return tomcat.getTomcat().getConnector();
        }
        throw new IllegalStateException("simulating an outage needs the embedded Tomcat");
    }
}
