package io.shopscale.launcher.platform;

import io.shopscale.launcher.platform.Component.Kind;
import io.shopscale.launcher.process.LaunchSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;

/** Turns components and settings into the command lines, environments and logs of their instances. */
public final class Launches {

    private final Settings settings;

    private final AppImages images;

    private final ClassCaches classCaches = ClassCaches.ofThisMachine();

    private final CompactImages compactImages;

    private final PlatformSecrets generatedSecrets;

    /**
     * The compact topology's start: one process, and for each service it hosts what the launcher records and waits
     * for (its name, ports and readiness), sharing the host's pid, command and log.
     */
    public record HostedStart(LaunchSpec host, List<LaunchSpec> services) {
    }

    public Launches(Settings settings) {
        this.settings = settings;
        this.images = new AppImages(settings.stateDir().resolve("apps"));
        this.compactImages = new CompactImages(settings.stateDir().resolve("apps").resolve("compact"));
        this.generatedSecrets = new PlatformSecrets(settings);
    }

    /**
     * Every given service in one JVM, each on the port and with the environment it would have in a process of its own.
     * Their images must be {@link #prepare prepared}; the compact image is assembled from them here when needed, and
     * its class cache settled.
     */
    public HostedStart compact(List<Component> services) {
        return compact(services, settings.serviceEnvironment(),
                service -> List.of(settings.port(service), settings.adminPort(service)));
    }

    /**
     * @param serviceEnvironment what the platform tells its services about the registry and stores; the user's
     *        secrets are added from the current environment, the generated ones from the state directory
     * @param ports each service's port, then its management port
     */
    public HostedStart compact(List<Component> services, Map<String, String> serviceEnvironment,
            Function<Component, List<Integer>> ports) {
        Component host = Component.compactHost();
        Path hostJar = compactImages.prepare(host.jar(settings.home(), settings.version()), services.stream()
                .map(service -> new CompactImages.HostedImage(service.name(), images.runnableJar(fatJar(service))))
                .toList());
        Path cacheBase = settings.cdsDir().resolve(host.name() + "-" + hostJar.getParent().getFileName());
        classCaches.settle(cacheBase, new AotCacheCheck(settings.java(), JvmOptions.withoutClassCache(host, settings),
                hostJar, AotCacheCheck.TIMEOUT));
        var env = new LinkedHashMap<>(serviceEnvironment);
        env.putAll(secrets());
        env.putAll(generatedSecrets.environment(services));
        var arguments = new ArrayList<String>();
        var hosted = new ArrayList<LaunchSpec>();
        for (Component service : services) {
            List<Integer> listening = ports.apply(service);
            // Ports on the command line, per hosted service: the environment is the one JVM's, shared by them all.
            arguments.addAll(List.of("--service", service.name(), "--server.port=" + listening.getFirst(),
                    "--management.server.port=" + listening.get(1)));
            hosted.add(new LaunchSpec(service.name(), 1, List.of(), Map.of(), settings.home(), hostJar, Path.of(""),
                    listening));
        }
        var command = new ArrayList<String>();
        command.add(settings.java().toString());
        command.addAll(JvmOptions.forInstance(host, 1, settings, cacheBase));
        command.addAll(List.of("-jar", hostJar.toString()));
        command.addAll(arguments);
        var log = settings.logsDir().resolve(host.name() + ".log");
        var hostSpec = new LaunchSpec(host.name(), 1, command, env, settings.home(), hostJar, log, List.of());
        return new HostedStart(hostSpec, hosted.stream().map(service -> service.hostedIn(hostSpec)).toList());
    }

    /** Forgets compact images and class caches of earlier builds; only while nothing runs. */
    public void pruneEarlierCompactBuilds(Path currentHostJar) {
        compactImages.prune(currentHostJar);
        String current = Component.compactHost().name() + "-" + currentHostJar.getParent().getFileName() + ".";
        try (Stream<Path> caches = Files.list(settings.cdsDir())) {
            caches.filter(cache -> cache.getFileName().toString().startsWith(Component.compactHost().name() + "-"))
                    .filter(cache -> !cache.getFileName().toString().startsWith(current))
                    .forEach(cache -> cache.toFile().delete());
        }
        catch (IOException noCachesYet) {
            // nothing to prune
        }
    }

    /** The stores the stores process runs: those not given as external URLs. */
    public List<Store> embeddedStores() {
        return Arrays.stream(Store.values()).filter(store -> !settings.isExternal(store)).toList();
    }

    /** Components to run for {@code up}, in start order. */
    public List<Component> components() {
        return Components.all().stream()
                .filter(component -> component.kind() != Kind.STORES || !embeddedStores().isEmpty())
                .toList();
    }

    /** Every port {@code up} is about to claim. */
    public List<PortClaim> portClaims() {
        var claims = new ArrayList<PortClaim>();
        for (Component component : components()) {
            if (component.kind() == Kind.STORES) {
                for (Store store : embeddedStores()) {
                    claims.add(new PortClaim(settings.port(store), component.name() + " (" + store.label() + ")",
                            store.portVariable()));
                }
                if (embeddedStores().contains(Store.KAFKA)) {
                    claims.add(new PortClaim(settings.kafkaControllerPort(), component.name() + " (kafka controller)",
                            Store.KAFKA.portVariable()));
                }
            }
            else {
                claims.add(new PortClaim(settings.port(component), component.name(), component.portVariable()));
                if (component.hasAdminPort()) {
                    claims.add(new PortClaim(settings.adminPort(component), component.name() + " (management)",
                            component.adminPortVariable()));
                }
            }
        }
        return claims;
    }

