package io.gatehouse.server.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the master key, first of:
 * <ol>
 *   <li>the environment variable {@value #ENVIRONMENT_VARIABLE}: base64 of 32 bytes;</li>
 *   <li>a key file named by the operator ({@code --master-key-file}): the same base64 text. The operator manages
 *       it, so it must exist; if group or others may read it a warning is logged (secret mounts of container
 *       platforms are often world-readable inside the container) but it is used;</li>
 *   <li>{@value #FILE_NAME} in the data directory, created with a new random key and mode 0600 at first start.
 *       Gatehouse refuses to start if that file is open to group or others in any way: Gatehouse made it
 *       owner-only, so wider permissions mean someone changed them, and the key sits beside the database it
 *       protects.</li>
 * </ol>
 * A key that is present but unusable stops the start with an {@link IllegalStateException} whose message tells the
 * operator what to fix and never contains the key. Permissions are checked only where the file system has POSIX
 * permissions.
 */
public final class MasterKeyLoader {

    /** The environment variable holding the master key. */
    public static final String ENVIRONMENT_VARIABLE = "GATEHOUSE_MASTER_KEY";
    /** The key file Gatehouse creates in the data directory. */
    public static final String FILE_NAME = "master.key";

    private static final Logger LOG = LoggerFactory.getLogger(MasterKeyLoader.class);
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private MasterKeyLoader() {
    }

    /**
     * Loads, or at first start creates, the master key.
     *
     * @param environment the process environment ({@code System.getenv()})
     * @param keyFile the key file the operator named, or {@code null}
     * @param dataDirectory the data directory, which must exist
     * @throws IllegalStateException if a key is present but unusable, or cannot be created
     */
    public static MasterKey load(Map<String, String> environment, Path keyFile, Path dataDirectory) {
        String value = environment.get(ENVIRONMENT_VARIABLE);
        if (value != null && !value.isBlank()) {
            String source = "environment variable " + ENVIRONMENT_VARIABLE;
            return loaded(decode(value, source), source);
        }
        return keyFile != null ? fromOperatorFile(keyFile)
                : fromDataDirectory(dataDirectory.toAbsolutePath().resolve(FILE_NAME));
    }

    private static MasterKey fromOperatorFile(Path file) {
        if (isOpenToOthers(file)) {
            LOG.warn("master key file {} may be read by group or others", file);
        }
        return loaded(decode(read(file), "key file " + file), "key file " + file);
    }

    private static MasterKey fromDataDirectory(Path file) {
        MasterKey created = create(file);
        if (created != null) {
            return loaded(created, "new key file " + file);
        }
        if (isOpenToOthers(file)) {
            throw new IllegalStateException("master key file " + file + " is open to group or others;"
                    + " make it private (chmod 600 " + file + ") and start again");
        }
        return loaded(decode(read(file), "key file " + file), "key file " + file);
    }

    private static MasterKey loaded(MasterKey key, String source) {
        LOG.debug("master key {} from {}", key.id(), source);
        return key;
    }

    /** Creates the key file with a new key, or returns {@code null} if it exists already. */
    private static MasterKey create(Path file) {
        MasterKey key = MasterKey.generate(new SecureRandom());
        boolean posix = hasPosixPermissions(file.getParent());
        try (FileChannel channel = posix
                ? FileChannel.open(file, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                        PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer text = ByteBuffer.wrap((key.encoded() + "\n").getBytes(StandardCharsets.US_ASCII));
            while (text.hasRemaining()) {
                channel.write(text);
            }
            channel.force(true);
        } catch (FileAlreadyExistsException e) {
            return null;
        } catch (IOException e) {
            throw new IllegalStateException("cannot create master key file " + file + ": " + e.getMessage(), e);
        }
        syncDirectory(file.getParent());
        LOG.warn("created master key {} in {}; back it up: without it the stored secrets cannot be decrypted",
                key.id(), file);
        return key;
    }

    private static MasterKey decode(String text, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            // The decoder's message quotes the offending character: drop it, it is part of a key.
            throw new IllegalStateException("the master key in " + source + " is not base64");
        }
        if (bytes.length != MasterKey.LENGTH) {
            throw new IllegalStateException("the master key in " + source + " is not " + MasterKey.LENGTH
                    + " bytes (generate one with: openssl rand -base64 32)");
        }
        return MasterKey.of(bytes);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("master key file " + file + " does not exist");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read master key file " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean isOpenToOthers(Path file) {
        if (!hasPosixPermissions(file)) {
            return false;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            return permissions.stream().anyMatch(GROUP_OR_OTHERS::contains);
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("master key file " + file + " does not exist");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the permissions of " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean hasPosixPermissions(Path path) {
        try {
            Path existing = Files.exists(path) ? path : path.toAbsolutePath().getParent();
            return Files.getFileStore(existing).supportsFileAttributeView(PosixFileAttributeView.class);
        } catch (IOException e) {
            return false;
        }
    }

    /** Makes the new file's directory entry durable, where the platform allows opening a directory. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("cannot sync directory {}: {}", directory, e.getMessage());
        }
    }
}
