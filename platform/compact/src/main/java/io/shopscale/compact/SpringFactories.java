package io.shopscale.compact;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;

/** The class names that the {@code META-INF/spring.factories} files of the shared class path list, read once. */
final class SpringFactories {

    private static volatile Set<String> named;

    private SpringFactories() {
    }

    static Set<String> namedOnSharedClassPath() {
        Set<String> result = named;
        if (result == null) {
            synchronized (SpringFactories.class) {
                if (named == null) {
                    named = read(ClassLoader.getSystemClassLoader());
                }
                result = named;
            }
        }
        return result;
    }

    static Set<String> read(ClassLoader loader) {
        var names = new HashSet<String>();
        try {
            for (URL url : Collections.list(loader.getResources("META-INF/spring.factories"))) {
                var factories = new Properties();
                try (InputStream in = url.openStream()) {
                    factories.load(in);
                }
                factories.values().forEach(value -> Arrays.stream(value.toString().split(","))
                        .map(String::trim).filter(name -> !name.isEmpty()).forEach(names::add));
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read spring.factories", ex);
        }
        return Set.copyOf(names);
    }
}
