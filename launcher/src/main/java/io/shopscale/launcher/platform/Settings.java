package io.shopscale.launcher.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Everything the launcher reads from its environment, resolved once: where the platform lives, which JVM runs it,
 * its ports and stores. Built from plain maps so that tests need no real environment.
 */
public final class Settings {

    public static final String HOME_PROPERTY = "shopscale.home";

    public static final String JAVA_PROPERTY = "shopscale.java";

    public static final String STATE_DIR_VARIABLE = "SHOPSCALE_STATE_DIR";

    public static final String REGISTRY_URL_VARIABLE = "SHOPSCALE_REGISTRY_URL";

    /** Where the payment service finds the payment provider; set it to use another provider than the simulator. */
    public static final String PAYMENT_PROVIDER_URL_VARIABLE = "SHOPSCALE_PAYMENT_PROVIDER_URL";

    /**
     * The proxies whose {@code X-Forwarded-For} identity believes when it throttles logins per client address. The
     * gateway connects from loopback here; without this, every login would count against the gateway's address.
     */
    public static final String IDENTITY_TRUSTED_PROXIES_VARIABLE = "SHOPSCALE_IDENTITY_TRUSTED_PROXIES";

    /**
     * The address the gateway listens on: loopback unless {@code up --listen} or this variable says otherwise. Every
     * other component listens on loopback only.
     */
    public static final String GATEWAY_ADDRESS_VARIABLE = "SHOPSCALE_GATEWAY_ADDRESS";

    /** Kept out of the state file; read from the environment whenever an instance starts. */
    public static final Set<String> SECRET_VARIABLES = Set.of("SHOPSCALE_POSTGRES_PASSWORD");

    private static final Pattern RELEASE_VERSION = Pattern.compile("^JAVA_VERSION=\"(1\\.)?(\\d+)", Pattern.MULTILINE);

    private final Map<String, String> environment;

    private final Path home;

    private final Path stateDir;

    private final Path java;

    private final String version;

    Settings(Map<String, String> environment, Path home, Path stateDir, Path java, String version) {
        this.environment = Map.copyOf(environment);
        this.home = home;
        this.stateDir = stateDir;
        this.java = java;
        this.version = version;
    }

    /**
     * @param stateDirOption the {@code --state-dir} value, or {@code null}; it wins over {@code SHOPSCALE_STATE_DIR},
     *        which wins over {@code <home>/.shopscale}
     */
    public static Settings resolve(Map<String, String> environment, Properties system, Path stateDirOption) {
        Path workingDir = Path.of(system.getProperty("user.dir", "."));
        Path home = workingDir.resolve(system.getProperty(HOME_PROPERTY, workingDir.toString())).normalize();
        Path stateDir = Optional.ofNullable(stateDirOption)
                .or(() -> nonBlank(environment.get(STATE_DIR_VARIABLE)).map(Path::of))
                .map(dir -> workingDir.resolve(dir).normalize())
                .orElse(home.resolve(".shopscale"));
        Path java = Optional.ofNullable(system.getProperty(JAVA_PROPERTY)).map(Path::of)
                .orElseGet(() -> currentJava(system));
        return new Settings(environment, home.toAbsolutePath(), stateDir.toAbsolutePath(), java, platformVersion());
    }

    public Path home() {
        return home;
    }

    public Path stateDir() {
        return stateDir;
    }

    public Path dataDir() {
        return stateDir.resolve("data");
    }

    public Path logsDir() {
        return stateDir.resolve("logs");
    }

    public Path runDir() {
        return stateDir.resolve("run");
    }

    public Path cdsDir() {
        return stateDir.resolve("cds");
    }

    public Path java() {
        return java;
    }

    /** The platform's jars carry the launcher's own version: they are built from one reactor. */
    public String version() {
        return version;
    }

    public Optional<String> variable(String name) {
        return nonBlank(environment.get(name));
    }

    public int port(Component component) {
        return port(component.portVariable(), component.defaultPort());
    }

    /** Its variable, else its default shifted as far as the main port was moved (so moving one moves both). */
    public int adminPort(Component component) {
        int shifted = component.defaultAdminPort() + port(component) - component.defaultPort();
        if (variable(component.adminPortVariable()).isEmpty() && (shifted < 1 || shifted > 65535)) {
            throw new InvalidSettingException(component.adminPortVariable() + " must be set: " + component.portVariable()
                    + " leaves no room for the management port " + shifted);
        }
        return port(component.adminPortVariable(), shifted);
    }

    public int port(Store store) {
        return port(store.portVariable(), store.defaultPort());
    }

