package io.shopscale.launcher.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTests {

    @TempDir
    Path home;

    @Test
    void defaultsComeFromTheHomeAndTheRunningJvm() {
        Settings settings = Settings.resolve(Map.of(), system(), null);

        assertThat(settings.home()).isEqualTo(home);
        assertThat(settings.stateDir()).isEqualTo(home.resolve(".shopscale"));
        assertThat(settings.logsDir()).isEqualTo(home.resolve(".shopscale/logs"));
        assertThat(settings.runDir()).isEqualTo(home.resolve(".shopscale/run"));
        assertThat(settings.java()).isEqualTo(Path.of(ProcessHandle.current().info().command().orElseThrow()));
        assertThat(settings.version()).isNotBlank().doesNotContain("@");
    }

    @Test
    void stateDirOptionWinsOverTheEnvironmentWhichWinsOverTheDefault() {
        Map<String, String> env = Map.of("SHOPSCALE_STATE_DIR", "/tmp/from-env");

        assertThat(Settings.resolve(env, system(), null).stateDir()).isEqualTo(Path.of("/tmp/from-env"));
        assertThat(Settings.resolve(env, system(), Path.of("/tmp/from-option")).stateDir())
                .isEqualTo(Path.of("/tmp/from-option"));
        assertThat(Settings.resolve(env, system(), Path.of("relative")).stateDir())
                .isEqualTo(home.resolve("relative"));
    }

    @Test
    void javaComesFromTheLauncherScriptWhenGiven() {
        Properties system = system();
        system.setProperty(Settings.JAVA_PROPERTY, "/opt/jdk-21/bin/java");

        assertThat(Settings.resolve(Map.of(), system, null).java()).isEqualTo(Path.of("/opt/jdk-21/bin/java"));
    }

    @Test
    void javaVersionIsReadFromTheJdkReleaseFile() throws IOException {
        Path java = fakeJdk("jdk-21", "JAVA_VERSION=\"21.0.4\"");
        Path legacy = fakeJdk("jdk-8", "JAVA_VERSION=\"1.8.0_402\"");

        assertThat(Settings.javaFeatureVersion(java)).isEqualTo(21);
        assertThat(Settings.javaFeatureVersion(legacy)).isEqualTo(8);
        assertThat(Settings.javaFeatureVersion(home.resolve("nowhere/bin/java"))).isEqualTo(Runtime.version().feature());
    }

    @Test
    void portsHaveDefaultsAndFollowTheirVariables() {
        Settings defaults = Settings.resolve(Map.of(), system(), null);
        Settings moved = Settings.resolve(Map.of("SHOPSCALE_GATEWAY_PORT", "18080", "SHOPSCALE_KAFKA_PORT", "29092"),
                system(), null);

        assertThat(defaults.port(Components.get("gateway"))).isEqualTo(8080);
        assertThat(defaults.port(Components.get("registry"))).isEqualTo(8761);
        assertThat(defaults.port(Components.get("catalog"))).isEqualTo(8081);
        assertThat(defaults.port(Store.POSTGRES)).isEqualTo(15432);
        assertThat(defaults.port(Store.REDIS)).isEqualTo(16379);
        assertThat(defaults.port(Store.KAFKA)).isEqualTo(19092);
        assertThat(defaults.kafkaControllerPort()).isEqualTo(19093);
        assertThat(moved.port(Components.get("gateway"))).isEqualTo(18080);
        assertThat(moved.kafkaControllerPort()).isEqualTo(29093);
    }

    @Test
    void aPortThatIsNoPortIsRejectedByName() {
        assertThatThrownBy(() -> Settings.resolve(Map.of("SHOPSCALE_GATEWAY_PORT", "http"), system(), null)
                .port(Components.get("gateway")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("SHOPSCALE_GATEWAY_PORT must be a TCP port between 1 and 65535, not 'http'");
        assertThatThrownBy(() -> Settings.resolve(Map.of("SHOPSCALE_REDIS_PORT", "70000"), system(), null)
                .port(Store.REDIS))
                .isInstanceOf(InvalidSettingException.class);
    }

    @Test
    void servicesGetDefaultsForTheEmbeddedStores() {
        Settings settings = Settings.resolve(Map.of("SHOPSCALE_REGISTRY_PORT", "9761"), system(), null);

        assertThat(settings.serviceEnvironment()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "SHOPSCALE_REGISTRY_URL", "http://127.0.0.1:9761/eureka/",
                "SHOPSCALE_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:15432/postgres",
                "SHOPSCALE_REDIS_URL", "redis://127.0.0.1:16379",
                "SHOPSCALE_KAFKA_BOOTSTRAP", "127.0.0.1:19092",
                "SHOPSCALE_PAYMENT_PROVIDER_URL", "http://127.0.0.1:8090",
                "SHOPSCALE_IDENTITY_TRUSTED_PROXIES", "127.0.0.1,::1",
                "SHOPSCALE_GATEWAY_ADDRESS", "127.0.0.1"));
    }

    @Test
    void aManagementPortMovesWithItsServiceUnlessSetItself() {
        Component catalog = Components.get("catalog");

        assertThat(Settings.resolve(Map.of(), system(), null).adminPort(catalog)).isEqualTo(9081);
        assertThat(Settings.resolve(Map.of("SHOPSCALE_CATALOG_PORT", "7000"), system(), null).adminPort(catalog))
                .isEqualTo(8000);
        assertThat(Settings.resolve(Map.of("SHOPSCALE_CATALOG_PORT", "7000", "SHOPSCALE_CATALOG_ADMIN_PORT", "7001"),
                system(), null).adminPort(catalog)).isEqualTo(7001);
        assertThatThrownBy(() -> Settings.resolve(Map.of("SHOPSCALE_CATALOG_PORT", "65000"), system(), null)
                .adminPort(catalog)).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("SHOPSCALE_CATALOG_ADMIN_PORT");
    }

    @Test
    void onlyAnAddressOfThisMachineIsAcceptedForTheGatewayAndLoopbackIsWhereAWildcardIsProbed() {
        assertThat(ListenAddress.validate("0.0.0.0")).isEqualTo("0.0.0.0");
        assertThat(ListenAddress.validate("127.0.0.1")).isEqualTo("127.0.0.1");
        assertThatThrownBy(() -> ListenAddress.validate("192.0.2.1")).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("not an address of this machine");
        assertThat(ListenAddress.probeHost(Map.of(Settings.GATEWAY_ADDRESS_VARIABLE, "0.0.0.0"))).isEqualTo("127.0.0.1");
        assertThat(ListenAddress.probeHost(Map.of(Settings.GATEWAY_ADDRESS_VARIABLE, "10.1.2.3"))).isEqualTo("10.1.2.3");
        assertThat(ListenAddress.probeHost(Map.of())).isEqualTo("127.0.0.1");
    }

    @Test
    void storeSettingsTheUserGavePassUnchangedAndMakeThatStoreExternal() {
        Map<String, String> env = Map.of(
                "SHOPSCALE_POSTGRES_URL", "jdbc:postgresql://db.example:5432/shop",
                "SHOPSCALE_POSTGRES_USER", "shop",
                "SHOPSCALE_POSTGRES_PASSWORD", "s3cret",
                "SHOPSCALE_KAFKA_BOOTSTRAP", "kafka.example:9092",
                "SHOPSCALE_REDIS_URL", "  ",
                "SHOPSCALE_IDENTITY_TRUSTED_PROXIES", "10.0.0.0/8");
        Settings settings = Settings.resolve(env, system(), null);

        assertThat(settings.serviceEnvironment())
                .containsEntry("SHOPSCALE_POSTGRES_URL", "jdbc:postgresql://db.example:5432/shop")
                .containsEntry("SHOPSCALE_POSTGRES_USER", "shop")
                .containsEntry("SHOPSCALE_POSTGRES_PASSWORD", "s3cret")
                .containsEntry("SHOPSCALE_KAFKA_BOOTSTRAP", "kafka.example:9092")
                .containsEntry("SHOPSCALE_REDIS_URL", "redis://127.0.0.1:16379")
                .containsEntry("SHOPSCALE_IDENTITY_TRUSTED_PROXIES", "10.0.0.0/8");
        assertThat(settings.isExternal(Store.POSTGRES)).isTrue();
        assertThat(settings.isExternal(Store.KAFKA)).isTrue();
        assertThat(settings.isExternal(Store.REDIS)).as("a blank variable is not set").isFalse();
    }

    @Test
    void extraJavaOptionsApplyToAllThenToOneComponent() {
        Settings settings = Settings.resolve(Map.of("SHOPSCALE_JAVA_OPTS", " -Xmx256m  -Dall=1 ",
                "SHOPSCALE_CATALOG_JAVA_OPTS", "-Xmx320m"), system(), null);

        assertThat(settings.extraJavaOptions(Components.get("catalog"))).containsExactly("-Xmx256m", "-Dall=1", "-Xmx320m");
        assertThat(settings.extraJavaOptions(Components.get("gateway"))).containsExactly("-Xmx256m", "-Dall=1");
    }

    private Properties system() {
        var system = new Properties();
        system.setProperty("user.dir", home.toString());
        system.setProperty(Settings.HOME_PROPERTY, home.toString());
        system.setProperty("java.home", System.getProperty("java.home"));
        return system;
    }

    private Path fakeJdk(String name, String release) throws IOException {
        Path jdk = home.resolve(name);
        Files.createDirectories(jdk.resolve("bin"));
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"Test\"\n" + release + "\n");
        return jdk.resolve("bin/java");
    }
}
