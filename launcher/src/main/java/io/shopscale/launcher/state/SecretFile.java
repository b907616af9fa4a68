package io.shopscale.launcher.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A secret the launcher generates once per platform: {@code <state>/secrets/<name>}, readable by its owner only (the
 * directory too), so that another user of the machine cannot read it. Created on first use and read on every later
 * one, so a second {@code up} hands the processes the same secret as the first.
 */
public final class SecretFile {

    /** 256 random bits, written as 43 URL-safe characters: fine in a header, an environment variable, a shell. */
    private static final int RANDOM_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;

    public SecretFile(Path file) {
        this.file = file;
    }

    public static SecretFile in(Path stateDir, String name) {
        return new SecretFile(stateDir.resolve("secrets").resolve(name));
    }

    public Path path() {
        return file;
    }

    /** The secret, if it was generated. */
    public Optional<String> read() {
        try {
            String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (secret.isEmpty()) {
                throw new StateException(file + " is empty; delete it and a new secret is generated");
            }
            return Optional.of(secret);
        }
        catch (NoSuchFileException absent) {
            return Optional.empty();
        }
        catch (IOException ex) {
            throw new StateException("cannot read " + file + ": " + ex.getMessage(), ex);
        }
    }

    public String readOrCreate() {
        return readOrCreate(candidate -> true);
    }

    /**
     * The secret, generated now if there is none yet.
     *
     * @param usable whether a freshly drawn secret may be used (drawn again otherwise), e.g. a password policy
     */
    public String readOrCreate(Predicate<String> usable) {
        return read().orElseGet(() -> create(usable));
    }

    private String create(Predicate<String> usable) {
        String secret;
        do {
            byte[] bytes = new byte[RANDOM_BYTES];
            RANDOM.nextBytes(bytes);
            secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        while (!usable.test(secret));
        Path dir = file.getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            // Created 0600 from the start, so the secret is never readable by others, not even for a moment; moved
            // into place whole, so nobody reads half of one.
            temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer content = ByteBuffer.wrap((secret + "\n").getBytes(StandardCharsets.UTF_8));
                while (content.hasRemaining()) {
                    channel.write(content);
                }
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            return secret;
        }
        catch (IOException | UnsupportedOperationException ex) {
            throw new StateException("cannot write " + file + " (readable by its owner only): " + ex.getMessage(), ex);
        }
        finally {
            deleteQuietly(temp);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            }
            catch (IOException ignored) {
                // a stray temp file holds no secret that is in use
            }
        }
    }
}
