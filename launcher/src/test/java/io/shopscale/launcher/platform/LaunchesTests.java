package io.shopscale.launcher.platform;

import io.shopscale.launcher.process.LaunchSpec;
import io.shopscale.stores.RedisUser;
import io.shopscale.stores.SchemaOwner;
import io.shopscale.stores.StoreCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class LaunchesTests {

    @TempDir
    Path home;

    @Test
    void upStartsTheStoresThenTheRegistryThenTheServices() {
        Launches launches = launches(Map.of());

        assertThat(launches.components()).extracting(Component::name)
                .containsExactly("stores", "registry", "identity", "catalog", "cart", "inventory", "orders", "payment",
                        "psp", "gateway");
        assertThat(Components.byStage(launches.components(), component -> component))
                .extracting(stage -> stage.stream().map(Component::name).toList())
                .containsExactly(List.of("stores"), List.of("registry"),
                        List.of("identity", "catalog", "cart", "inventory", "orders", "payment", "psp", "gateway"));
    }

    @Test
    void theStoresProcessGetsItsPortsAsArgumentsAndTheUsersEnvironmentUntouched() {
        LaunchSpec stores = launches(Map.of()).first(Components.get("stores"));

        assertThat(stores.command()).containsSubsequence("-jar",
                home.resolve("platform/stores/target/stores-" + Settings.platformVersion() + "-exec.jar").toString(),
                "--data-dir=" + home.resolve(".shopscale/data"), "--secrets-dir=" + home.resolve(".shopscale/secrets"),
                "--postgres-port=15432", "--redis-port=16379",
                "--kafka-port=19092");
        assertThat(stores.environment()).isEmpty();
        assertThat(stores.ports()).containsExactly(15432, 16379, 19092);
        assertThat(stores.log()).isEqualTo(home.resolve(".shopscale/logs/stores.log"));
    }

    @Test
    void externalStoresAreNeitherAwaitedNorClaimed() {
        Launches launches = launches(Map.of("SHOPSCALE_KAFKA_BOOTSTRAP", "broker:9092"));

        assertThat(launches.first(Components.get("stores")).ports()).containsExactly(15432, 16379);
        assertThat(launches.portClaims()).extracting(PortClaim::port)
                .containsExactly(15432, 16379, 8761, 9761, 8082, 9082, 8081, 9081, 8083, 9083, 8084, 9084, 8085, 9085,
                        8086, 9086, 8090, 8091, 8080, 9080);
    }

    @Test
    void withEveryStoreExternalTheStoresProcessDoesNotRun() {
        Launches launches = launches(Map.of("SHOPSCALE_POSTGRES_URL", "jdbc:postgresql://db/x",
                "SHOPSCALE_REDIS_URL", "redis://cache", "SHOPSCALE_KAFKA_BOOTSTRAP", "broker:9092"));

        assertThat(launches.components()).extracting(Component::name).containsExactly("registry", "identity", "catalog", "cart", "inventory", "orders",
                "payment", "psp", "gateway");
    }

    @Test
    void everyPortIsClaimedByNameWithTheVariableThatMovesIt() {
        assertThat(launches(Map.of()).portClaims()).containsExactly(
                new PortClaim(15432, "stores (postgres)", "SHOPSCALE_POSTGRES_PORT"),
                new PortClaim(16379, "stores (redis)", "SHOPSCALE_REDIS_PORT"),
                new PortClaim(19092, "stores (kafka)", "SHOPSCALE_KAFKA_PORT"),
                new PortClaim(19093, "stores (kafka controller)", "SHOPSCALE_KAFKA_PORT"),
                new PortClaim(8761, "registry", "SHOPSCALE_REGISTRY_PORT"),
                new PortClaim(9761, "registry (management)", "SHOPSCALE_REGISTRY_ADMIN_PORT"),
                new PortClaim(8082, "identity", "SHOPSCALE_IDENTITY_PORT"),
                new PortClaim(9082, "identity (management)", "SHOPSCALE_IDENTITY_ADMIN_PORT"),
                new PortClaim(8081, "catalog", "SHOPSCALE_CATALOG_PORT"),
                new PortClaim(9081, "catalog (management)", "SHOPSCALE_CATALOG_ADMIN_PORT"),
                new PortClaim(8083, "cart", "SHOPSCALE_CART_PORT"),
                new PortClaim(9083, "cart (management)", "SHOPSCALE_CART_ADMIN_PORT"),
                new PortClaim(8084, "inventory", "SHOPSCALE_INVENTORY_PORT"),
                new PortClaim(9084, "inventory (management)", "SHOPSCALE_INVENTORY_ADMIN_PORT"),
                new PortClaim(8085, "orders", "SHOPSCALE_ORDERS_PORT"),
                new PortClaim(9085, "orders (management)", "SHOPSCALE_ORDERS_ADMIN_PORT"),
                new PortClaim(8086, "payment", "SHOPSCALE_PAYMENT_PORT"),
                new PortClaim(9086, "payment (management)", "SHOPSCALE_PAYMENT_ADMIN_PORT"),
                new PortClaim(8090, "psp", "SHOPSCALE_PSP_PORT"),
                new PortClaim(8091, "psp (management)", "SHOPSCALE_PSP_ADMIN_PORT"),
                new PortClaim(8080, "gateway", "SHOPSCALE_GATEWAY_PORT"),
                new PortClaim(9080, "gateway (management)", "SHOPSCALE_GATEWAY_ADMIN_PORT"));
    }

    @Test
    void servicesGetTheirPortAndThePlatformEnvironment() {
        LaunchSpec catalog = launches(Map.of("SHOPSCALE_POSTGRES_URL", "jdbc:postgresql://db/x",
                "SHOPSCALE_POSTGRES_PASSWORD", "s3cret")).first(Components.get("catalog"));

        assertThat(catalog.environment())
                .containsEntry("SERVER_PORT", "8081")
                .containsEntry("SHOPSCALE_REGISTRY_URL", "http://127.0.0.1:8761/eureka/")
                .containsEntry("SHOPSCALE_KAFKA_BOOTSTRAP", "127.0.0.1:19092")
                .containsEntry("SHOPSCALE_POSTGRES_PASSWORD", "s3cret")
                .containsEntry("MANAGEMENT_SERVER_PORT", "9081");
        assertThat(catalog.ports()).containsExactly(8081, 9081);
    }

    @Test
    void theProviderSimulatorListensOnItsAdminPortTooAndPaymentIsToldWhereItIs() {
        Launches launches = launches(Map.of("SHOPSCALE_PSP_PORT", "9190", "SHOPSCALE_PSP_ADMIN_PORT", "9191"));

        LaunchSpec psp = launches.first(Components.get("psp"));
        LaunchSpec payment = launches.first(Components.get("payment"));

        assertThat(psp.environment()).containsEntry("SERVER_PORT", "9190").containsEntry("MANAGEMENT_SERVER_PORT", "9191");
        assertThat(psp.ports()).containsExactly(9190, 9191);
        assertThat(payment.environment()).containsEntry("SHOPSCALE_PAYMENT_PROVIDER_URL", "http://127.0.0.1:9190");
        assertThat(launches(Map.of("SHOPSCALE_PAYMENT_PROVIDER_URL", "https://psp.example")).first(Components.get("payment"))
                .environment()).containsEntry("SHOPSCALE_PAYMENT_PROVIDER_URL", "https://psp.example");
    }

    @Test
    void laterInstancesGetTheirOwnPortAndLogAndTheRecordedEnvironmentPlusSecrets() {
        Launches launches = launches(Map.of("SHOPSCALE_POSTGRES_URL", "jdbc:postgresql://db/x",
                "SHOPSCALE_POSTGRES_PASSWORD", "s3cret"));
        Map<String, String> recorded = Map.of("SHOPSCALE_REGISTRY_URL", "http://127.0.0.1:9999/eureka/");

        LaunchSpec second = launches.service(Components.get("catalog"), 2, 40123, recorded);

        assertThat(second.name()).isEqualTo("catalog-2");
        assertThat(second.log()).isEqualTo(home.resolve(".shopscale/logs/catalog-2.log"));
        assertThat(second.environment())
                .containsEntry("SERVER_PORT", "40123")
                .containsEntry("SHOPSCALE_REGISTRY_URL", "http://127.0.0.1:9999/eureka/")
                .containsEntry("SHOPSCALE_POSTGRES_PASSWORD", "s3cret");
        assertThat(second.command()).contains("-Dshopscale.instance=catalog-2");
    }

    @Test
    void theGeneratedSecretsGoEachToTheProcessThatNeedsItAndStayTheSame() throws IOException {
        Launches launches = launches(Map.of());
        assertThat(launches.first(Components.get("psp")).environment()).as("nothing generated yet")
                .doesNotContainKey("SHOPSCALE_PSP_ADMIN_TOKEN");
        new PlatformSecrets(settings(Map.of(), null)).generate(Components.all());

        LaunchSpec identity = launches.first(Components.get("identity"));
        LaunchSpec psp = launches.first(Components.get("psp"));
        String password = Files.readString(home.resolve(".shopscale/secrets/admin-password")).strip();
        String keySecret = Files.readString(home.resolve(".shopscale/secrets/identity-key-secret")).strip();
        String token = Files.readString(home.resolve(".shopscale/secrets/psp-admin-token")).strip();

        assertThat(keySecret).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(password);
        assertThat(identity.environment()).containsEntry("SHOPSCALE_ADMIN_PASSWORD", password)
                .containsEntry("SHOPSCALE_IDENTITY_KEY_SECRET", keySecret)
                .doesNotContainKey("SHOPSCALE_PSP_ADMIN_TOKEN");
        assertThat(identity.command()).noneMatch(argument -> argument.contains(keySecret));
        assertThat(psp.environment()).containsEntry("SHOPSCALE_PSP_ADMIN_TOKEN", token)
                .doesNotContainKeys("SHOPSCALE_ADMIN_PASSWORD", "SHOPSCALE_IDENTITY_KEY_SECRET");
        for (String other : List.of("catalog", "payment", "gateway", "registry")) {
            assertThat(launches.first(Components.get(other)).environment()).as(other)
                    .doesNotContainKeys("SHOPSCALE_ADMIN_PASSWORD", "SHOPSCALE_IDENTITY_KEY_SECRET",
                            "SHOPSCALE_PSP_ADMIN_TOKEN");
        }
        assertThat(launches(Map.of()).service(Components.get("identity"), 2, 40124, Map.of()).environment())
                .containsEntry("SHOPSCALE_ADMIN_PASSWORD", password)
                .containsEntry("SHOPSCALE_IDENTITY_KEY_SECRET", keySecret);
        assertThat(launches(Map.of()).first(Components.get("psp")).environment())
                .containsEntry("SHOPSCALE_PSP_ADMIN_TOKEN", token);
    }

    @Test
    void theRegistryAndEveryClientOfItGetTheRegistryPasswordAndNothingElseDoes() throws IOException {
        Launches launches = launches(Map.of());
        assertThat(launches.first(Components.get("registry")).environment()).as("nothing generated yet")
                .doesNotContainKey("SHOPSCALE_REGISTRY_PASSWORD");
        new PlatformSecrets(settings(Map.of(), null)).generate(Components.all());
        String password = Files.readString(home.resolve(".shopscale/secrets/registry-password")).strip();

        for (String client : List.of("registry", "identity", "catalog", "cart", "inventory", "orders", "payment",
                "gateway")) {
            assertThat(launches.first(Components.get(client)).environment()).as(client)
                    .containsEntry("SHOPSCALE_REGISTRY_PASSWORD", password);
        }
        assertThat(launches.service(Components.get("catalog"), 2, 40123, Map.of()).environment())
                .containsEntry("SHOPSCALE_REGISTRY_PASSWORD", password);
        assertThat(launches.first(Components.get("psp")).environment()).doesNotContainKey("SHOPSCALE_REGISTRY_PASSWORD");
        assertThat(launches.first(Components.get("stores")).environment()).isEmpty();
        // The compact topology's one JVM hosts the registry and every service: it gets the password once.
        List<Component> hosted = Components.all().stream().filter(Components::hostedInCompact).toList();
        assertThat(new PlatformSecrets(settings(Map.of(), null)).environment(hosted))
                .containsEntry("SHOPSCALE_REGISTRY_PASSWORD", password);
        assertThat(new PlatformSecrets(settings(Map.of(), null)).registryCredentials()).hasValueSatisfying(
                credentials -> assertThat(credentials.authorization()).isEqualTo("Basic " + java.util.Base64
                        .getEncoder().encodeToString(("shopscale:" + password).getBytes())));
    }

    @Test
    void aRegistryPasswordTheUserChoseIsNeitherGeneratedNorOverriddenAndTheLauncherUsesItToo() {
        Map<String, String> chosen = Map.of("SHOPSCALE_REGISTRY_PASSWORD", "chosen-registry-password-0123456789abc",
                "SHOPSCALE_REGISTRY_USERNAME", "platform");
        PlatformSecrets secrets = new PlatformSecrets(settings(chosen, null));
        secrets.generate(Components.all());

        // The user's variable reaches every process with the rest of the launcher's environment.
        assertThat(launches(chosen).first(Components.get("catalog")).environment())
                .doesNotContainKey("SHOPSCALE_REGISTRY_PASSWORD");
        assertThat(home.resolve(".shopscale/secrets/registry-password")).doesNotExist();
        assertThat(secrets.registryCredentials()).hasValue(
                new PlatformSecrets.RegistryCredentials("platform", "chosen-registry-password-0123456789abc"));
    }

    @Test
    void eachServiceWithADatabaseGetsOnlyItsOwnLoginToTheEmbeddedPostgres() {
        new PlatformSecrets(settings(Map.of(), null)).generate(Components.all());
        Launches launches = launches(Map.of());
        StoreAccounts accounts = new StoreAccounts(settings(Map.of(), null));

        for (String service : List.of("identity", "catalog", "inventory", "orders", "payment")) {
            String variable = "SHOPSCALE_" + service.toUpperCase() + "_POSTGRES_";
            Map<String, String> env = launches.first(Components.get(service)).environment();
            assertThat(env).as(service).containsEntry(variable + "USER", service)
                    .containsEntry(variable + "PASSWORD", accounts.rolePassword(service).read().orElseThrow())
                    .doesNotContainKeys("SHOPSCALE_POSTGRES_USER", "SHOPSCALE_POSTGRES_PASSWORD");
            assertThat(env.keySet().stream().filter(key -> key.endsWith("_POSTGRES_PASSWORD")))
                    .as(service + " knows no other password").containsExactly(variable + "PASSWORD");
        }
        for (String other : List.of("cart", "gateway", "psp", "registry")) {
            assertThat(launches.first(Components.get(other)).environment().keySet()).as(other)
                    .noneMatch(key -> key.contains("POSTGRES_PASSWORD") || key.contains("POSTGRES_USER"));
        }
        // The compact topology's one process hosts every service, and so holds each one's own variable.
        assertThat(new PlatformSecrets(settings(Map.of(), null)).environment(Components.all()).keySet())
                .filteredOn(key -> key.endsWith("_POSTGRES_PASSWORD")).containsExactlyInAnyOrder(
                        "SHOPSCALE_IDENTITY_POSTGRES_PASSWORD", "SHOPSCALE_CATALOG_POSTGRES_PASSWORD",
                        "SHOPSCALE_INVENTORY_POSTGRES_PASSWORD", "SHOPSCALE_ORDERS_POSTGRES_PASSWORD",
                        "SHOPSCALE_PAYMENT_POSTGRES_PASSWORD");
        assertThat(accounts.superuserEnvironment()).containsOnlyKeys("SHOPSCALE_POSTGRES_PASSWORD");
    }

    @Test
    void eachServiceThatKeepsKeysInRedisGetsAUrlWithOnlyItsOwnLogin() {
        new PlatformSecrets(settings(Map.of("SHOPSCALE_REDIS_PORT", "26379"), null)).generate(Components.all());
        Launches launches = launches(Map.of("SHOPSCALE_REDIS_PORT", "26379"));
        StoreAccounts accounts = new StoreAccounts(settings(Map.of(), null));

        for (String service : List.of("gateway", "identity", "cart", "catalog")) {
            Map<String, String> env = launches.first(Components.get(service)).environment();
            assertThat(env).as(service).containsEntry("SHOPSCALE_" + service.toUpperCase() + "_REDIS_URL",
                    "redis://" + service + ":" + accounts.redisPassword(service).read().orElseThrow()
                            + "@127.0.0.1:26379");
            assertThat(env.keySet().stream().filter(key -> key.endsWith("_REDIS_URL")))
                    .as(service + " knows no other login").containsExactlyInAnyOrder(
                            "SHOPSCALE_REDIS_URL", "SHOPSCALE_" + service.toUpperCase() + "_REDIS_URL");
        }
        for (String other : List.of("inventory", "orders", "payment", "psp", "registry")) {
            assertThat(launches.first(Components.get(other)).environment().keySet()).as(other)
                    .noneMatch(key -> key.endsWith("_REDIS_URL") && !key.equals("SHOPSCALE_REDIS_URL"));
        }
        assertThat(launches.first(Components.get("stores")).environment()).isEmpty();
    }

    /** The stores process reads what the launcher wrote: the same files, under the same names. */
    @Test
    void theStoresProcessFindsEveryPasswordTheLauncherGenerated() {
        new PlatformSecrets(settings(Map.of(), null)).generate(Components.all());
        StoreAccounts accounts = new StoreAccounts(settings(Map.of(), null));

        StoreCredentials read = StoreCredentials.readFrom(home.resolve(".shopscale/secrets"));

        assertThat(read.postgresSuperuserPassword()).isEqualTo(accounts.superuserPassword().read().orElseThrow());
        for (SchemaOwner owner : SchemaOwner.SERVICES) {
            assertThat(read.databasePassword(owner.role()))
                    .isEqualTo(accounts.rolePassword(owner.role()).read().orElseThrow());
        }
        assertThat(read.redisAdminPassword()).isEqualTo(accounts.redisAdminPassword().read().orElseThrow());
        for (RedisUser user : RedisUser.SERVICES) {
            assertThat(read.redisPassword(user.name()))
                    .isEqualTo(accounts.redisPassword(user.name()).read().orElseThrow());
        }
        assertThat(StoreAccounts.DATABASE_ROLES)
                .containsExactlyInAnyOrderElementsOf(SchemaOwner.SERVICES.stream().map(SchemaOwner::role).toList());
        assertThat(StoreAccounts.REDIS_USERS)
                .containsExactlyInAnyOrderElementsOf(RedisUser.SERVICES.stream().map(RedisUser::name).toList());
    }

    @Test
    void externalStoresAreUsedWithTheUsersLoginAndNoStorePasswordIsGeneratedForThem() {
        Map<String, String> externalPostgres = Map.of("SHOPSCALE_POSTGRES_URL", "jdbc:postgresql://db/x",
                "SHOPSCALE_POSTGRES_USER", "shop", "SHOPSCALE_POSTGRES_PASSWORD", "s3cret");
        new PlatformSecrets(settings(externalPostgres, null)).generate(Components.all());

        Map<String, String> catalog = launches(externalPostgres).first(Components.get("catalog")).environment();

        assertThat(catalog).containsEntry("SHOPSCALE_POSTGRES_USER", "shop")
                .containsEntry("SHOPSCALE_POSTGRES_PASSWORD", "s3cret")
                .containsKey("SHOPSCALE_CATALOG_REDIS_URL")
                .doesNotContainKeys("SHOPSCALE_CATALOG_POSTGRES_USER", "SHOPSCALE_CATALOG_POSTGRES_PASSWORD");

        Map<String, String> bothExternal = new HashMap<>(externalPostgres);
        bothExternal.put("SHOPSCALE_REDIS_URL", "redis://cache:6379");
        assertThat(launches(bothExternal).first(Components.get("catalog")).environment())
                .containsEntry("SHOPSCALE_REDIS_URL", "redis://cache:6379")
                .doesNotContainKey("SHOPSCALE_CATALOG_REDIS_URL");
    }

    @Test
    void withPostgresAndRedisExternalNoStorePasswordIsGenerated() {
        Map<String, String> external = Map.of("SHOPSCALE_POSTGRES_URL", "jdbc:postgresql://db/x",
                "SHOPSCALE_REDIS_URL", "redis://cache:6379");
        new PlatformSecrets(settings(external, null)).generate(Components.all());

        assertThat(home.resolve(".shopscale/secrets/postgres-password")).doesNotExist();
        assertThat(home.resolve(".shopscale/secrets/redis-cart-password")).doesNotExist();
    }

    @Test
    void anAdministratorPasswordTheUserChoseIsNeitherGeneratedNorOverridden() {
        Map<String, String> chosen = Map.of("SHOPSCALE_ADMIN_PASSWORD", "chosen-by-me-2024");
        new PlatformSecrets(settings(chosen, null)).generate(Components.all());

        LaunchSpec identity = launches(chosen).first(Components.get("identity"));

        // The user's variable reaches identity with the rest of the launcher's environment.
        assertThat(identity.environment()).doesNotContainKey("SHOPSCALE_ADMIN_PASSWORD");
        assertThat(home.resolve(".shopscale/secrets/admin-password")).doesNotExist();
    }

    @Test
    void aSigningKeySecretTheUserChoseIsNeitherGeneratedNorOverridden() {
        Map<String, String> chosen = Map.of("SHOPSCALE_IDENTITY_KEY_SECRET", "chosen-by-me-0123456789abcdef0123456789");
        new PlatformSecrets(settings(chosen, null)).generate(Components.all());

        LaunchSpec identity = launches(chosen).first(Components.get("identity"));

        // The user's variable reaches identity with the rest of the launcher's environment.
        assertThat(identity.environment()).doesNotContainKey("SHOPSCALE_IDENTITY_KEY_SECRET")
                .containsKey("SHOPSCALE_ADMIN_PASSWORD");
        assertThat(home.resolve(".shopscale/secrets/identity-key-secret")).doesNotExist();
    }

    @Test
    void theProcessThatHostsIdentityAmongOthersGetsItsSecretsAndNoOneElse() {
        PlatformSecrets secrets = new PlatformSecrets(settings(Map.of(), null));
        secrets.generate(Components.all());
        String keySecret = secrets.identityKeySecret().read().orElseThrow();

        Map<String, String> compact = secrets.environment(List.of(Components.get("catalog"),
                Components.get("identity"), Components.get("gateway")));
        Map<String, String> withoutIdentity = secrets.environment(List.of(Components.get("catalog"),
                Components.get("gateway")));

        assertThat(compact).containsEntry("SHOPSCALE_IDENTITY_KEY_SECRET", keySecret)
                .containsKey("SHOPSCALE_ADMIN_PASSWORD");
        assertThat(withoutIdentity).doesNotContainKeys("SHOPSCALE_IDENTITY_KEY_SECRET", "SHOPSCALE_ADMIN_PASSWORD");
    }

    @Test
    void jvmOptionsKeepMemorySmallAndTheUsersOptionsComeLast() {
        LaunchSpec gateway = launches(Map.of("SHOPSCALE_JAVA_OPTS", "-Xmx512m")).first(Components.get("gateway"));

        assertThat(gateway.command()).first().isEqualTo(ProcessHandle.current().info().command().orElseThrow());
        assertThat(gateway.command()).contains("-Xmx192m", "-XX:+UseSerialGC", "-Xss512k",
                "-XX:ReservedCodeCacheSize=64m", "--enable-native-access=ALL-UNNAMED");
        assertThat(gateway.command()).containsSubsequence("-Xmx192m", "-Xmx512m", "-jar");
    }

    @Test
    void onJdk25TheFirstInstanceTrainsAnAotCacheUnderATrainingNameAndEveryInstanceUsesTheCacheOnceItExists()
            throws IOException {
        Path cache = home.resolve(".shopscale/cds/catalog-unbuilt.aot");
        Component catalog = Components.get("catalog");

        assertThat(launches(Map.of(), jdk("25.0.1")).first(catalog).command())
                .contains("-Xlog:aot*=off")
                .anyMatch(option -> option.matches("-XX:AOTCacheOutput=" + cache + "\\.training-[0-9a-f]{16}"))
                .noneMatch(option -> option.equals("-XX:AOTCacheOutput=" + cache))
                .noneMatch(option -> option.startsWith("-XX:AOTCache="));
        assertThat(launches(Map.of(), jdk("25.0.1")).service(catalog, 2, 40123, Map.of()).command())
                .noneMatch(option -> option.startsWith("-XX:AOT"));

        Files.createDirectories(cache.getParent());
        Files.writeString(cache, "trained");

        assertThat(launches(Map.of(), jdk("25.0.1")).first(catalog).command()).contains("-XX:AOTCache=" + cache)
                .noneMatch(option -> option.startsWith("-XX:AOTCacheOutput"));
        assertThat(launches(Map.of(), jdk("25.0.1")).service(catalog, 2, 40123, Map.of()).command())
                .contains("-XX:AOTCache=" + cache);
    }

    @Test
    void anEmptyAotCacheIsNeverUsedAndTheFirstInstanceTrainsAgain() throws IOException {
        Path cache = home.resolve(".shopscale/cds/catalog-unbuilt.aot");
        Files.createDirectories(cache.getParent());
        Files.createFile(cache);
        Component catalog = Components.get("catalog");

        assertThat(launches(Map.of(), jdk("25.0.1")).first(catalog).command())
                .noneMatch(option -> option.startsWith("-XX:AOTCache="))
                .anyMatch(option -> option.startsWith("-XX:AOTCacheOutput=" + cache + ".training-"));
        assertThat(launches(Map.of(), jdk("25.0.1")).service(catalog, 2, 40123, Map.of()).command())
                .noneMatch(option -> option.startsWith("-XX:AOT"));
    }

    @Test
    void preparingAStartDeletesEmptyCachesAndTrainingFilesThatNoJvmWritesAnyMore() throws IOException {
        Path cds = home.resolve(".shopscale/cds");
        Files.createDirectories(cds);
        Path emptyCache = Files.createFile(cds.resolve("catalog-unbuilt.aot"));
        Path emptyTraining = Files.createFile(cds.resolve("catalog-unbuilt.aot.training-00000000000000aa"));
        Path leftProfile = Files.writeString(cds.resolve("catalog-unbuilt.aot.training-00000000000000aa.config"), "x");
        Path cartTraining = Files.writeString(cds.resolve("cart-unbuilt.aot.training-00000000000000bb"), "garbage");

        launches(Map.of(), jdk("25.0.1")).prepare(List.of(Components.get("catalog"), Components.get("cart")), () -> { });

        assertThat(List.of(emptyCache, emptyTraining, leftProfile, cartTraining)).noneMatch(Files::exists);
        assertThat(cds.resolve("cart-unbuilt.aot")).doesNotExist();
    }

    @Test
    void onJdk21TheFirstInstanceMaintainsADynamicCdsArchive() throws IOException {
        Path archive = home.resolve(".shopscale/cds/catalog-unbuilt.jsa");
        Component catalog = Components.get("catalog");

        assertThat(launches(Map.of(), jdk("21.0.7")).first(catalog).command())
                .contains("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off")
                .noneMatch(option -> option.contains("aot"));
        assertThat(launches(Map.of(), jdk("21.0.7")).service(catalog, 2, 40123, Map.of()).command())
                .noneMatch(option -> option.contains("SharedArchive"));
    }

    @Test
    void classCachesCanBeTurnedOff() throws IOException {
        assertThat(launches(Map.of("SHOPSCALE_CDS", "off"), jdk("25")).first(Components.get("catalog")).command())
                .noneMatch(option -> option.contains("AOT") || option.contains("SharedArchive"));
    }

    private Launches launches(Map<String, String> env) {
        return launches(env, null);
    }

    /** A JDK that exists only as far as the launcher looks: its release file. */
    private Path jdk(String version) throws IOException {
        Path jdk = home.resolve("jdk-" + version);
        Files.createDirectories(jdk.resolve("bin"));
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        return jdk.resolve("bin/java");
    }

    private Launches launches(Map<String, String> env, Path java) {
        return new Launches(settings(env, java));
    }

    private Settings settings(Map<String, String> env, Path java) {
        var system = new Properties();
        if (java != null) {
            system.setProperty(Settings.JAVA_PROPERTY, java.toString());
        }
        system.setProperty("user.dir", home.toString());
        system.setProperty("java.home", System.getProperty("java.home"));
        return Settings.resolve(new HashMap<>(env), system, null);
    }
}
