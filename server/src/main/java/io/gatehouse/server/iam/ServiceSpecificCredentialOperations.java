package io.gatehouse.server.iam;

import io.gatehouse.policy.request.ContextType;
import io.gatehouse.policy.request.ContextValue;
import io.gatehouse.server.api.Call;
import io.gatehouse.server.api.OperationHandler;
import io.gatehouse.server.authz.ContextBuilder;
import io.gatehouse.server.authz.Target;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.protocol.PageRequest;
import io.gatehouse.server.protocol.Paginator;
import io.gatehouse.server.protocol.QueryRequest;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.protocol.Operation;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.Arns;
import io.gatehouse.server.state.ServiceSpecificCredential;
import io.gatehouse.server.state.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Service-specific credentials: CreateServiceSpecificCredential, ResetServiceSpecificCredential,
 * UpdateServiceSpecificCredential, DeleteServiceSpecificCredential, ListServiceSpecificCredentials.
 *
 * <p>For CodeCommit and Amazon Keyspaces a credential is a user name ({@code USER-at-ACCOUNT}) and a generated
 * password; for Amazon Bedrock and CloudWatch Logs it is an API key (an alias and a secret), which may expire after
 * {@code CredentialAgeDays}. The password or secret is answered only by the call that creates or resets it and is
 * kept sealed. A user holds at most {@value #MAX_PER_SERVICE} per service, active or not. Each call is authorized on
 * the user's ARN with {@code iam:ServiceSpecificCredentialServiceName} (and, on creation,
 * {@code iam:ServiceSpecificCredentialAgeDays}).
 */
final class ServiceSpecificCredentialOperations {

    /** IAM's quota of service-specific credentials per user and service. */
    static final int MAX_PER_SERVICE = 2;
    /** Services whose credentials are a user name and password. */
    static final Set<String> PASSWORD_SERVICES = Set.of("codecommit.amazonaws.com", "cassandra.amazonaws.com");
    /** Services whose credentials are API keys, which may expire. */
    static final Set<String> API_KEY_SERVICES = Set.of("bedrock.amazonaws.com", "logs.amazonaws.com");
    private static final String NAME_KEY = "iam:ServiceSpecificCredentialServiceName";
    /**
     * How ListServiceSpecificCredentials pages: its request and result have {@code Marker}, {@code MaxItems} and
     * {@code IsTruncated} as IAM's other listings, but botocore's paginators do not list it.
     */
    private static final Paginator PAGINATOR = new Paginator("Marker", "Marker", "MaxItems", "IsTruncated");

    private ServiceSpecificCredentialOperations() {}

    static void register(Map<String, OperationHandler> handlers) {
        handlers.put("CreateServiceSpecificCredential", ServiceSpecificCredentialOperations::create);
        handlers.put("ResetServiceSpecificCredential", ServiceSpecificCredentialOperations::reset);
        handlers.put("UpdateServiceSpecificCredential", ServiceSpecificCredentialOperations::update);
        handlers.put("DeleteServiceSpecificCredential", ServiceSpecificCredentialOperations::delete);
        handlers.put("ListServiceSpecificCredentials", ServiceSpecificCredentialOperations::list);
    }

