package io.shopscale.compact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.SpringVersion;

class ServiceClassLoaderTests {

    @TempDir
    Path dir;

    @Test
    void eachServiceFindsItsOwnConfigurationAmongSameNamedFiles() throws IOException {
        Path catalog = jar("catalog.jar", "application.yml", "spring.application.name: catalog");
        Path orders = jar("orders.jar", "application.yml", "spring.application.name: orders");
        try (var shared = new URLClassLoader(new URL[] {catalog.toUri().toURL(), orders.toUri().toURL()}, null)) {
            var catalogView = new ServiceClassLoader("catalog", shared, Set.of("catalog.jar"), Set.of());
            var ordersView = new ServiceClassLoader("orders", shared, Set.of("orders.jar"), Set.of());

            assertThat(read(catalogView, "application.yml")).isEqualTo("spring.application.name: catalog");
            assertThat(read(ordersView, "application.yml")).isEqualTo("spring.application.name: orders");
            assertThat(Collections.list(ordersView.getResources("application.yml"))).hasSize(1);
        }
    }

    @Test
    void aViewLoadsTheSharedCopyOfItsOwnJarsClassesAndNoOtherJarsClasses() throws Exception {
        ClassLoader shared = getClass().getClassLoader();
        String springCore = ServiceClassLoader.jarFileName(shared.getResource("org/springframework/core/SpringVersion.class"));
        var catalog = new ServiceClassLoader("catalog", shared, Set.of(springCore), Set.of());
        var orders = new ServiceClassLoader("orders", shared, Set.of(springCore), Set.of());

        assertThat(catalog.loadClass(SpringVersion.class.getName())).isSameAs(SpringVersion.class)
                .isSameAs(orders.loadClass(SpringVersion.class.getName()));
        assertThat(catalog.loadClass(String.class.getName())).isSameAs(String.class);
        assertThatThrownBy(() -> catalog.loadClass(Test.class.getName())).isInstanceOf(ClassNotFoundException.class)
                .hasMessageContaining("catalog");
    }

    @Test
    void aClassThatSomeSpringFactoriesFileNamesStaysLoadable() throws Exception {
        var cart = new ServiceClassLoader("cart", getClass().getClassLoader(), Set.of(), Set.of(Test.class.getName()));

        assertThat(cart.loadClass(Test.class.getName())).isSameAs(Test.class);
    }

    @Test
    void resourcesOfJarsOutsideTheServicesClassPathAreNotFound() throws IOException {
        Path gateway = jar("gateway.jar", "META-INF/spring/imports", "reactive");
        try (var shared = new URLClassLoader(new URL[] {gateway.toUri().toURL()}, null)) {
            var cart = new ServiceClassLoader("cart", shared, Set.of("cart.jar"), Set.of());

            assertThat(cart.getResource("META-INF/spring/imports")).isNull();
            assertThat(Collections.list(cart.getResources("META-INF/spring/imports"))).isEmpty();
        }
    }

    @Test
    void aThreadNamesTheServiceOfTheNearestViewAmongItsLoaders() throws IOException {
        var view = new ServiceClassLoader("gateway", getClass().getClassLoader(), Set.of(), Set.of());
        try (var webApplicationLoader = new URLClassLoader(new URL[0], view)) {
            assertThat(ServiceClassLoader.serviceOf(webApplicationLoader)).isEqualTo("gateway");
        }
        assertThat(ServiceClassLoader.serviceOf(getClass().getClassLoader())).isNull();
    }

    @Test
    void jarFileNamesComeFromJarAndFileUrls() throws IOException {
        assertThat(ServiceClassLoader.jarFileName(new URL("jar:file:/a/lib/spring-core-7.0.1.jar!/org/A.class")))
                .isEqualTo("spring-core-7.0.1.jar");
        assertThat(ServiceClassLoader.jarFileName(new URL("file:/a/lib/x.jar"))).isEqualTo("x.jar");
        assertThat(ServiceClassLoader.jarFileName(new URL("file:/a/classes/"))).isNull();
    }

    private Path jar(String name, String entry, String content) throws IOException {
        Path jar = dir.resolve(name);
        try (var out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(entry));
            out.write(content.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    private static String read(ClassLoader loader, String resource) throws IOException {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
