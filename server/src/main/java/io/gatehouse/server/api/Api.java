package io.gatehouse.server.api;

import io.gatehouse.policy.request.Principal;
import io.gatehouse.server.auth.Authentication;
import io.gatehouse.server.auth.Payload;
import io.gatehouse.server.auth.SigV4Request;
import io.gatehouse.server.auth.SigV4Verifier;
import io.gatehouse.server.authz.Caller;
import io.gatehouse.server.authz.RequestFacts;
import io.gatehouse.server.authz.SessionRestrictions;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import io.gatehouse.server.metrics.AuthorizationMetrics;
import io.gatehouse.server.metrics.Metrics;
import io.gatehouse.server.metrics.RequestMetrics;
import io.gatehouse.server.protocol.Operation;
import io.gatehouse.server.protocol.QueryRequest;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.state.Arns;
import io.gatehouse.server.store.AuditEvent;
import io.gatehouse.server.store.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS API of the server: one request in, one answer out. The way of a request (DESIGN.md): read the Query
 * parameters, verify the SigV4 signature (which also picks the service by its credential scope; the few calls AWS
 * takes unsigned, {@link UnsignedCalls}, skip this and are proven by their operation), decode and validate
 * the parameters from the service model, run the operation (which authorizes the caller with the policy engine and
 * writes through the group-committing writer), record the audit event, and encode the answer or the AWS error.
 * Each answered request is counted by its service, operation and outcome, with its latency.
 *
 * <p>Internal failures never reach the client: they are logged here and answered with {@code ServiceFailure}.
 */