    static Struct create(Call call) {
        String service = call.input().string("ServiceName");
        Integer ageDays = call.input().integer("CredentialAgeDays");
        String userName = CredentialOwners.authorize(call, context -> {
            context.put(NAME_KEY, ContextValue.of(service));
            if (ageDays != null) {
                context.put("iam:ServiceSpecificCredentialAgeDays",
                        ContextValue.single(ContextType.NUMERIC, ageDays.toString()));
            }
        });
        checkSupported(service);
        if (ageDays != null && !API_KEY_SERVICES.contains(service)) {
            throw AwsError.INVALID_INPUT.exception(
                    "CredentialAgeDays is valid only for Bedrock and CloudWatch Logs API keys.");
        }
        String accountId = call.caller().accountId();
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            User user = CredentialOwners.require(account, userName);
            long held = account.others().serviceCredentialsOf(AccountState.ownerKey(userName)).stream()
                    .filter(c -> c.serviceName().equals(service)).count();
            if (held >= MAX_PER_SERVICE) {
                throw AwsError.LIMIT_EXCEEDED.exception(
                        "Cannot exceed quota for ServiceSpecificCredentialsPerUserPerService: %d", MAX_PER_SERVICE);
            }
            Instant now = call.services().clock().instant();
            String login = user.name() + "-at-" + accountId;
            boolean apiKey = API_KEY_SERVICES.contains(service);
            ServiceSpecificCredential credential = new ServiceSpecificCredential(
                    call.services().ids().serviceCredentialId(), user.name(), service, apiKey ? null : login,
                    apiKey ? login : null, call.services().ids().serviceSecret(), true, now,
                    ageDays == null ? null : now.plus(Duration.ofDays(ageDays)));
            mutation.putServiceCredential(accountId, credential);
            return withSecret(call, credential);
        });
    }

    /** Replaces a credential's password (or API key secret) with a new one, answered this once. */
    static Struct reset(Call call) {
        String id = call.input().string("ServiceSpecificCredentialId");
        String userName = authorize(call, id);
        String accountId = call.caller().accountId();
        return call.write(mutation -> {
            ServiceSpecificCredential credential = owned(mutation.account(accountId), userName, id)
                    .withSecret(call.services().ids().serviceSecret());
            mutation.putServiceCredential(accountId, credential);
            return withSecret(call, credential);
        });
    }

    static Struct update(Call call) {
        String id = call.input().string("ServiceSpecificCredentialId");
        boolean active = CredentialOwners.active(call.input().string("Status"), "a service-specific credential");
        String userName = authorize(call, id);
        String accountId = call.caller().accountId();
        return call.write(mutation -> {
            ServiceSpecificCredential credential = owned(mutation.account(accountId), userName, id);
            mutation.putServiceCredential(accountId, credential.withActive(active));
            return call.noOutput();
        });
    }

    static Struct delete(Call call) {
        String id = call.input().string("ServiceSpecificCredentialId");
        String userName = authorize(call, id);
        String accountId = call.caller().accountId();
        return call.write(mutation -> {
            mutation.removeServiceCredential(accountId, owned(mutation.account(accountId), userName, id));
            return call.noOutput();
        });
    }

    /**
     * A user's credentials (the caller's without {@code UserName}), or with {@code AllUsers} every user's, oldest
     * first, optionally of one service only; never their secrets. {@code AllUsers} is authorized on every user of the
     * account ({@code user/*}).
     */
    static Struct list(Call call) {
        String service = call.input().string("ServiceName");
        boolean allUsers = Boolean.TRUE.equals(call.input().bool("AllUsers"));
        Consumer<ContextBuilder> serviceKey = context -> {
            if (service != null) {
                context.put(NAME_KEY, ContextValue.of(service));
            }
        };
        List<ServiceSpecificCredential> credentials;
        AccountState account = call.account();
        if (allUsers) {
            if (call.input().has("UserName")) {
                throw AwsError.INVALID_INPUT.exception("UserName and AllUsers cannot be specified together.");
            }
            call.authorize(Target.of(Arns.user(call.caller().accountId(), "/", "*")), serviceKey);
            credentials = account.others().allServiceCredentials();
        } else {
            String userName = CredentialOwners.authorize(call, serviceKey);
            CredentialOwners.require(account, userName);
            credentials = account.others().serviceCredentialsOf(AccountState.ownerKey(userName));
        }
        if (service != null) {
            checkSupported(service);
            credentials = credentials.stream().filter(c -> c.serviceName().equals(service)).toList();
        }
        Operation operation = call.operation();
        PageRequest request = PageRequest.of(new QueryRequest(new Operation(operation.name(), operation.input(),
                operation.output(), operation.resultWrapper(), PAGINATOR), call.input()));
        return CredentialOwners.page(call, request, "ServiceSpecificCredentials", credentials,
                (element, c) -> fields(element, c).build());
    }

    /** Authorizes a call on a credential of the owner, with the credential's service when it exists. */
    private static String authorize(Call call, String id) {
        var held = call.account().others().serviceCredentials().get(AccountState.ownerKey(Targets.userOrCaller(call)));
        ServiceSpecificCredential credential = held == null ? null : held.get(id);
        return CredentialOwners.authorize(call, context -> {
            if (credential != null) {
                context.put(NAME_KEY, ContextValue.of(credential.serviceName()));
            }
        });
    }

    /** The answer of a creation or reset: the credential with its password or secret. */
    private static Struct withSecret(Call call, ServiceSpecificCredential credential) {
        Struct.Builder out = call.output();
        Struct.Builder view = fields(out.child("ServiceSpecificCredential"), credential);
        view.set(credential.alias() == null ? "ServicePassword" : "ServiceCredentialSecret", credential.secret());
        return out.set("ServiceSpecificCredential", view.build()).build();
    }

    private static Struct.Builder fields(Struct.Builder view, ServiceSpecificCredential credential) {
        return view.set("UserName", credential.userName()).set("ServiceName", credential.serviceName())
                .set("ServiceSpecificCredentialId", credential.id())
                .set("ServiceUserName", credential.serviceUserName())
                .set("ServiceCredentialAlias", credential.alias())
                .set("Status", CredentialOwners.status(credential.active()))
                .set("CreateDate", credential.created()).set("ExpirationDate", credential.expiration());
    }

    private static void checkSupported(String service) {
        if (!PASSWORD_SERVICES.contains(service) && !API_KEY_SERVICES.contains(service)) {
            throw AwsError.SERVICE_NOT_SUPPORTED.exception(
                    "The specified service does not support service-specific credentials.");
        }
    }

    private static ServiceSpecificCredential owned(AccountState account, String userName, String id) {
        CredentialOwners.require(account, userName);
        return CredentialOwners.owned(account.others().serviceCredentialsOf(AccountState.ownerKey(userName)), id,
                "The Service Specific Credential with id %s cannot be found.");
    }
}
