package io.gatehouse.server.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * A botocore service model (DESIGN.md principle 3): the service's metadata, its operations and the shapes of their
 * requests and responses, read once from the model files under {@code models/} and immutable afterwards.
 */
public final class ServiceModel {

    /** The model files this module carries, by service name. */
    private static final Map<String, String> FILES = Map.of(
            "iam", "iam-2010-05-08",
            "sts", "sts-2011-06-15");

    private static final Map<String, ServiceModel> LOADED = new ConcurrentHashMap<>();

    private final ServiceMetadata metadata;
    private final Map<String, Operation> operations;
    private final Map<String, Shape> shapes;

    ServiceModel(ServiceMetadata metadata, Map<String, Operation> operations, Map<String, Shape> shapes) {
        this.metadata = metadata;
        this.operations = Collections.unmodifiableMap(new LinkedHashMap<>(operations));
        this.shapes = Map.copyOf(shapes);
    }

    /**
     * The model of a service, read on first use and shared afterwards.
     *
     * @param service the service name: {@code iam} or {@code sts}
     * @throws IllegalArgumentException when this module carries no model for the service
     */
    public static ServiceModel load(String service) {
        String file = FILES.get(service);
        if (file == null) {
            throw new IllegalArgumentException("no service model for " + service + "; known: " + FILES.keySet());
        }
        return LOADED.computeIfAbsent(service, s -> read(file));
    }

    private static ServiceModel read(String file) {
        try (InputStream service = new GZIPInputStream(resource(file + ".json.gz"));
             InputStream paginators = ServiceModel.class.getResourceAsStream(
                     "models/" + file + ".paginators.json")) {
            return ModelReader.read(service, paginators);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the service model " + file, e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = ServiceModel.class.getResourceAsStream("models/" + name);
        if (in == null) {
            throw new IOException("missing resource models/" + name);
        }
        return in;
    }

    public ServiceMetadata metadata() {
        return metadata;
    }

    /** The operation named by a request's {@code Action}, if the service has it. */
    public Optional<Operation> operation(String name) {
        return Optional.ofNullable(operations.get(name));
    }

    /** Every operation of the service, in model order. */
    public Collection<Operation> operations() {
        return operations.values();
    }

    /** A shape reachable from the operations, by its model name. */
    public Optional<Shape> shape(String name) {
        return Optional.ofNullable(shapes.get(name));
    }

    @Override
    public String toString() {
        return "ServiceModel[" + metadata.serviceId() + " " + metadata.apiVersion() + "]";
    }
}
