package io.gatehouse.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.zip.GZIPInputStream;

/** Opens the generated resources beside this class (see {@code tools/catalog/README.md}). */
final class Resources {

    private static final int BUFFER = 1 << 16;

    private Resources() {
    }

    /** The lines of a gzipped UTF-8 resource; the caller closes the reader. */
    static BufferedReader gzipLines(String name) {
        try {
            return new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(open(name), BUFFER), StandardCharsets.UTF_8), BUFFER);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read catalog resource " + name, e);
        }
    }

    /** The source of the data a generated resource was made from, as {@code sources.properties} records it. */
    static DataSource source(String prefix) {
        Properties properties = new Properties();
        try (InputStream in = open("sources.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read catalog resource sources.properties", e);
        }
        return new DataSource(
                required(properties, prefix + ".package"),
                required(properties, prefix + ".version"),
                Instant.parse(required(properties, "generated")));
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("sources.properties lacks " + key);
        }
        return value;
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = Resources.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("catalog resource missing: " + name);
        }
        return in;
    }
}
