package io.shopscale.stores;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;

/**
 * The embedded server's {@code pg_hba.conf}, written by the stores at each start: every connection, over TCP or the
 * local socket, logs in with a password (SCRAM-SHA-256). The embedded server's own default trusts everyone who can
 * reach the port, which on a shared machine is every local user.
 */
final class ClientAuthentication {

    static final String FILE = "pg_hba.conf";

    static final String PASSWORDS_REQUIRED = """
            # Written by the ShopScale stores process at each start: every login needs its password.
            local   all   all                   scram-sha-256
            host    all   all   127.0.0.1/32    scram-sha-256
            host    all   all   ::1/128         scram-sha-256
            """;

    /** Only until the stores have given the superuser its password; then {@link #PASSWORDS_REQUIRED} replaces it. */
    private static final String OPEN_UNTIL_PROVISIONED = """
            # Written by the ShopScale stores process for as long as it takes to set the superuser's password.
            local   all   all                   trust
            host    all   all   127.0.0.1/32    trust
            host    all   all   ::1/128         trust
            """;

    private ClientAuthentication() {
    }

    /**
     * Makes the data directory ready for a start and says whether it had to stay open. A cluster that was just
     * initialised already has the superuser's password (initdb read it from a file), so passwords are required at once.
     * One from before the stores required passwords trusts every local login and its superuser has none, and so has a
     * cluster whose {@code pg_hba.conf} an operator removed to reset it: those start open, once, until
     * {@link #requirePasswords} runs after the superuser got its password.
     *
     * @return whether the server starts open and the caller must set the superuser's password and close it
     */
    static boolean prepare(Path dataDirectory, boolean initialisedNow) {
        Path file = dataDirectory.resolve(FILE);
        if (initialisedNow || !trustsAnyone(file)) {
            write(file, PASSWORDS_REQUIRED);
            return false;
        }
        write(file, OPEN_UNTIL_PROVISIONED);
        return true;
    }

    static void requirePasswords(Path dataDirectory) {
        write(dataDirectory.resolve(FILE), PASSWORDS_REQUIRED);
    }

    /** Whether any rule lets a login in without a password; a missing file counts, as it is about to be replaced. */
    static boolean trustsAnyone(Path file) {
        if (!Files.exists(file)) {
            return true;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.stream()
                    .map(line -> line.replaceFirst("#.*", "").trim())
                    .filter(rule -> !rule.isEmpty())
                    .anyMatch(rule -> Arrays.asList(rule.split("\\s+")).contains("trust"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void write(Path file, String rules) {
        try {
            Path partial = Files.createTempFile(file.getParent(), FILE, ".partial",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(partial, rules, StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
