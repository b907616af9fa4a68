package io.shopscale.launcher.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Unpacked copies of Spring Boot fat jars: the application's classes as one plain jar whose manifest puts the
 * libraries beside it on the class path. Class-data sharing and AOT caches only cover classes loaded from plain jars,
 * and with them a service starts about a third faster than from its fat jar. One image per build of a jar (named by
 * the jar's size and time), so a rebuild never changes files under a running process.
 */
public final class AppImages {

    private static final String CLASSES = "BOOT-INF/classes/";

    private static final String LIB = "BOOT-INF/lib/";

    private static final Set<String> LOADER_ATTRIBUTES = Set.of("Main-Class", "Start-Class", "Class-Path",
            "Spring-Boot-Classes", "Spring-Boot-Lib", "Spring-Boot-Classpath-Index", "Spring-Boot-Layers-Index");

    private final Path root;

    public AppImages(Path root) {
        this.root = root;
    }

    /** Identifies one build of a jar. */
    public static String stamp(Path jar) {
        try {
            return Long.toHexString(Files.size(jar)) + "-" + Long.toHexString(Files.getLastModifiedTime(jar).toMillis());
        }
        catch (IOException ex) {
            return "unbuilt";
        }
    }

    /** The jar to run: the unpacked image once {@link #prepare prepared}, else the fat jar itself. */
    public Path runnableJar(Path fatJar) {
        Path image = imageDir(fatJar);
        return Files.exists(image.resolve(".complete")) ? image.resolve(fatJar.getFileName()) : fatJar;
    }

    public boolean isPrepared(Path fatJar) {
        return !isBootJar(fatJar) || Files.exists(imageDir(fatJar).resolve(".complete"));
    }

    /** Unpacks the jar unless that was done for this build already; plain jars are left as they are. */
    public void prepare(Path fatJar) {
        if (isPrepared(fatJar)) {
            return;
        }
        Path image = imageDir(fatJar);
        try {
            Files.createDirectories(image.getParent());
            Path staging = Files.createTempDirectory(image.getParent(), "unpacking-");
            unpack(fatJar, staging);
            Files.writeString(staging.resolve(".complete"), fatJar.toString());
            try {
                Files.move(staging, image, StandardCopyOption.ATOMIC_MOVE);
            }
            catch (IOException anotherLauncherWasFaster) {
                delete(staging);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot unpack " + fatJar, ex);
        }
    }

    /** Removes the images of earlier builds; only safe while nothing runs from them. */
    public void prune(Path fatJar) {
        Path current = imageDir(fatJar);
        try (Stream<Path> images = Files.list(current.getParent())) {
            images.filter(image -> !image.equals(current)).forEach(AppImages::delete);
        }
        catch (IOException nothingToPrune) {
            // no images yet
        }
    }

    private Path imageDir(Path fatJar) {
        String name = fatJar.getFileName().toString().replaceFirst("\\.jar$", "");
        return root.resolve(name).resolve(stamp(fatJar));
    }

    private static boolean isBootJar(Path jar) {
        try (var file = new JarFile(jar.toFile())) {
            return file.stream().anyMatch(entry -> entry.getName().startsWith(CLASSES) || entry.getName().startsWith(LIB));
        }
        catch (IOException notAJar) {
            return false;
        }
    }

    private static void unpack(Path fatJar, Path target) throws IOException {
        Path lib = Files.createDirectories(target.resolve("lib"));
        try (var source = new JarFile(fatJar.toFile())) {
            List<String> libraries = classPathOrder(source);
            for (String library : libraries) {
                try (InputStream in = source.getInputStream(source.getEntry(library))) {
                    Files.copy(in, lib.resolve(fileName(library)));
                }
            }
            try (var out = new JarOutputStream(Files.newOutputStream(target.resolve(fatJar.getFileName())),
                    manifest(source.getManifest(), libraries))) {
                var written = new HashSet<String>();
                for (JarEntry entry : source.stream().filter(AppImages::isApplicationEntry).toList()) {
                    String name = entry.getName().startsWith(CLASSES)
                            ? entry.getName().substring(CLASSES.length()) : entry.getName();
                    // Both places may hold a directory such as META-INF/services/; it is written once.
                    if (name.isEmpty() || name.equalsIgnoreCase(JarFile.MANIFEST_NAME) || !written.add(name)) {
                        continue;
                    }
                    out.putNextEntry(new JarEntry(name));
                    if (!entry.isDirectory()) {
                        try (InputStream in = source.getInputStream(entry)) {
                            in.transferTo(out);
                        }
                    }
                    out.closeEntry();
                }
            }
        }
    }

    /**
     * The application's classes and resources. Boot's repackaging keeps the application's own {@code META-INF}
     * (service loaders, Spring's {@code .imports} files) at the jar's root, not under {@code BOOT-INF/classes}.
     */
    private static boolean isApplicationEntry(JarEntry entry) {
        String name = entry.getName();
        return name.startsWith(CLASSES) || name.startsWith("META-INF/") && !name.startsWith("META-INF/maven/");
    }

    /** The libraries in the order Boot's index gives them, which is the order the fat jar would load them in. */
    private static List<String> classPathOrder(JarFile source) throws IOException {
        var libraries = new LinkedHashSet<String>();
        JarEntry index = source.getJarEntry("BOOT-INF/classpath.idx");
        if (index != null) {
            try (InputStream in = source.getInputStream(index)) {
                new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .map(line -> line.replaceFirst("^- ", "").replace("\"", "").trim())
                        .filter(line -> line.startsWith(LIB) && source.getEntry(line) != null)
                        .forEach(libraries::add);
            }
        }
        source.stream().map(JarEntry::getName)
                .filter(name -> name.startsWith(LIB) && name.endsWith(".jar"))
                .forEach(libraries::add);
        return new ArrayList<>(libraries);
    }

    private static Manifest manifest(Manifest original, List<String> libraries) {
        var manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (original != null) {
            original.getMainAttributes().forEach((key, value) -> {
                if (!LOADER_ATTRIBUTES.contains(key.toString())) {
                    attributes.put(key, value);
                }
            });
            String start = original.getMainAttributes().getValue("Start-Class");
            attributes.put(Attributes.Name.MAIN_CLASS, start != null ? start
                    : original.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS));
        }
        attributes.put(Attributes.Name.CLASS_PATH, libraries.stream()
                .map(library -> "lib/" + encode(fileName(library)))
                .collect(Collectors.joining(" ")));
        return manifest;
    }

    private static String fileName(String entry) {
        return entry.substring(entry.lastIndexOf('/') + 1);
    }

    private static String encode(String fileName) {
        return fileName.replace("%", "%25").replace(" ", "%20");
    }

    static void delete(Path tree) {
        try (Stream<Path> paths = Files.walk(tree)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException ignored) {
            // a leftover directory only costs disk space
        }
    }
}
