package io.shopscale.stores;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The embedded Redis's users, as {@code user} lines of its configuration file, so that they are there from the
 * first command and again after every restart (a drill stops and starts Redis with the same configuration):
 *
 * <ul>
 * <li>{@code default} is off: a connection that has not authenticated may run nothing.</li>
 * <li>{@code admin} may do anything; the stores and tests use it to empty Redis.</li>
 * <li>each service's user may touch only keys matching its pattern and no channel, and may run every command except
 * the dangerous ones (FLUSHALL, FLUSHDB, KEYS, CONFIG, ACL, DEBUG, CLIENT, INFO, MONITOR, SORT, SHUTDOWN, ...) and
 * those that list or touch keys regardless of the pattern (SCAN, RANDOMKEY) or disturb others' scripts (SCRIPT).
 * EVAL and EVALSHA stay: Redis checks every key a script touches against the caller's pattern.</li>
 * </ul>
 *
 * Passwords appear only as SHA-256 hashes, which Redis accepts in place of the password.
 */
final class RedisAcl {

    static final String ADMIN = "admin";

    private static final String SERVICE_COMMANDS = "+@all -@dangerous -scan -randomkey -script";

    private RedisAcl() {
    }

    static List<String> configLines(StoreCredentials credentials) {
        List<String> lines = new ArrayList<>();
        lines.add("user default off resetpass resetkeys resetchannels -@all");
        lines.add("user " + ADMIN + " on #" + sha256(credentials.redisAdminPassword()) + " ~* &* +@all");
        for (RedisUser user : RedisUser.SERVICES) {
            StringBuilder line = new StringBuilder("user ").append(user.name())
                    .append(" on #").append(sha256(credentials.redisPassword(user.name())))
                    .append(" resetkeys ~").append(user.keyPattern())
                    .append(" resetchannels ").append(SERVICE_COMMANDS);
            user.extraCommands().forEach(command -> line.append(" +").append(command));
            lines.add(line.toString());
        }
        return lines;
    }

    static String sha256(String password) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
