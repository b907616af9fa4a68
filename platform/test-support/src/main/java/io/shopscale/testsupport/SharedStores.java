package io.shopscale.testsupport;

import io.shopscale.stores.LocalStores;
import io.shopscale.stores.StoreSettings;

/**
 * Real PostgreSQL, Redis and Kafka for one test JVM: started on random ports the first time a test asks, stopped
 * when the JVM exits. External stores named by the usual environment variables are used instead when set.
 */
public final class SharedStores {

    private static LocalStores stores;

    private SharedStores() {
    }

    public static synchronized LocalStores get() {
        if (stores == null) {
            stores = LocalStores.start(StoreSettings.fromEnvironment(System.getenv(), 0, 0, 0, 0, null));
            LocalStores started = stores;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-stores-shutdown"));
        }
        return stores;
    }
}
