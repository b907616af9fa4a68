package io.shopscale.launcher.platform;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Asks the JVM itself whether it can use an AOT cache: {@code -XX:AOTMode=on} makes the JVM refuse to start with a
 * cache it cannot map (empty, truncated, from another JDK or other options), and {@code -version} stops it right
 * after that check. The options and jar are the instance's, so the answer is the one the instance would get.
 *
 * @param options the instance's JVM options, without cache options
 */
record AotCacheCheck(Path java, List<String> options, Path jar, Duration timeout) implements ClassCaches.Check {

    static final Duration TIMEOUT = Duration.ofMinutes(1);

    AotCacheCheck {
        options = List.copyOf(options);
    }

    @Override
    public boolean accepts(Path cache) {
        try {
            Process jvm = new ProcessBuilder(command(cache)).redirectErrorStream(true)
                    .redirectOutput(Redirect.DISCARD).start();
            if (!jvm.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                jvm.destroyForcibly();
                return false;
            }
            return jvm.exitValue() == 0;
        }
        catch (IOException cannotRun) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    List<String> command(Path cache) {
        var command = new ArrayList<String>();
        command.add(java.toString());
        command.addAll(options);
        // The class path as -cp, not -jar: after -version the launcher reads no -jar, and an empty class path would
        // leave the cache's class path unchecked. A JVM started with -jar records the same class path.
        command.addAll(List.of("-XX:AOTMode=on", "-XX:AOTCache=" + cache, "-cp", jar.toString(), "-version"));
        return command;
    }
}
