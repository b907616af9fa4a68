package io.shopscale.identity.user;

import io.shopscale.identity.OwnerOnlyFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where a generated administrator password goes instead of the log: a file only this service's user can read. It is
 * written in two steps around the account's creation. First into a new file beside the target, created readable by
 * its owner only, so a directory that cannot take it stops the start before the account exists; then, once this
 * instance's insert created the account, moved into place whole (replacing a file of an earlier database), or
 * deleted if another instance created the account first.
 */
final class AdminPasswordFile {

    private final Path target;
    private final Path pending;

    private AdminPasswordFile(Path target, Path pending) {
        this.target = target;
        this.pending = pending;
    }

    static AdminPasswordFile prepare(Path target, String password) {
        Path absolute = target.toAbsolutePath();
        try {
            return new AdminPasswordFile(absolute, OwnerOnlyFile.writeBeside(absolute, password + "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the generated administrator password to " + absolute
                    + "; set SHOPSCALE_ADMIN_PASSWORD, or SHOPSCALE_ADMIN_PASSWORD_FILE to a writable place", e);
        }
    }

    /** Moves the password into place; if that fails, it stays in {@link #pending()}. */
    Path commit() throws IOException {
        Files.move(pending, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    Path pending() {
        return pending;
    }

    void discard() {
        try {
            Files.deleteIfExists(pending);
        } catch (IOException e) {
            // A password nobody uses; the file is readable by its owner only.
        }
    }
}
