package io.shopscale.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Makes sure the shared stores run and empties Redis before each test class, so classes do not see each other. */
public final class RealStoresExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        var redis = SharedStores.get().redis();
        redis.restart();
        redis.flushAll();
    }
}
