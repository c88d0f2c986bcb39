package io.gatehouse.server.protocol;

import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The AWS Query protocol of one service, driven by its {@link ServiceModel}: decodes and validates requests,
 * encodes responses and error envelopes. Immutable and thread-safe; one instance per service.
 *
 * <pre>{@code
 * QueryProtocol iam = QueryProtocol.of(ServiceModel.load("iam"));
 * QueryRequest request = iam.decode(formParameters);            // AwsException: MissingAction, InvalidAction,
 *                                                               //   ValidationError
 * Struct.Builder out = iam.output(request.operation());
 * out.set("User", out.child("User").set("UserName", "alice").build());
 * String xml = iam.encodeResponse(request.operation(), out.build(), requestId);
 * }</pre>
 */
public final class QueryProtocol {

    /** The content type of every response document. */
    public static final String CONTENT_TYPE = "text/xml";

    /**
     * The namespace of errors raised before a request names an operation of the service (a missing or unknown
     * {@code Action}, a wrong {@code Version}): AWS answers those from its generic fault namespace.
     */
    static final String FAULT_NAMESPACE = "http://webservices.amazon.com/AWSFault/2005-15-09";

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

    /**
     * A builder for the output of an operation.
     *
     * @throws IllegalArgumentException when the operation returns no result
     */
    public Struct.Builder output(Operation operation) {
        if (operation.output() == null) {
            throw new IllegalArgumentException(operation.name() + " returns no result");
        }
        return Struct.builder(operation.output());
    }

    /**
     * The response document of an operation.
     *
     * @param output the result, a value of the operation's output shape; {@code null} for an operation that
     *               returns none, whose response then has no result element, as AWS sends it
     * @throws IllegalArgumentException when {@code output} does not match the operation
     */
    public String encodeResponse(Operation operation, Struct output, String requestId) {
        Objects.requireNonNull(requestId, "requestId");
        if (operation.output() == null ? output != null : output == null || output.shape() != operation.output()) {
            throw new IllegalArgumentException(operation.name() + " returns "
                    + (operation.output() == null ? "no result" : operation.output().name()) + ", not "
                    + (output == null ? "none" : output.shape().name()));
        }
        return QueryEncoder.response(model.metadata().xmlNamespace(), operation, output, requestId);
    }

    /**
     * The error document for an exception; send it with the status of {@link AwsException#error()}.
     * Errors that precede the choice of an operation carry AWS's generic fault namespace, the others the service's.
     */
    public String encodeError(AwsException exception, String requestId) {
        Objects.requireNonNull(requestId, "requestId");
        AwsError error = exception.error();
        String namespace = error == AwsError.MISSING_ACTION || error == AwsError.INVALID_ACTION
                ? FAULT_NAMESPACE : model.metadata().xmlNamespace();
        return QueryEncoder.error(namespace, error.fault().text(), error.code(), exception.getMessage(), requestId);
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
