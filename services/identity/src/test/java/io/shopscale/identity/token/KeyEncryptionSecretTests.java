package io.shopscale.identity.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopscale.identity.IdentityProperties;
import io.shopscale.identity.TestProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyEncryptionSecretTests {

    private static final String SECRET = "0123456789abcdef0123456789abcdef-test-only";

    @TempDir
    Path dir;

    @Test
    void theVariableWinsAndNoFileIsWritten() {
        Path file = dir.resolve("key-encryption-secret");

        KeyEncryptionSecret secret = KeyEncryptionSecret.resolve(keys(SECRET, file));

        assertThat(secret.value()).isEqualTo(SECRET);
        assertThat(secret.source()).contains("SHOPSCALE_IDENTITY_KEY_SECRET");
        assertThat(file).doesNotExist();
    }

    @Test
    void withoutTheVariableASecretIsGeneratedIntoAFileOnlyItsOwnerCanReadAndReusedAfterwards() throws IOException {
        Path file = dir.resolve("identity/key-encryption-secret");

        KeyEncryptionSecret generated = KeyEncryptionSecret.resolve(keys(null, file));
        KeyEncryptionSecret reused = KeyEncryptionSecret.resolve(keys("", file));

        assertThat(generated.value()).matches("[A-Za-z0-9_-]{43}");
        assertThat(Files.readString(file)).isEqualTo(generated.value() + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(generated.source()).isEqualTo("the file " + file + ", generated at this start");
        assertThat(reused.value()).isEqualTo(generated.value());
        assertThat(reused.source()).isEqualTo("the file " + file);
        assertThat(entries(file.getParent())).as("no candidate left behind").containsExactly(file);
    }

    @Test
    void instancesStartingTogetherAgreeOnOneGeneratedSecret() throws Exception {
        int instances = 6;
        try (ExecutorService executor = Executors.newFixedThreadPool(instances)) {
            // Many rounds: a race that only sometimes picks two winners must not slip through.
            for (int round = 0; round < 25; round++) {
                Path file = dir.resolve("round-" + round).resolve("key-encryption-secret");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<KeyEncryptionSecretFile.Contents>> results = new ArrayList<>();
                for (int i = 0; i < instances; i++) {
                    results.add(executor.submit(() -> {
                        start.await();
                        return new KeyEncryptionSecretFile(file).readOrCreate();
                    }));
                }
                start.countDown();
                List<KeyEncryptionSecretFile.Contents> contents = new ArrayList<>();
                for (Future<KeyEncryptionSecretFile.Contents> result : results) {
                    contents.add(result.get());
                }

                assertThat(contents).extracting(KeyEncryptionSecretFile.Contents::secret)
                        .containsOnly(Files.readString(file).strip());
                assertThat(contents).filteredOn(KeyEncryptionSecretFile.Contents::generated).hasSize(1);
                assertThat(entries(file.getParent())).containsExactly(file);
            }
        }
    }

    @Test
    void aSecretFileTooShortToBeASecretIsRefusedWithoutShowingIt() throws IOException {
        Path file = Files.writeString(dir.resolve("key-encryption-secret"), "guessable\n");

        assertThatThrownBy(() -> KeyEncryptionSecret.resolve(keys(null, file)))
                .hasMessageContaining("at least 32").hasMessageContaining(file.toString())
                .hasMessageNotContaining("guessable");
        assertThat(Files.readString(file)).as("left as it was").isEqualTo("guessable\n");
    }

    @Test
    void aSecretFileThatCannotBeReadSaysWhatToSet() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("occupied"), "a file, not a directory");

        assertThatThrownBy(() -> KeyEncryptionSecret.resolve(keys(null, notADirectory.resolve("secret"))))
                .hasMessageContaining("cannot read the signing-key encryption secret in " + notADirectory)
                .hasMessageContaining("SHOPSCALE_IDENTITY_KEY_SECRET_FILE");
    }

    @Test
    void neitherASecretNorAFileIsRefused() {
        assertThatThrownBy(() -> KeyEncryptionSecret.resolve(keys(null, null)))
                .hasMessageContaining("SHOPSCALE_IDENTITY_KEY_SECRET")
                .hasMessageContaining("SHOPSCALE_IDENTITY_KEY_SECRET_FILE");
    }

    @Test
    void theSecretNeverShowsInTheSettings() {
        assertThat(keys(SECRET, dir.resolve("secret")).toString()).doesNotContain(SECRET).contains("***");
    }

    private static IdentityProperties.Keys keys(String secret, Path file) {
        IdentityProperties properties = TestProperties.withKeySecretFile(
                TestProperties.withKeySecret(TestProperties.defaults(), secret), file == null ? null : file.toString());
        return properties.keys();
    }

    private static List<Path> entries(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }
}
