package io.gatehouse.server.protocol;

import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The AWS Query protocol of one service, driven by its {@link ServiceModel}: decodes and validates requests.
 * Immutable and thread-safe; one instance per service.
 */
public final class QueryProtocol {

    /** What AWS puts in the InvalidAction message when the request has no {@code Version}. */
    static final String NO_VERSION = "NO_VERSION_SPECIFIED";

    private final ServiceModel model;
    private final ValueDisplay display;

    private QueryProtocol(ServiceModel model) {
        this.model = model;
        this.display = ValueDisplay.of(model.metadata());
    }

    /** The protocol of a service whose model uses the {@code query} protocol. */
    public static QueryProtocol of(ServiceModel model) {
        Objects.requireNonNull(model, "model");
        if (!"query".equals(model.metadata().protocol())) {
            throw new IllegalArgumentException(model + " does not use the query protocol");
        }
        return new QueryProtocol(model);
    }

    public ServiceModel model() {
        return model;
    }

    /**
     * Decodes and validates a request.
     *
     * <p>{@code Action} selects the operation and {@code Version} must be the service's API version, each taken
     * from its first occurrence; otherwise the request fails with {@code InvalidAction} ({@code Could not find
     * operation ListUsers for version NO_VERSION_SPECIFIED}). Parameters the model does not know are ignored. The
     * input is then checked against every constraint of the model, and the violations fail the request as one
     * {@code ValidationError}.
     *
     * @param parameters the query string or form parameters, URL-decoded, each name with its values in order
     * @throws AwsException {@code MissingAction}, {@code InvalidAction} or {@code ValidationError}
     */
    public QueryRequest decode(Map<String, List<String>> parameters) {
        String action = first(parameters, "Action");
        if (action == null) {
            throw AwsError.MISSING_ACTION.exception();
        }
        String version = first(parameters, "Version");
        Operation operation = model.operation(action).orElse(null);
        if (operation == null || !model.metadata().apiVersion().equals(version)) {
            throw AwsError.INVALID_ACTION.exception("Could not find operation %s for version %s", action,
                    version == null ? NO_VERSION : version);
        }
        ValidationReport malformed = new ValidationReport(display);
        Struct input = QueryDecoder.decode(operation.input(), ParamTree.of(parameters), malformed);
        malformed.throwIfAny();
        ValidationReport violations = new ValidationReport(display);
        InputValidator.validate(input, violations);
        violations.throwIfAny();
        return new QueryRequest(operation, input);
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
