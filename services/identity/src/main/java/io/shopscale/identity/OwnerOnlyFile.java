package io.shopscale.identity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Secrets this service generates go to files only its user can read: created owner-only from the first byte, so they
 * are never readable by others, not even for a moment, and written whole into a new file beside their target, so
 * that nobody finds half of one under the target's name. The caller moves or links the new file into place.
 */
public final class OwnerOnlyFile {

    private OwnerOnlyFile() {
    }

    /**
     * Writes {@code content} into a new owner-only file in {@code target}'s directory (created, owner-only, if
     * missing), flushed to the disk.
     *
     * @return the new file, named after {@code target} with a dot in front and {@code .tmp} behind
     */
    public static Path writeBeside(Path target, String content) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory, ownerOnly("rwx------"));
        Path file = Files.createTempFile(directory, "." + target.getFileName(), ".tmp", ownerOnly("rw-------"));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    private static FileAttribute<?>[] ownerOnly(String permissions) {
        // Elsewhere (Windows) a new file in a user's directory is that user's alone already.
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
                : new FileAttribute<?>[0];
    }
}
