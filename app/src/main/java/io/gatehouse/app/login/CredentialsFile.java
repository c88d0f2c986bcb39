package io.gatehouse.app.login;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AWS shared credentials file ({@code AWS_SHARED_CREDENTIALS_FILE}, else {@code ~/.aws/credentials}), an INI file
 * of {@code [profile]} sections: one profile is replaced and every other line is kept as it was. The file is written
 * whole to a temporary file beside it and moved into place, readable by its owner only.
 */
final class CredentialsFile {

    private CredentialsFile() {}

    /** Where the AWS CLI and SDKs look for the file. */
    static Path location(Map<String, String> environment) {
        String configured = environment.get("AWS_SHARED_CREDENTIALS_FILE");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".aws", "credentials");
    }

    /**
     * The file's text with the profile's section replaced by these settings (added at the end when it has none).
     *
     * @param settings setting name to value, in the order to write them
     */
    static String withProfile(String existing, String profile, Map<String, String> settings) {
        List<String> out = new ArrayList<>();
        boolean inProfile = false;
        boolean written = false;
        for (String line : existing.lines().toList()) {
            String section = section(line);
            if (section != null) {
                inProfile = section.equals(profile);
                if (inProfile) {
                    section(out, profile, settings);
                    written = true;
                    continue;
                }
            }
            if (!inProfile) {
                out.add(line);
            }
        }
        if (!written) {
            if (!out.isEmpty() && !out.getLast().isBlank()) {
                out.add("");
            }
            section(out, profile, settings);
        }
        return String.join("\n", out) + "\n";
    }

    /** Replaces the profile in the file, creating the file (mode 0600) and its directory when needed. */
    static void write(Path file, String profile, Map<String, String> settings) throws IOException {
        String existing = Files.exists(file) ? Files.readString(file) : "";
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, ".credentials", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException noPosix) {
                // not a POSIX file system: the directory's own protection applies
            }
            Files.writeString(temporary, withProfile(existing, profile, settings));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void section(List<String> out, String profile, Map<String, String> settings) {
        out.add("[" + profile + "]");
        for (Map.Entry<String, String> setting : new LinkedHashMap<>(settings).entrySet()) {
            out.add(setting.getKey() + " = " + setting.getValue());
        }
    }

    /** The name of the section a line opens, or {@code null}. */
    private static String section(String line) {
        String trimmed = line.trim();
        return trimmed.startsWith("[") && trimmed.endsWith("]") ? trimmed.substring(1, trimmed.length() - 1).trim()
                : null;
    }
}
