package io.shopscale.identity.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopscale.identity.IdentityApplication;
import io.shopscale.identity.IdentityClient;
import io.shopscale.stores.LocalStores;
import io.shopscale.testsupport.SharedStores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Identity as a whole process starts it: a stored key that does not open with the secret given stops the start. */
@ExtendWith(OutputCaptureExtension.class)
class KeyEncryptionStartupTests {

    private static final String OTHER_SECRET = "not-the-secret-the-key-was-stored-with-0123";

    @TempDir
    Path dir;

    @Test
    void identityGivenAnotherSecretThanItsKeyWasStoredWithDoesNotStartAndSaysWhatToDo(CapturedOutput output) {
        String database = SharedStores.get().postgres().createFreshDatabase("identity_startup");
        String secretFile = "shopscale.identity.keys.encryption-secret-file=" + dir.resolve("key-encryption-secret");
        String kid;
        try (ConfigurableApplicationContext identity = start(database, secretFile)) {
            kid = identity.getBean(KeyRing.class).signingKey().getKeyID();
        }

        assertThatThrownBy(() -> start(database, secretFile, "shopscale.identity.keys.encryption-secret=" + OTHER_SECRET))
                .isInstanceOf(WrongKeyEncryptionSecretException.class);

        assertThat(output.getAll()).contains("APPLICATION FAILED TO START", kid, "from SHOPSCALE_IDENTITY_KEY_SECRET",
                "Start identity with the secret the key was stored with").doesNotContain(OTHER_SECRET);
        try (ConfigurableApplicationContext identity = start(database, secretFile)) {
            assertThat(identity.getBean(KeyRing.class).signingKey().getKeyID()).isEqualTo(kid);
            assertThat(identity.getBean(JdbcClient.class).sql("SELECT count(*) FROM signing_key").query(Long.class)
                    .single()).as("no key was generated instead").isOne();
        }
    }

    /** Command-line arguments, so that they win over application.yml as they would in production. */
    private static ConfigurableApplicationContext start(String databaseUrl, String... settings) {
        LocalStores stores = SharedStores.get();
        Map<String, String> properties = new LinkedHashMap<>(stores.postgres().springProperties(databaseUrl, "identity"));
        properties.put("spring.data.redis.url", stores.redis().urlFor("identity"));
        properties.put("server.port", "0");
        properties.put("management.server.port", "0");
        properties.put("eureka.client.enabled", "false");
        properties.put("shopscale.identity.admin.password", IdentityClient.ADMIN_PASSWORD);
        List<String> arguments = new ArrayList<>();
        properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        for (String setting : settings) {
            arguments.add("--" + setting);
        }
        return new SpringApplicationBuilder(IdentityApplication.class).run(arguments.toArray(String[]::new));
    }
}
