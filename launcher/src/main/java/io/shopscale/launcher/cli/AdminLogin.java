package io.shopscale.launcher.cli;

import io.shopscale.launcher.platform.PlatformSecrets;
import io.shopscale.launcher.platform.Settings;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How to log in as the administrator, as {@code up} tells it: the email and where the password is, never the password
 * itself, which would stay in a terminal's scrollback and in CI logs.
 *
 * @param passwordFile null when the user chose the password ({@code SHOPSCALE_ADMIN_PASSWORD})
 * @param accountOlderThanFile the file is new but the platform's database is not: identity created the account
 *        earlier, with another password, and ignores this one
 */
record AdminLogin(String email, Path passwordFile, boolean accountOlderThanFile) {

    /** Read before {@code up} starts anything, while it can still tell a new password file from an old one. */
    static AdminLogin before(Settings settings) {
        var secrets = new PlatformSecrets(settings);
        if (secrets.adminPasswordChosen()) {
            return new AdminLogin(secrets.adminEmail(), null, false);
        }
        Path file = secrets.adminPassword().path();
        boolean olderAccount = !Files.exists(file) && Files.isDirectory(settings.dataDir().resolve("postgres"));
        return new AdminLogin(secrets.adminEmail(), file, olderAccount);
    }

    void print(PrintWriter out, String label) {
        if (passwordFile == null) {
            out.printf("%s%s, password from %s%n", label, email, PlatformSecrets.ADMIN_PASSWORD_VARIABLE);
            return;
        }
        out.printf("%s%s, password in %s%n", label, email, passwordFile);
        if (accountOlderThanFile) {
            out.printf("%s(the account is older than this file and keeps the password it was created with)%n",
                    " ".repeat(label.length()));
        }
    }
}
