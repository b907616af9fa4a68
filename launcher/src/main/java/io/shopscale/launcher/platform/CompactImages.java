package io.shopscale.launcher.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The compact topology's one class path, assembled from the services' unpacked images: every library once (the
 * services are built against one set of versions), each service's own classes, the host, and a table that tells the
 * host which jars are whose. Libraries are hard links into the images, so an image costs little disk.
 *
 * <pre>
 * apps/compact/&lt;stamp&gt;/compact.jar            the host; its manifest's Class-Path is the whole class path
 *                        services/&lt;name&gt;.jar     a service's classes and resources (no Class-Path of its own)
 *                        lib/…                    every library of every service, once
 *                        hosted-services.txt      name, application class and jars of each service
 * </pre>
 *
 * The stamp covers the host and every service jar, so a rebuild of any of them makes a new image and a new AOT cache.
 */
public final class CompactImages {

    static final String HOST_JAR = "compact.jar";

    static final String TABLE = "hosted-services.txt";

    private static final String HOST_MAIN = "io.shopscale.compact.CompactPlatform";

    private final Path root;

    public CompactImages(Path root) {
        this.root = root;
    }

    /** A service that the host runs, as its unpacked image holds it. */
    public record HostedImage(String name, Path applicationJar) {
    }

    /** The image for these jars: assembled once, then reused until one of them is rebuilt. */
    public Path prepare(Path hostJar, List<HostedImage> services) {
        Path image = root.resolve(stamp(hostJar, services));
        if (Files.exists(image.resolve(".complete"))) {
            return image.resolve(HOST_JAR);
        }
        try {
            Files.createDirectories(root);
            Path staging = Files.createTempDirectory(root, "assembling-");
            assemble(hostJar, services, staging);
            Files.writeString(staging.resolve(".complete"), hostJar.toString());
            try {
                Files.move(staging, image, StandardCopyOption.ATOMIC_MOVE);
            }
            catch (IOException anotherLauncherWasFaster) {
                AppImages.delete(staging);
            }
            return image.resolve(HOST_JAR);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot assemble the compact image in " + root, ex);
        }
    }

    /** Removes images other than the current one; only safe while nothing runs from them. */
    public void prune(Path current) {
        try (Stream<Path> images = Files.list(root)) {
            images.filter(image -> !image.equals(current.getParent())).forEach(AppImages::delete);
        }
        catch (IOException nothingToPrune) {
            // no images yet
        }
    }

    private static void assemble(Path hostJar, List<HostedImage> services, Path target) throws IOException {
        Path lib = Files.createDirectories(target.resolve("lib"));
        Path own = Files.createDirectories(target.resolve("services"));
        SequencedSet<String> libraries = new LinkedHashSet<>();
        Map<String, List<String>> jarsOf = new LinkedHashMap<>();
        Map<String, String> applicationClassOf = new LinkedHashMap<>();
        for (HostedImage service : services) {
            String applicationJar = service.name() + ".jar";
            var jars = new ArrayList<>(List.of(applicationJar));
            try (var source = new JarFile(service.applicationJar().toFile())) {
                Attributes attributes = source.getManifest().getMainAttributes();
                applicationClassOf.put(service.name(), attributes.getValue(Attributes.Name.MAIN_CLASS));
                for (String entry : attributes.getValue(Attributes.Name.CLASS_PATH).split(" ")) {
                    Path library = service.applicationJar().resolveSibling(decode(entry));
                    String name = library.getFileName().toString();
                    jars.add(name);
                    if (libraries.add(name)) {
                        link(library, lib.resolve(name));
                    }
                }
                copyWithoutClassPath(source, own.resolve(applicationJar));
            }
            jarsOf.put(service.name(), jars);
        }
        Files.writeString(target.resolve(TABLE), jarsOf.entrySet().stream()
                .map(service -> service.getKey() + " " + applicationClassOf.get(service.getKey()) + " "
                        + String.join(" ", service.getValue()))
                .collect(Collectors.joining("\n", "# service application-class jars...\n", "\n")));
        var classPath = new ArrayList<String>();
        jarsOf.keySet().forEach(service -> classPath.add("services/" + service + ".jar"));
        libraries.forEach(library -> classPath.add("lib/" + library));
        writeHost(hostJar, target.resolve(HOST_JAR), classPath);
    }

    private static void writeHost(Path hostJar, Path target, List<String> classPath) throws IOException {
        var manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.put(Attributes.Name.MAIN_CLASS, HOST_MAIN);
        attributes.put(Attributes.Name.CLASS_PATH, classPath.stream().map(CompactImages::encode)
                .collect(Collectors.joining(" ")));
        try (var source = new JarFile(hostJar.toFile());
                var out = new JarOutputStream(Files.newOutputStream(target), manifest)) {
            copyEntries(source, out);
        }
    }

    private static void copyWithoutClassPath(JarFile source, Path target) throws IOException {
        var manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (var out = new JarOutputStream(Files.newOutputStream(target), manifest)) {
            copyEntries(source, out);
        }
    }

    private static void copyEntries(JarFile source, JarOutputStream out) throws IOException {
        for (JarEntry entry : source.stream().toList()) {
            if (entry.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME) || entry.getName().equals("META-INF/")) {
                continue;
            }
            out.putNextEntry(new JarEntry(entry.getName()));
            if (!entry.isDirectory()) {
                try (InputStream in = source.getInputStream(entry)) {
                    in.transferTo(out);
                }
            }
            out.closeEntry();
        }
    }

    private static void link(Path existing, Path link) throws IOException {
        try {
            Files.createLink(link, existing);
        }
        catch (IOException | UnsupportedOperationException noHardLinksHere) {
            Files.copy(existing, link);
        }
    }

    static String stamp(Path hostJar, List<HostedImage> services) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(AppImages.stamp(hostJar).getBytes(StandardCharsets.UTF_8));
            for (HostedImage service : services) {
                digest.update((service.name() + "=" + service.applicationJar()).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String encode(String path) {
        return path.replace("%", "%25").replace(" ", "%20");
    }

    private static String decode(String path) {
        return path.replace("%20", " ").replace("%25", "%");
    }
}
