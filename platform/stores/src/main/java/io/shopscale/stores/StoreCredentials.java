package io.shopscale.stores;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The passwords of the embedded stores' accounts: PostgreSQL's superuser and one login role per service with a
 * database. The platform's launcher generates them as files in its secrets directory, one secret per file (see
 * {@link #superuserFile()} and {@link #roleFile(String)}); tests draw them in memory.
 */
public record StoreCredentials(String postgresSuperuserPassword, Map<String, String> databasePasswords) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public StoreCredentials {
        databasePasswords = Map.copyOf(databasePasswords);
        for (SchemaOwner owner : SchemaOwner.SERVICES) {
            if (!databasePasswords.containsKey(owner.role())) {
                throw new IllegalArgumentException("no password for the database role " + owner.role());
            }
        }
    }

    /** Fresh random passwords, known only to this JVM: for stores that live as long as it does. */
    public static StoreCredentials generated() {
        Map<String, String> roles = new LinkedHashMap<>();
        SchemaOwner.SERVICES.forEach(owner -> roles.put(owner.role(), randomSecret()));
        return new StoreCredentials(randomSecret(), roles);
    }

    /** Reads every password from its file in {@code directory}; a missing one is an error that names the file. */
    public static StoreCredentials readFrom(Path directory) {
        Map<String, String> roles = new LinkedHashMap<>();
        SchemaOwner.SERVICES.forEach(owner -> roles.put(owner.role(), read(directory.resolve(roleFile(owner.role())))));
        return new StoreCredentials(read(directory.resolve(superuserFile())), roles);
    }

    /** The file of the superuser's password: {@code postgres-password}. */
    public static String superuserFile() {
        return "postgres-password";
    }

    /** The file of a service role's password, e.g. {@code postgres-catalog-password}. */
    public static String roleFile(String role) {
        return "postgres-" + role + "-password";
    }

    public String databasePassword(String role) {
        String password = databasePasswords.get(role);
        if (password == null) {
            throw new IllegalArgumentException("no database role " + role);
        }
        return password;
    }

    /** Never the passwords: a record's own toString would print them into a log. */
    @Override
    public String toString() {
        return "StoreCredentials[roles=" + databasePasswords.keySet() + "]";
    }

    private static String read(Path file) {
        try {
            String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (secret.isEmpty()) {
                throw new IllegalStateException(file + " is empty");
            }
            return secret;
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("missing " + file + ": the launcher generates it on up", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** 256 random bits as 43 URL-safe characters, as the launcher draws them. */
    static String randomSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
