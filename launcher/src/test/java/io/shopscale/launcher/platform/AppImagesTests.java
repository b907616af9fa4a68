package io.shopscale.launcher.platform;

import io.shopscale.launcher.FakeComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AppImagesTests {

    @TempDir
    Path dir;

    @Test
    void aBootJarIsUnpackedIntoAPlainJarWithItsLibrariesOnTheClassPath() throws Exception {
        Path fatJar = bootJar(dir.resolve("catalog-exec.jar"));
        var images = new AppImages(dir.resolve("apps"));
        assertThat(images.runnableJar(fatJar)).isEqualTo(fatJar);

        images.prepare(fatJar);

        Path image = images.runnableJar(fatJar);
        assertThat(image).isNotEqualTo(fatJar).hasFileName("catalog-exec.jar");
        assertThat(image.resolveSibling("lib/first.jar")).exists();
        assertThat(image.resolveSibling("lib/second.jar")).exists();
        try (var jar = new JarFile(image.toFile())) {
            Attributes attributes = jar.getManifest().getMainAttributes();
            assertThat(attributes.getValue("Main-Class")).isEqualTo(FakeComponent.class.getName());
            assertThat(attributes.getValue("Class-Path")).isEqualTo("lib/second.jar lib/first.jar");
            assertThat(attributes.getValue("Implementation-Title")).isEqualTo("catalog");
            assertThat(attributes.getValue("Start-Class")).isNull();
            assertThat(jar.getEntry("application.yml")).isNotNull();
            // Boot keeps the application's META-INF at the root: service loaders and .imports files must survive.
            assertThat(jar.getEntry("META-INF/spring/org.example.Imports.imports")).isNotNull();
            assertThat(jar.getEntry("META-INF/services/org.example.Service")).isNotNull();
            assertThat(jar.getEntry(FakeComponent.class.getName().replace('.', '/') + ".class")).isNotNull();
        }
    }

    @Test
    void theUnpackedJarRuns() throws Exception {
        Path fatJar = bootJar(dir.resolve("catalog-exec.jar"));
        var images = new AppImages(dir.resolve("apps"));
        images.prepare(fatJar);
        int port = Ports.free();

        var builder = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-jar",
                images.runnableJar(fatJar).toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("run.log").toFile());
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        Process process = builder.start();
        try {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Files.readString(dir.resolve("run.log")).contains("ready"));
        }
        finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRebuiltJarGetsANewImageAndPruningRemovesTheOldOne() throws IOException {
        Path fatJar = bootJar(dir.resolve("catalog-exec.jar"));
        var images = new AppImages(dir.resolve("apps"));
        images.prepare(fatJar);
        Path first = images.runnableJar(fatJar);

        Files.setLastModifiedTime(fatJar, FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(images.isPrepared(fatJar)).isFalse();
        images.prepare(fatJar);
        Path second = images.runnableJar(fatJar);

        assertThat(second).isNotEqualTo(first).exists();
        assertThat(first).exists();
        images.prune(fatJar);
        assertThat(first).doesNotExist();
        assertThat(second).exists();
    }

    @Test
    void aPlainJarIsRunAsItIs() throws IOException {
        Path plain = FakeComponent.jar(dir.resolve("plain.jar"));
        var images = new AppImages(dir.resolve("apps"));

        images.prepare(plain);

        assertThat(images.isPrepared(plain)).isTrue();
        assertThat(images.runnableJar(plain)).isEqualTo(plain);
        assertThat(dir.resolve("apps")).doesNotExist();
    }

    /** The layout Spring Boot's repackaging produces, with the fake component as the application. */
    private static Path bootJar(Path file) throws IOException {
        var manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.put(Attributes.Name.MAIN_CLASS, "org.springframework.boot.loader.launch.JarLauncher");
        attributes.putValue("Start-Class", FakeComponent.class.getName());
        attributes.putValue("Spring-Boot-Classes", "BOOT-INF/classes/");
        attributes.putValue("Spring-Boot-Lib", "BOOT-INF/lib/");
        attributes.putValue("Implementation-Title", "catalog");
        try (var jar = new JarOutputStream(Files.newOutputStream(file), manifest)) {
            String fakeClass = FakeComponent.class.getName().replace('.', '/') + ".class";
            try (InputStream in = FakeComponent.class.getClassLoader().getResourceAsStream(fakeClass)) {
                put(jar, "BOOT-INF/classes/" + fakeClass, in.readAllBytes());
            }
            put(jar, "BOOT-INF/classes/application.yml", "spring.application.name: catalog\n".getBytes());
            put(jar, "META-INF/spring/org.example.Imports.imports", "org.example.Config\n".getBytes());
            put(jar, "META-INF/services/org.example.Service", "org.example.Implementation\n".getBytes());
            jar.putNextEntry(new JarEntry("BOOT-INF/classes/META-INF/services/"));
            jar.closeEntry();
            jar.putNextEntry(new JarEntry("META-INF/services/"));
            jar.closeEntry();
            put(jar, "BOOT-INF/lib/first.jar", emptyJar());
            put(jar, "BOOT-INF/lib/second.jar", emptyJar());
            put(jar, "BOOT-INF/classpath.idx", "- \"BOOT-INF/lib/second.jar\"\n- \"BOOT-INF/lib/first.jar\"\n".getBytes());
        }
        return file;
    }

    private static void put(JarOutputStream jar, String name, byte[] content) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        jar.write(content);
        jar.closeEntry();
    }

    private static byte[] emptyJar() throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (OutputStream out = new JarOutputStream(bytes, new Manifest())) {
            out.flush();
        }
        return bytes.toByteArray();
    }
}
