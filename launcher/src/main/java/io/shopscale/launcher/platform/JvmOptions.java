package io.shopscale.launcher.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** JVM flags for a platform process: small resident memory and fast start on a small machine. */
final class JvmOptions {

    /** Dynamic CDS archives that create themselves on exit arrived in JDK 19. */
    private static final int AUTO_CDS_SINCE = 19;

    /** AOT caches written by a single training run (JEP 514) arrived in JDK 25. */
    private static final int AOT_CACHE_SINCE = 25;

    private JvmOptions() {
    }

    /**
     * @param cacheBase where this build's class cache lives, without extension; a rebuilt jar gets a new one
     */
    static List<String> forInstance(Component component, int instance, Settings settings, Path cacheBase) {
        var options = new ArrayList<>(common(component, instance, settings));
        if (!settings.variable("SHOPSCALE_CDS").map("off"::equalsIgnoreCase).orElse(false)) {
            options.addAll(classCache(instance, settings.javaFeatureVersion(), cacheBase));
        }
        options.addAll(settings.extraJavaOptions(component));
        return options;
    }

    /** What the first instance would run with, minus the class cache: the options a cache is checked against. */
    static List<String> withoutClassCache(Component component, Settings settings) {
        var options = new ArrayList<>(common(component, 1, settings));
        options.addAll(settings.extraJavaOptions(component));
        return options;
    }

    private static List<String> common(Component component, int instance, Settings settings) {
        return List.of(
                "-Xmx" + component.maxHeap(),
                "-Xss512k",
                // One GC thread and no remembered sets: the cheapest collector for a small heap on two cores.
                "-XX:+UseSerialGC",
                "-XX:ReservedCodeCacheSize=" + component.codeCache(),
                "-XX:MaxMetaspaceSize=" + component.maxMetaspace(),
                // Nothing restarts a failed process; dying loudly beats limping on after an OutOfMemoryError.
                "-XX:+ExitOnOutOfMemoryError",
                "--enable-native-access=ALL-UNNAMED",
                // A crash report lands next to the instance's log, not in the directory the platform was started from.
                "-XX:ErrorFile=" + settings.logsDir().resolve(component.instanceName(instance) + "-hs_err_%p.log"),
                // Names the instance in ps.
                "-Dshopscale.instance=" + component.instanceName(instance));
    }

    /**
     * The first instance trains the cache: the JVM writes it when the instance exits, to a training file of its own
     * that {@link ClassCaches} checks before it becomes the cache. Further instances only read it, so that two
     * exiting JVMs never write the same file. The cache's own warnings (classes it skips) stay out of the logs; a
     * cache that does not fit is ignored and costs nothing but its benefit.
     */
    private static List<String> classCache(int instance, int javaVersion, Path cacheBase) {
        if (javaVersion >= AOT_CACHE_SINCE) {
            var quiet = List.of("-Xlog:aot*=off", "-Xlog:cds*=off");
            Optional<Path> cache = ClassCaches.usable(cacheBase);
            if (cache.isPresent()) {
                return concat(List.of("-XX:AOTCache=" + cache.get()), quiet);
            }
            return instance == 1
                    ? concat(List.of("-XX:AOTCacheOutput=" + ClassCaches.newTrainingFile(cacheBase)), quiet)
                    : List.of();
        }
        if (javaVersion >= AUTO_CDS_SINCE) {
            Path archive = Path.of(cacheBase + ".jsa");
            if (instance == 1) {
                return List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off");
            }
            return Files.isRegularFile(archive) ? List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off") : List.of();
        }
        return List.of();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        var all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
