package io.shopscale.launcher.state;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretFileTests {

    @TempDir
    Path stateDir;

    @Test
    void nothingIsThereBeforeTheFirstUse() {
        SecretFile secret = SecretFile.in(stateDir, "psp-admin-token");

        assertThat(secret.read()).isEmpty();
        assertThat(secret.path()).isEqualTo(stateDir.resolve("secrets/psp-admin-token"));
        assertThat(secret.path()).doesNotExist();
    }

    @Test
    void theFirstUseWritesARandomSecretOnlyItsOwnerCanRead() throws IOException {
        SecretFile secret = SecretFile.in(stateDir, "psp-admin-token");

        String value = secret.readOrCreate();

        assertThat(value).matches("[A-Za-z0-9_-]{43}");
        assertThat(Files.readString(secret.path())).isEqualTo(value + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret.path()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret.path().getParent())))
                .isEqualTo("rwx------");
        assertThat(Files.list(secret.path().getParent())).containsExactly(secret.path());
    }

    @Test
    void laterUsesReadTheSameSecret() {
        String first = SecretFile.in(stateDir, "admin-password").readOrCreate();

        assertThat(SecretFile.in(stateDir, "admin-password").readOrCreate()).isEqualTo(first);
        assertThat(SecretFile.in(stateDir, "admin-password").read()).hasValue(first);
        assertThat(SecretFile.in(stateDir, "psp-admin-token").readOrCreate()).isNotEqualTo(first);
    }

    @Test
    void aSecretThatIsNotUsableIsDrawnAgain() {
        var draws = new AtomicInteger();

        String value = SecretFile.in(stateDir, "admin-password").readOrCreate(candidate -> draws.incrementAndGet() > 2);

        assertThat(draws).hasValue(3);
        assertThat(SecretFile.in(stateDir, "admin-password").read()).hasValue(value);
    }

    @Test
    void aSecretsDirectoryOthersCouldListIsClosedWhenASecretIsWritten() throws IOException {
        Files.createDirectories(stateDir.resolve("secrets"));
        Files.setPosixFilePermissions(stateDir.resolve("secrets"), PosixFilePermissions.fromString("rwxr-xr-x"));

        SecretFile.in(stateDir, "admin-password").readOrCreate();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stateDir.resolve("secrets"))))
                .isEqualTo("rwx------");
    }

    @Test
    void anEmptyFileIsReportedNotHandedOut() throws IOException {
        Files.createDirectories(stateDir.resolve("secrets"));
        Files.writeString(stateDir.resolve("secrets/admin-password"), "\n");

        assertThatThrownBy(() -> SecretFile.in(stateDir, "admin-password").readOrCreate())
                .isInstanceOf(StateException.class).hasMessageContaining("is empty; delete it");
    }
}