public final class Api implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Api.class);

    private final Services services;
    private final Map<String, ServiceEndpoint> bySigningName = new LinkedHashMap<>();
    private final SigV4Verifier<KeyOwner> verifier;
    private final AuditQueue auditQueue;
    private final KeyUsage keyUsage;
    private final RoleUsage roleUsage;
    private final Clock clock;
    private final Map<String, RequestMetrics> requestMetrics = new HashMap<>();
    private final AuthorizationMetrics authorizations;

    /**
     * @param endpoints    the services served; the first answers requests whose service cannot be told
     * @param devAccountId the account unknown keys stand for in emulator mode, or {@code null}
     * @param auditWriter  where the events of calls that changed nothing are queued
     * @param metrics      where requests and authorization decisions are counted
     */
    public Api(Services services, List<ServiceEndpoint> endpoints, String devAccountId, Writer auditWriter,
               Metrics metrics) {
        this.services = services;
        endpoints.forEach(e -> bySigningName.put(e.signingName(), e));
        for (ServiceEndpoint endpoint : endpoints) {
            requestMetrics.put(endpoint.signingName(), metrics.service(endpoint.signingName(),
                    endpoint.protocol().model().operations().stream().map(Operation::name).toList()));
        }
        this.authorizations = metrics.authorizations();
        this.clock = services.clock();
        this.verifier = new SigV4Verifier<>(new Credentials(services.state(), services.sessions(), clock, devAccountId),
                clock, List.copyOf(bySigningName.keySet()));
        this.auditQueue = new AuditQueue(auditWriter);
        this.keyUsage = new KeyUsage(services.state());
        this.roleUsage = new RoleUsage(services.state());
    }

    /**
     * Stops taking audit events of reads into account for later and hands the ones still lingering to the store's
     * writer; call it after the HTTP server stopped and before the store closes.
     */
    @Override
    public void close() {
        auditQueue.close();
    }

    /**
     * Records the event of something that changed nothing and was not an API call (a failed console sign-in) the way
     * the events of refused calls are: queued, without making the answer wait for the store.
     */
    public void audit(AuditEvent event) {
        auditQueue.add(event);
    }

    /** Answers one request. Never throws. */
    public ApiResponse handle(ApiRequest request) {
        long started = System.nanoTime();
        String requestId = services.ids().requestId();
        ServiceEndpoint endpoint = bySigningName.values().iterator().next();
        Map<String, List<String>> parameters = Map.of();
        AwsError failure = null;
        ApiResponse response;
        try {
            String body = new String(request.body(), StandardCharsets.UTF_8);
            boolean form = isForm(request.header("Content-Type"));
            parameters = FormParameters.of(request.rawQuery(), form ? body : null);
            endpoint = endpointFor(parameters, endpoint);
            Caller caller;
            if (UnsignedCalls.applies(parameters)) {
                caller = UnsignedCalls.caller(parameters, services.state().current());
            } else {
                Authentication<KeyOwner> authentication = verifier.verify(new SigV4Request(request.method(),
                        request.rawPath(), request.rawQuery(), request.headers(), Payload.of(request.body())));
                keyUsage.record(authentication, request.received());
                roleUsage.record(authentication.principal().session(), authentication.region(), request.received());
                ServiceEndpoint signed = bySigningName.get(authentication.service());
                if (signed != null) {
                    endpoint = signed;
                }
                caller = caller(authentication);
            }
            RequestFacts facts = new RequestFacts(request.received(), request.sourceIp(), request.header("User-Agent"),
                    request.secureTransport(), caller.region());
            response = call(endpoint, parameters, caller, facts, requestId);
        } catch (AwsException e) {
            failure = e.error();
            response = error(endpoint, e, requestId);
        } catch (RuntimeException e) {
            LOG.error("request {} failed", requestId, e);
            failure = AwsError.SERVICE_FAILURE;
            response = error(endpoint, failure.exception(), requestId);
        }
        requestMetrics.get(endpoint.signingName()).operation(first(parameters, "Action"))
                .record(failure, System.nanoTime() - started);
        return response;
    }

    /**
     * The answer to a request the transport refused before the API could read it (malformed HTTP, too large, too
     * slow): the AWS error envelope, under a request id of its own. It is counted as a request of the first service
     * that names no operation, untimed.
     */
    public ApiResponse refuse(AwsException error) {
        ServiceEndpoint endpoint = bySigningName.values().iterator().next();
        requestMetrics.get(endpoint.signingName()).operation(null).count(error.error());
        return error(endpoint, error, services.ids().requestId());
    }

    private ApiResponse call(ServiceEndpoint endpoint, Map<String, List<String>> parameters, Caller caller,
                             RequestFacts facts, String requestId) {
        QueryRequest decoded = endpoint.protocol().decode(parameters);
        OperationHandler handler = endpoint.handlers().get(decoded.operation().name());
        Call call = null;
        try {
            SessionRestrictions.check(caller, endpoint.signingName(), decoded.operation().name());
            if (handler == null) {
                throw AwsError.NOT_IMPLEMENTED.exception("Gatehouse does not implement %s yet.", decoded.operation().name());
            }
            call = new Call(services, endpoint.protocol(), decoded.operation(), decoded.input(), caller, facts,
                    requestId, endpoint.audit(), authorizations);
            Struct output = handler.handle(call);
            if (!call.audited()) {
                endpoint.audit().success(call, output).forEach(auditQueue::add);
            }
            return ApiResponse.xml(200, requestId, endpoint.protocol().encodeResponse(decoded.operation(), output, requestId));
        } catch (AwsException e) {
            // An unsigned call for a role of no account here has no account to be recorded in (UnsignedCalls).
            if (call != null && !call.auditedCaller().accountId().isEmpty()) {
                auditQueue.add(endpoint.audit().failure(call, e));
            } else if (call == null && !caller.accountId().isEmpty()) {
                auditQueue.add(endpoint.audit().failure(caller, facts, decoded.operation(), requestId, decoded.input(), e));
            }
            throw e;
        }
    }

    private ApiResponse error(ServiceEndpoint endpoint, AwsException error, String requestId) {
        return ApiResponse.xml(error.error().status(), requestId, endpoint.protocol().encodeError(error, requestId));
    }

    /** Before the signature names the service: by the API version the parameters ask for. */
    private ServiceEndpoint endpointFor(Map<String, List<String>> parameters, ServiceEndpoint fallback) {
        String version = first(parameters, "Version");
        for (ServiceEndpoint endpoint : bySigningName.values()) {
            if (endpoint.apiVersion().equals(version)) {
                return endpoint;
            }
        }
        return fallback;
    }

    /** A parameter's first value, or {@code null}. */
    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static Caller caller(Authentication<KeyOwner> authentication) {
        KeyOwner owner = authentication.principal();
        String partition = authentication.partition().id();
        String region = authentication.region();
        if (owner.session() != null && owner.session().principal().kind().hasIssuer()) {
            // A role or federated user session: the principal is the session, named by its STS ARN.
            return new Caller(owner.accountId(), Principal.parse(owner.session().principal().arn()), null,
                    owner.userId(), authentication.accessKeyId(), partition, region, owner.session());
        }
        if (owner.userName() == null) {
            return Caller.root(owner.accountId(), authentication.accessKeyId(), partition, region, owner.session());
        }
        return new Caller(owner.accountId(), Principal.parse(Arns.user(owner.accountId(), pathOf(owner), owner.userName())),
                owner.userName(), owner.userId(), authentication.accessKeyId(), partition, region, owner.session());
    }

    private static String pathOf(KeyOwner owner) {
        return owner.path() == null ? "/" : owner.path();
    }

    private static boolean isForm(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }
}
