package io.shopscale.identity.token;

import io.shopscale.identity.OwnerOnlyFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The key-encryption secret of an identity started without {@code SHOPSCALE_IDENTITY_KEY_SECRET}: a file only this
 * service's user can read, generated (256 random bits) by the first start that finds none and read by every later
 * one. Instances starting at once on one host each write a candidate beside the file and link it into place. A link
 * fails when the file exists, where a move would replace it (an atomic move does on POSIX), so exactly one candidate
 * becomes the secret and every instance reads that one.
 */
final class KeyEncryptionSecretFile {

    /** 256 random bits, written as 43 URL-safe characters, as the launcher writes its secrets. */
    private static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;

    KeyEncryptionSecretFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    /** @param generated whether this call generated the secret */
    record Contents(String secret, boolean generated) {

        @Override
        public String toString() {
            return "Contents[generated=" + generated + "]";
        }
    }

    Path path() {
        return file;
    }

    Contents readOrCreate() {
        Optional<String> existing = read();
        if (existing.isPresent()) {
            return new Contents(existing.get(), false);
        }
        boolean generated = create();
        return new Contents(read().orElseThrow(() -> unusable("cannot read",
                new NoSuchFileException(file.toString(), null, "taken, yet no file (a dangling link?)"))), generated);
    }

    private Optional<String> read() {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException e) {
            throw unusable("cannot read", e);
        }
    }

    /** @return whether this call's candidate became the secret, rather than another instance's */
    private boolean create() {
        Path candidate = null;
        try {
            candidate = OwnerOnlyFile.writeBeside(file, newSecret() + "\n");
            Files.createLink(file, candidate);
            syncDirectory();
            return true;
        } catch (FileAlreadyExistsException anotherInstanceWasFirst) {
            return false;
        } catch (IOException | UnsupportedOperationException e) {
            throw unusable("cannot create", e);
        } finally {
            deleteQuietly(candidate);
        }
    }

    /** Keys get encrypted with the secret right after: its name must not be lost in a crash either. */
    private void syncDirectory() {
        try (FileChannel directory = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every platform syncs a directory (Windows does not); the entry reaches the disk soon anyway.
        }
    }

    private IllegalStateException unusable(String what, Exception cause) {
        return new IllegalStateException(what + " the signing-key encryption secret in " + file + " (" + cause
                + "); set " + KeyEncryptionSecret.VARIABLE + ", or " + KeyEncryptionSecret.FILE_VARIABLE
                + " to a place this service's user can write, on a file system with hard links", cause);
    }

    private static String newSecret() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void deleteQuietly(Path candidate) {
        if (candidate == null) {
            return;
        }
        try {
            Files.deleteIfExists(candidate);
        } catch (IOException e) {
            // A candidate that lost, or a second name of the secret: readable by its owner only either way.
        }
    }
}
