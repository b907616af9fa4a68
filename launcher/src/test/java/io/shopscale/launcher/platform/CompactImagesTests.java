package io.shopscale.launcher.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

class CompactImagesTests {

    @TempDir
    Path dir;

    @Test
    void everyLibraryIsOnTheOneClassPathOnceAndEveryServiceKnowsItsOwnJars() throws IOException {
        Path host = jar(dir.resolve("compact-1.jar"), null, null, "io/shopscale/compact/CompactPlatform.class");
        Path catalog = image("catalog", "io.shopscale.catalog.CatalogApplication", "spring-core-7.jar", "postgresql-42.jar");
        Path gateway = image("gateway", "io.shopscale.gateway.GatewayApplication", "spring-core-7.jar", "netty-4.jar");

        Path compact = new CompactImages(dir.resolve("apps/compact")).prepare(host, List.of(
                new CompactImages.HostedImage("catalog", catalog), new CompactImages.HostedImage("gateway", gateway)));

        try (var jar = new JarFile(compact.toFile())) {
            Attributes attributes = jar.getManifest().getMainAttributes();
            assertThat(attributes.getValue("Main-Class")).isEqualTo("io.shopscale.compact.CompactPlatform");
            assertThat(attributes.getValue("Class-Path")).isEqualTo("services/catalog.jar services/gateway.jar "
                    + "lib/spring-core-7.jar lib/postgresql-42.jar lib/netty-4.jar");
            assertThat(jar.getEntry("io/shopscale/compact/CompactPlatform.class")).isNotNull();
        }
        assertThat(Files.readAllLines(compact.resolveSibling(CompactImages.TABLE))).contains(
                "catalog io.shopscale.catalog.CatalogApplication catalog.jar spring-core-7.jar postgresql-42.jar",
                "gateway io.shopscale.gateway.GatewayApplication gateway.jar spring-core-7.jar netty-4.jar");
        try (var own = new JarFile(compact.resolveSibling("services/catalog.jar").toFile())) {
            // Its libraries come from the host's class path; its own would name directories that do not exist here.
            assertThat(own.getManifest().getMainAttributes().getValue("Class-Path")).isNull();
            assertThat(new String(own.getInputStream(own.getEntry("application.yml")).readAllBytes(),
                    StandardCharsets.UTF_8)).isEqualTo("name: catalog");
        }
        assertThat(Files.isSameFile(compact.resolveSibling("lib/netty-4.jar"), gateway.resolveSibling("lib/netty-4.jar")))
                .as("a hard link, not a copy").isTrue();
    }

    @Test
    void theImageIsAssembledOnceAndAgainOnlyForAnotherBuild() throws IOException {
        Path host = jar(dir.resolve("compact-1.jar"), null, null, "Host.class");
        Path catalog = image("catalog", "io.shopscale.catalog.CatalogApplication", "spring-core-7.jar");
        var images = new CompactImages(dir.resolve("apps/compact"));
        List<CompactImages.HostedImage> services = List.of(new CompactImages.HostedImage("catalog", catalog));

        Path first = images.prepare(host, services);
        Path again = images.prepare(host, services);
        Path rebuilt = images.prepare(host, List.of(new CompactImages.HostedImage("catalog",
                image("catalog-rebuilt", "io.shopscale.catalog.CatalogApplication", "spring-core-7.jar"))));
        images.prune(rebuilt);

        assertThat(again).isEqualTo(first);
        assertThat(rebuilt).isNotEqualTo(first).exists();
        assertThat(first).doesNotExist();
    }

    /** An unpacked service image as {@link AppImages} leaves it: the application jar beside its lib folder. */
    private Path image(String name, String mainClass, String... libraries) throws IOException {
        Path image = Files.createDirectories(dir.resolve("apps").resolve(name).resolve("stamp"));
        Path lib = Files.createDirectories(image.resolve("lib"));
        for (String library : libraries) {
            jar(lib.resolve(library), null, null, library + ".class");
        }
        return jar(image.resolve(name + "-exec.jar"), mainClass,
                String.join(" ", java.util.Arrays.stream(libraries).map(library -> "lib/" + library).toList()),
                "application.yml");
    }

    private static Path jar(Path path, String mainClass, String classPath, String entry) throws IOException {
        var manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (mainClass != null) {
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        }
        if (classPath != null) {
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        }
        try (var out = new JarOutputStream(Files.newOutputStream(path), manifest)) {
            out.putNextEntry(new JarEntry(entry));
            String name = path.getParent().getParent().getFileName().toString();
            out.write(("name: " + (entry.equals("application.yml") ? name.replace("-rebuilt", "") : entry))
                    .getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return path;
    }
}
