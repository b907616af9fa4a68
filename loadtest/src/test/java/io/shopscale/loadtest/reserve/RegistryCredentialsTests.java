package io.shopscale.loadtest.reserve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryCredentialsTests {

    @TempDir
    Path state;

    @Test
    void readsThePasswordUpGeneratedFromTheStateDirectory() throws IOException {
        Path file = Files.createDirectories(state.resolve("secrets")).resolve("registry-password");
        Files.writeString(file, "generated-registry-password\n");

        assertThat(RegistryCredentials.find("shopscale", null, file))
                .hasValue(new RegistryCredentials("shopscale", "generated-registry-password"));
    }

    @Test
    void theVariableWinsOverTheFile() throws IOException {
        Path file = Files.writeString(state.resolve("registry-password"), "from-the-file");

        assertThat(RegistryCredentials.find("shopscale", "from-the-variable", file)).get()
                .extracting(RegistryCredentials::password).isEqualTo("from-the-variable");
    }

    @Test
    void withNeitherThereAreNoCredentials() {
        assertThat(RegistryCredentials.find("shopscale", "", state.resolve("no-such-file"))).isEmpty();
    }

    @Test
    void theyAreSentAsHttpBasicAndNeverPrinted() {
        RegistryCredentials credentials = new RegistryCredentials("shopscale", "s3cret-registry-password");

        assertThat(credentials.authorization()).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString("shopscale:s3cret-registry-password".getBytes(StandardCharsets.UTF_8)));
        assertThat(credentials.toString()).doesNotContain("s3cret");
    }
}
