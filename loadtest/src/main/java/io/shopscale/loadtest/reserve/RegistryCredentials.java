package io.shopscale.loadtest.reserve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/**
 * The registry's HTTP Basic credentials: it answers nobody without them. The password comes from
 * {@code SHOPSCALE_REGISTRY_PASSWORD} if set, else from the file {@code ./shopscale up} generated it into; never from
 * the command line, which every user of the machine can read.
 */
record RegistryCredentials(String username, String password) {

    static final String PASSWORD_VARIABLE = "SHOPSCALE_REGISTRY_PASSWORD";

    /**
     * @param passwordVariable the value of {@code SHOPSCALE_REGISTRY_PASSWORD}, or null
     * @return none when neither the variable nor the file holds a password
     */
    static Optional<RegistryCredentials> find(String username, String passwordVariable, Path passwordFile) {
        if (passwordVariable != null && !passwordVariable.isBlank()) {
            return Optional.of(new RegistryCredentials(username, passwordVariable.strip()));
        }
        try {
            String password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
            return password.isEmpty() ? Optional.empty() : Optional.of(new RegistryCredentials(username, password));
        }
        catch (NoSuchFileException absent) {
            return Optional.empty();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read the registry password from " + passwordFile, ex);
        }
    }

    /** The {@code Authorization} header's value. */
    String authorization() {
        return "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "RegistryCredentials[username=" + username + ", password=<hidden>]";
    }
}
