package io.shopscale.launcher.cli;

import io.shopscale.launcher.cli.FakePlatform.Result;
import io.shopscale.launcher.state.InstanceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code up} generates the administrator password, identity's signing-key secret, the provider simulator's admin
 * token and the registry's password once per state directory, readable by their owner only, hands each to the
 * processes that need it and never prints any; {@code psp} sends the token.
 */
class SecretsCommandsTests {

    @TempDir
    Path home;

    private FakePlatform platform;

    @BeforeEach
    void createPlatform() throws IOException {
        platform = new FakePlatform(home);
    }

    @AfterEach
    void leaveNothingRunning() {
        platform.killAll();
    }

    @Test
    void theFirstUpGeneratesTheSecretsAndTheSecondReusesThem() throws IOException {
        Path passwordFile = home.resolve(".shopscale/secrets/admin-password");
        Path tokenFile = home.resolve(".shopscale/secrets/psp-admin-token");
        Path keySecretFile = home.resolve(".shopscale/secrets/identity-key-secret");
        Path registryFile = home.resolve(".shopscale/secrets/registry-password");

        Result first = platform.run("up", "-d", "--timeout", "60");

        assertThat(first.exitCode()).as(first.err()).isZero();
        String password = Files.readString(passwordFile).strip();
        String token = Files.readString(tokenFile).strip();
        String keySecret = Files.readString(keySecretFile).strip();
        String registryPassword = Files.readString(registryFile).strip();
        assertThat(first.out()).contains("Admin       admin@shopscale.local, password in " + passwordFile)
                .contains("(user shopscale, password in " + registryFile + ")")
                .doesNotContain(password).doesNotContain(token).doesNotContain(keySecret)
                .doesNotContain(registryPassword).doesNotContain("older than this file");
        for (Path file : new Path[] {passwordFile, tokenFile, keySecretFile, registryFile}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile.getParent())))
                .isEqualTo("rwx------");
        assertThat(environment("identity")).containsEntry("SHOPSCALE_ADMIN_PASSWORD", password)
                .containsEntry("SHOPSCALE_IDENTITY_KEY_SECRET", keySecret);
        assertThat(commandLine("identity")).doesNotContain(keySecret);
        assertThat(environment("psp")).containsEntry("SHOPSCALE_PSP_ADMIN_TOKEN", token)
                .doesNotContainKeys("SHOPSCALE_ADMIN_PASSWORD", "SHOPSCALE_IDENTITY_KEY_SECRET");
        assertThat(environment("catalog")).doesNotContainKeys("SHOPSCALE_ADMIN_PASSWORD", "SHOPSCALE_PSP_ADMIN_TOKEN",
                "SHOPSCALE_IDENTITY_KEY_SECRET");
        for (String client : new String[] {"registry", "identity", "catalog", "gateway"}) {
            assertThat(environment(client)).as(client).containsEntry("SHOPSCALE_REGISTRY_PASSWORD", registryPassword);
        }
        assertThat(environment("psp")).doesNotContainKey("SHOPSCALE_REGISTRY_PASSWORD");
        assertThat(Files.readString(platform.store().file())).doesNotContain(password).doesNotContain(token)
                .doesNotContain(keySecret).doesNotContain(registryPassword);
        try (Stream<Path> logs = Files.list(home.resolve(".shopscale/logs"))) {
            for (Path log : logs.toList()) {
                assertThat(Files.readString(log)).as(log.toString()).contains("--- shopscale: starting")
                        .doesNotContain(keySecret).doesNotContain(password).doesNotContain(token)
                        .doesNotContain(registryPassword);
            }
        }
        assertThat(platform.run("down").exitCode()).isZero();

        Result second = platform.run("up", "-d", "--timeout", "60");

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(Files.readString(passwordFile).strip()).isEqualTo(password);
        assertThat(Files.readString(tokenFile).strip()).isEqualTo(token);
        assertThat(Files.readString(keySecretFile).strip()).isEqualTo(keySecret);
        assertThat(Files.readString(registryFile).strip()).isEqualTo(registryPassword);
        assertThat(environment("identity")).containsEntry("SHOPSCALE_ADMIN_PASSWORD", password)
                .containsEntry("SHOPSCALE_IDENTITY_KEY_SECRET", keySecret);
        assertThat(environment("catalog")).containsEntry("SHOPSCALE_REGISTRY_PASSWORD", registryPassword);
        assertThat(environment("psp")).containsEntry("SHOPSCALE_PSP_ADMIN_TOKEN", token);
        assertThat(platform.run("down").exitCode()).isZero();
    }

    @Test
    void pspSendsTheTokenAndSaysWhereItIsWhenTheSimulatorRefusesIt() throws IOException {
        assertThat(platform.run("up", "-d", "--timeout", "60").exitCode()).isZero();

        Result psp = platform.run("psp");

        assertThat(psp.exitCode()).as(psp.err()).isZero();
        assertThat(psp.out()).contains("\"latency\" : \"0s\"");

        Path tokenFile = home.resolve(".shopscale/secrets/psp-admin-token");
        Files.writeString(tokenFile, "not-the-token-the-simulator-was-given\n");
        Result refused = platform.run("psp", "--latency", "1s");

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(refused.err()).contains("refused the admin token in " + tokenFile);

        Files.delete(tokenFile);
        Result missing = platform.run("psp");

        assertThat(missing.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(missing.err()).contains("its admin token is not in " + tokenFile);
    }

    @Test
    void scaleCancelsADeadInstancesRegistrationWithTheRegistryPassword() throws Exception {
        assertThat(platform.run("up", "-d", "--timeout", "60").exitCode()).isZero();
        assertThat(platform.run("scale", "catalog=2").exitCode()).isZero();
        InstanceRecord second = platform.instance("catalog-2").orElseThrow();
        ProcessHandle process = ProcessHandle.of(second.pid()).orElseThrow();
        process.destroyForcibly();
        process.onExit().get(10, TimeUnit.SECONDS);

        Result scale = platform.run("scale", "catalog=1");

        assertThat(scale.exitCode()).as(scale.err()).isZero();
        assertThat(scale.out()).contains("catalog-2 (port " + second.port() + ") is dead; its registration is cancelled.");
    }

    @Test
    void aPasswordTheUserChoseIsNamedNotWrittenDown() {
        platform.environment.put("SHOPSCALE_ADMIN_PASSWORD", "chosen-by-me-2024");

        Result up = platform.run("up", "-d", "--timeout", "60");

        assertThat(up.exitCode()).as(up.err()).isZero();
        assertThat(up.out()).contains("Admin       admin@shopscale.local, password from SHOPSCALE_ADMIN_PASSWORD")
                .doesNotContain("chosen-by-me-2024");
        assertThat(home.resolve(".shopscale/secrets/admin-password")).doesNotExist();
        assertThat(home.resolve(".shopscale/secrets/psp-admin-token")).exists();

        // Another instance, started by a shell without the variable, leaves no password behind that no account has.
        platform.environment.remove("SHOPSCALE_ADMIN_PASSWORD");
        Result scale = platform.run("scale", "identity=2");

        assertThat(scale.exitCode()).as(scale.err()).isZero();
        assertThat(home.resolve(".shopscale/secrets/admin-password")).doesNotExist();
    }

    @Test
    void aNewPasswordFileBesideAnOlderDatabaseSaysTheAccountKeepsItsPassword() throws IOException {
        Files.createDirectories(home.resolve(".shopscale/data/postgres"));

        Result up = platform.run("up", "-d", "--timeout", "60");

        assertThat(up.exitCode()).as(up.err()).isZero();
        assertThat(up.out()).contains("(the account is older than this file and keeps the password it was created "
                + "with)");
    }

    /** The instance's command line, as every user of the machine can read it. */
    private String commandLine(String instance) throws IOException {
        InstanceRecord record = platform.instance(instance).orElseThrow();
        return Files.readString(Path.of("/proc", Long.toString(record.pid()), "cmdline"), StandardCharsets.UTF_8);
    }

    /** The environment the instance's process runs with, as the operating system shows it. */
    private Map<String, String> environment(String instance) throws IOException {
        InstanceRecord record = platform.instance(instance).orElseThrow();
        String environ = Files.readString(Path.of("/proc", Long.toString(record.pid()), "environ"),
                StandardCharsets.UTF_8);
        return Arrays.stream(environ.split("\0")).filter(entry -> entry.contains("="))
                .collect(Collectors.toMap(entry -> entry.substring(0, entry.indexOf('=')),
                        entry -> entry.substring(entry.indexOf('=') + 1), (a, b) -> b));
    }
}
