package io.shopscale.stores;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The passwords of the embedded stores' accounts: PostgreSQL's superuser and one login role per service with a
 * database ({@link SchemaOwner}), Redis's administrator and one user per service that keeps keys there
 * ({@link RedisUser}). The platform's launcher generates them as files in its secrets directory, one secret per file
 * (the names below); tests draw them in memory.
 */
public record StoreCredentials(String postgresSuperuserPassword, Map<String, String> databasePasswords,
                               String redisAdminPassword, Map<String, String> redisPasswords) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public StoreCredentials {
        databasePasswords = Map.copyOf(databasePasswords);
        redisPasswords = Map.copyOf(redisPasswords);
        requireEvery(databasePasswords, SchemaOwner.SERVICES.stream().map(SchemaOwner::role).toList(), "database role");
        requireEvery(redisPasswords, RedisUser.SERVICES.stream().map(RedisUser::name).toList(), "Redis user");
    }

    /** Fresh random passwords, known only to this JVM: for stores that live as long as it does. */
    public static StoreCredentials generated() {
        return new StoreCredentials(randomSecret(), each(roles(), name -> randomSecret()), randomSecret(),
                each(redisUsers(), name -> randomSecret()));
    }

    /** Reads every password from its file in {@code directory}; a missing one is an error that names the file. */
    public static StoreCredentials readFrom(Path directory) {
        return new StoreCredentials(
                read(directory.resolve(superuserFile())),
                each(roles(), role -> read(directory.resolve(roleFile(role)))),
                read(directory.resolve(redisAdminFile())),
                each(redisUsers(), user -> read(directory.resolve(redisUserFile(user)))));
    }

    /** The file of PostgreSQL's superuser password: {@code postgres-password}. */
    public static String superuserFile() {
        return "postgres-password";
    }

    /** The file of a service role's password, e.g. {@code postgres-catalog-password}. */
    public static String roleFile(String role) {
        return "postgres-" + role + "-password";
    }

    /** The file of Redis's administrator password: {@code redis-admin-password}. */
    public static String redisAdminFile() {
        return "redis-admin-password";
    }

    /** The file of a service's Redis password, e.g. {@code redis-cart-password}. */
    public static String redisUserFile(String user) {
        return "redis-" + user + "-password";
    }

    public String databasePassword(String role) {
        return lookUp(databasePasswords, role, "database role");
    }

    public String redisPassword(String user) {
        return lookUp(redisPasswords, user, "Redis user");
    }

    /** Never the passwords: a record's own toString would print them into a log. */
    @Override
    public String toString() {
        return "StoreCredentials[roles=" + databasePasswords.keySet() + ", redisUsers=" + redisPasswords.keySet() + "]";
    }

    private static List<String> roles() {
        return SchemaOwner.SERVICES.stream().map(SchemaOwner::role).toList();
    }

    private static List<String> redisUsers() {
        return RedisUser.SERVICES.stream().map(RedisUser::name).toList();
    }

    private static Map<String, String> each(Collection<String> names, Function<String, String> password) {
        Map<String, String> passwords = new LinkedHashMap<>();
        names.forEach(name -> passwords.put(name, password.apply(name)));
        return passwords;
    }

    private static void requireEvery(Map<String, String> passwords, List<String> names, String what) {
        for (String name : names) {
            if (!passwords.containsKey(name)) {
                throw new IllegalArgumentException("no password for the " + what + " " + name);
            }
        }
    }

    private static String lookUp(Map<String, String> passwords, String name, String what) {
        String password = passwords.get(name);
        if (password == null) {
            throw new IllegalArgumentException("no " + what + " " + name);
        }
        return password;
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