    /** The first instance of each component, configured as for {@code up}. */
    public LaunchSpec first(Component component) {
        return component.kind() == Kind.STORES
                ? stores(component)
                : service(component, 1, settings.port(component), settings.serviceEnvironment());
    }

    /**
     * @param serviceEnvironment what the platform tells its services about the registry and stores; the user's
     *        secrets are added from the current environment, the generated ones from the state directory
     */
    public LaunchSpec service(Component component, int instance, int port, Map<String, String> serviceEnvironment) {
        var env = new LinkedHashMap<>(serviceEnvironment);
        env.putAll(secrets());
        env.putAll(generatedSecrets.environment(List.of(component)));
        env.put("SERVER_PORT", Integer.toString(port));
        // The first instance takes the configured management port; those that scale adds, one the system chooses.
        int adminPort = instance == 1 ? settings.adminPort(component) : Ports.free();
        env.put("MANAGEMENT_SERVER_PORT", Integer.toString(adminPort));
        return spec(component, instance, List.of(), env, List.of(port, adminPort));
    }

    private LaunchSpec stores(Component component) {
        // The stores process reads the SHOPSCALE_*_URL variables itself to skip external stores, so it gets the
        // user's environment untouched rather than the defaults the services get. It is told where the stores'
        // passwords are, never a password: a command line is readable by every local user.
        List<String> arguments = List.of(
                "--data-dir=" + settings.dataDir(),
                "--secrets-dir=" + new StoreAccounts(settings).superuserPassword().path().getParent(),
                Store.POSTGRES.portArgument() + "=" + settings.port(Store.POSTGRES),
                Store.REDIS.portArgument() + "=" + settings.port(Store.REDIS),
                Store.KAFKA.portArgument() + "=" + settings.port(Store.KAFKA));
        List<Integer> ports = embeddedStores().stream().map(settings::port).toList();
        return spec(component, 1, arguments, Map.of(), ports);
    }

    /**
     * Unpacks the components' jars for this build where that has not happened yet (slow only once per build), then
     * {@link ClassCaches#settle settles} the class caches that earlier runs trained.
     */
    public void prepare(List<Component> components, Runnable beforeSlowWork) {
        List<Path> pending = components.stream().map(this::fatJar).filter(jar -> !images.isPrepared(jar)).toList();
        if (!pending.isEmpty()) {
            beforeSlowWork.run();
            try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                pending.stream().map(jar -> executor.submit(() -> images.prepare(jar))).toList().forEach(Launches::join);
            }
        }
        components.forEach(this::settleClassCache);
    }

    /** Checked against the jar and options the component's first instance runs with. */
    private void settleClassCache(Component component) {
        Path fatJar = fatJar(component);
        classCaches.settle(cacheBase(component, fatJar), new AotCacheCheck(settings.java(),
                JvmOptions.withoutClassCache(component, settings), images.runnableJar(fatJar), AotCacheCheck.TIMEOUT));
    }

    /** Forgets unpacked jars and class caches of earlier builds; only while nothing runs. */
    public void pruneEarlierBuilds(List<Component> components) {
        for (Component component : components) {
            Path jar = fatJar(component);
            images.prune(jar);
            String current = cacheBase(component, jar).getFileName().toString();
            try (Stream<Path> caches = Files.list(settings.cdsDir())) {
                caches.filter(cache -> cache.getFileName().toString().startsWith(component.name() + "-"))
                        .filter(cache -> !cache.getFileName().toString().startsWith(current + "."))
                        .forEach(cache -> cache.toFile().delete());
            }
            catch (IOException noCachesYet) {
                // nothing to prune
            }
        }
    }

    private Path fatJar(Component component) {
        return component.jar(settings.home(), settings.version());
    }

    private Path cacheBase(Component component, Path fatJar) {
        return settings.cdsDir().resolve(component.name() + "-" + AppImages.stamp(fatJar));
    }

    private static void join(Future<?> work) {
        try {
            work.get();
        }
        catch (ExecutionException ex) {
            throw ex.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(ex.getCause());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
    }

    private LaunchSpec spec(Component component, int instance, List<String> arguments, Map<String, String> env,
            List<Integer> ports) {
        Path fatJar = fatJar(component);
        Path jar = images.runnableJar(fatJar);
        var command = new ArrayList<String>();
        command.add(settings.java().toString());
        command.addAll(JvmOptions.forInstance(component, instance, settings, cacheBase(component, fatJar)));
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        var log = settings.logsDir().resolve(component.instanceName(instance) + ".log");
        return new LaunchSpec(component.name(), instance, command, env, settings.home(), jar, log, ports);
    }

    private Map<String, String> secrets() {
        var secrets = new LinkedHashMap<String, String>();
        Settings.SECRET_VARIABLES.forEach(name -> {
            String value = settings.serviceEnvironment().get(name);
            if (value != null) {
                secrets.put(name, value);
            }
        });
        return secrets;
    }
}
