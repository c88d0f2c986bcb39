package io.gatehouse.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code managed-policies.tsv.gz}: one policy a line with the fields name, path, arn, default
 * version id, create date, update date and the document as compact JSON text.
 */
final class ManagedPoliciesReader {

    private static final String RESOURCE = "managed-policies.tsv.gz";

    private ManagedPoliciesReader() {
    }

    /** Reads the resource, in file order (by name). */
    static List<ManagedPolicy> read() {
        List<ManagedPolicy> policies = new ArrayList<>();
        try (BufferedReader lines = Resources.gzipLines(RESOURCE)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!Tsv.isComment(line)) {
                    String[] f = Tsv.fields(line, 7);
                    policies.add(new ManagedPolicy(f[0], f[1], f[2], f[3], Instant.parse(f[4]), Instant.parse(f[5]), f[6]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read catalog resource " + RESOURCE, e);
        }
        return policies;
    }
}