    /** Kafka's KRaft controller listens next to the broker. */
    public int kafkaControllerPort() {
        int port = port(Store.KAFKA) + 1;
        if (port > 65535) {
            throw new InvalidSettingException(Store.KAFKA.portVariable() + " must leave room for the controller on the next port");
        }
        return port;
    }

    public boolean isExternal(Store store) {
        return variable(store.externalVariable()).isPresent();
    }

    public String registryUrl() {
        return "http://127.0.0.1:" + port(Components.get(Components.REGISTRY)) + "/eureka/";
    }

    /** What every Spring service is told about the registry and the stores; values the user set pass unchanged. */
    public Map<String, String> serviceEnvironment() {
        var env = new LinkedHashMap<String, String>();
        env.put(REGISTRY_URL_VARIABLE, registryUrl());
        env.put(Store.POSTGRES.externalVariable(), variable(Store.POSTGRES.externalVariable())
                .orElse("jdbc:postgresql://127.0.0.1:" + port(Store.POSTGRES) + "/postgres"));
        if (isExternal(Store.POSTGRES)) {
            // The embedded server has a role per service instead, each with its own password (StoreAccounts).
            env.put("SHOPSCALE_POSTGRES_USER", variable("SHOPSCALE_POSTGRES_USER").orElse("postgres"));
            env.put("SHOPSCALE_POSTGRES_PASSWORD", environment.getOrDefault("SHOPSCALE_POSTGRES_PASSWORD", ""));
        }
        env.put(Store.REDIS.externalVariable(), variable(Store.REDIS.externalVariable())
                .orElse("redis://127.0.0.1:" + port(Store.REDIS)));
        env.put(Store.KAFKA.externalVariable(), variable(Store.KAFKA.externalVariable())
                .orElse("127.0.0.1:" + port(Store.KAFKA)));
        env.put(PAYMENT_PROVIDER_URL_VARIABLE, variable(PAYMENT_PROVIDER_URL_VARIABLE)
                .orElse("http://127.0.0.1:" + port(Components.get(Components.PAYMENT_PROVIDER))));
        env.put(GATEWAY_ADDRESS_VARIABLE, gatewayAddress());
        env.put(IDENTITY_TRUSTED_PROXIES_VARIABLE, variable(IDENTITY_TRUSTED_PROXIES_VARIABLE).orElse("127.0.0.1,::1"));
        return env;
    }

    public String gatewayAddress() {
        return variable(GATEWAY_ADDRESS_VARIABLE).map(String::strip).orElse(ListenAddress.LOOPBACK);
    }

    /** These settings with one variable set, as if the environment had it. */
    public Settings with(String variable, String value) {
        var changed = new LinkedHashMap<>(environment);
        changed.put(variable, value);
        return new Settings(changed, home, stateDir, java, version);
    }

    /** {@code SHOPSCALE_JAVA_OPTS}, then the component's own {@code SHOPSCALE_<NAME>_JAVA_OPTS}: later ones win. */
    public List<String> extraJavaOptions(Component component) {
        return Stream.of("SHOPSCALE_JAVA_OPTS", component.javaOptionsVariable())
                .flatMap(name -> variable(name).stream())
                .flatMap(value -> Arrays.stream(value.trim().split("\\s+")))
                .toList();
    }

    /** The feature release of {@link #java()}, from its {@code release} file; the running JVM's when unknown. */
    public int javaFeatureVersion() {
        return javaFeatureVersion(java);
    }

    static int javaFeatureVersion(Path java) {
        Path release = java.toAbsolutePath().getParent().resolveSibling("release");
        try {
            Matcher matcher = RELEASE_VERSION.matcher(Files.readString(release));
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(2));
            }
        }
        catch (IOException | RuntimeException unreadable) {
            // A JDK without a release file is unusual; the running JVM is the best guess.
        }
        return Runtime.version().feature();
    }

    private int port(String variable, int defaultPort) {
        Optional<String> value = variable(variable);
        if (value.isEmpty()) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.get().trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        }
        catch (NumberFormatException notANumber) {
            // reported below with the variable's name
        }
        throw new InvalidSettingException(variable + " must be a TCP port between 1 and 65535, not '" + value.get() + "'");
    }

    private static Path currentJava(Properties system) {
        return ProcessHandle.current().info().command().map(Path::of)
                .orElseGet(() -> Path.of(system.getProperty("java.home"), "bin", "java"));
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    public static String platformVersion() {
        try (InputStream in = Settings.class.getResourceAsStream("/io/shopscale/launcher/launcher.properties")) {
            var properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "0.1.0-SNAPSHOT");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
