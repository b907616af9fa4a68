package io.shopscale.compact;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Runs the platform's services in this one JVM, each as the Spring application its own {@code main} would start, with
 * its own class path view, configuration, schema, security, ports and events. The launcher writes
 * {@value #TABLE} beside this jar (which services exist, their application classes and jars) and names on the command
 * line which to start, in order, with their arguments.
 *
 * <p>Services start a few at a time (as many as there are processors): one context's start is mostly one thread's
 * work, so that keeps the cores busy without making every service wait for all the others. A service that fails to
 * start stops the JVM, so the launcher sees the failure at once instead of a platform with a hole in it.
 */
public final class CompactPlatform {

    static final String TABLE = "hosted-services.txt";

    /** What the services' own defaults cannot know: they share a JVM. */
    private static final Map<String, Object> HOSTED_DEFAULTS = Map.of(
            // Micrometer's global registry is static: each context would add its registry to it and see every other's.
            "management.metrics.use-global-registry", "false");

    private CompactPlatform() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(CompactPlatform.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        List<HostedService> services = HostedService.select(HostedService.readTable(home.resolve(TABLE)), args);
        HostedLogging.initialize();
        Log log = LogFactory.getLog(CompactPlatform.class);
        long begin = System.nanoTime();
        int parallel = Integer.getInteger("shopscale.compact.parallel", Runtime.getRuntime().availableProcessors());
        ExecutorService starters = Executors.newFixedThreadPool(Math.max(1, parallel),
                Thread.ofPlatform().name("service-start-", 1).factory());
        try {
            // Completion order, not start order: a late failure stops the JVM without waiting for a slow earlier start.
            var starts = new ExecutorCompletionService<Void>(starters);
            for (HostedService service : services) {
                starts.submit(() -> start(service), null);
            }
            for (int i = 0; i < services.size(); i++) {
                awaitOrExit(starts.take(), log);
            }
        }
        finally {
            starters.shutdown();
        }
        log.info("Started %d services in one JVM in %s".formatted(services.size(),
                Duration.ofNanos(System.nanoTime() - begin)));
    }

    private static void start(HostedService service) {
        var view = new ServiceClassLoader(service.name(), ClassLoader.getSystemClassLoader(), service.jars(),
                SpringFactories.namedOnSharedClassPath());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Threads the service starts inherit this: its web server, consumers and schedulers see its class path too.
        thread.setContextClassLoader(view);
        try {
            var application = new SpringApplication(new DefaultResourceLoader(view), view.loadClass(service.applicationClass()));
            application.setDefaultProperties(HOSTED_DEFAULTS);
            application.addInitializers(new SharedClassPathImports(view));
            application.run(service.arguments().toArray(String[]::new));
        }
        catch (ClassNotFoundException ex) {
            throw new IllegalStateException("no application class " + service.applicationClass(), ex);
        }
        finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void awaitOrExit(Future<?> start, Log log) throws InterruptedException {
        try {
            start.get();
        }
        catch (ExecutionException failed) {
            log.error("A service failed to start; stopping the others", failed.getCause());
            System.exit(1);
        }
    }
}
