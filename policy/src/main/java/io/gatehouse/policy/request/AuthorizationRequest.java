package io.gatehouse.policy.request;

import java.util.Locale;
import java.util.Objects;

/**
 * One request to authorize: who, which action on which resource, in which context.
 *
 * <p>Everything the engine derives from the request (the action in lower case, its service prefix) is
 * derived once here, so deciding it against many policy sets does no string work on the request side.
 * Immutable and thread-safe.
 */
public final class AuthorizationRequest {

    private final Principal principal;
    private final String action;
    private final String actionLookup;
    private final String service;
    private final String resource;
    private final String resourceAccount;
    private final boolean wildcardOnlyAction;
    private final RequestContext context;

    private AuthorizationRequest(Builder builder) {
        this.principal = Objects.requireNonNull(builder.principal, "principal");
        this.action = Objects.requireNonNull(builder.action, "action");
        this.actionLookup = action.toLowerCase(Locale.ROOT);
        int colon = actionLookup.indexOf(':');
        this.service = colon < 0 ? actionLookup : actionLookup.substring(0, colon);
        this.resource = Objects.requireNonNull(builder.resource, "resource");
        this.resourceAccount = builder.resourceAccount;
        this.wildcardOnlyAction = builder.wildcardOnlyAction;
        this.context = builder.context;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The caller; {@link Principal#ANONYMOUS} for an unsigned request. */
    public Principal principal() {
        return principal;
    }

    /** The action as the request names it, e.g. {@code s3:GetObject}. */
    public String action() {
        return action;
    }

    /** The action in lower case: action names match case-insensitively. */
    public String actionLookup() {
        return actionLookup;
    }

    /** The service prefix in lower case ({@code s3}). */
    public String service() {
        return service;
    }

    /** The resource ARN, or {@code *}. */
    public String resource() {
        return resource;
    }

    /** The account that owns the resource, or {@code null} when unknown. */
    public String resourceAccount() {
        return resourceAccount;
    }

    /**
     * Whether the action supports no resource-level permissions: the resource is {@code *} and only a policy
     * {@code Resource} of {@code *} matches it.
     */
    public boolean wildcardOnlyAction() {
        return wildcardOnlyAction;
    }

    /** The complete request context. */
    public RequestContext context() {
        return context;
    }

    /** Whether principal and resource belong to the same account. */
    public boolean isSameAccount() {
        return principal.account() != null && principal.account().equals(resourceAccount);
    }

    /**
     * Whether the request names no particular resource ({@code *}) for an action that has resource-level
     * permissions, as the policy simulator does when no resource is given: then an Allow matches if it could
     * match some resource, and a Deny only if it matches every resource.
     */
    public boolean isAnyResource() {
        return !wildcardOnlyAction && "*".equals(resource);
    }

    @Override
    public String toString() {
        return principal.kind() + " " + principal.id() + " " + action + " " + resource;
    }

    /** Builds a request. */
    public static final class Builder {
        private Principal principal = Principal.ANONYMOUS;
        private String action;
        private String resource = "*";
        private String resourceAccount;
        private boolean wildcardOnlyAction;
        private RequestContext context = RequestContext.EMPTY;

        public Builder principal(Principal principal) {
            this.principal = principal;
            return this;
        }

        public Builder principal(String principal) {
            return principal(Principal.parse(principal));
        }

        public Builder action(String action) {
            this.action = action;
            return this;
        }

        public Builder resource(String resource) {
            this.resource = resource;
            return this;
        }

        public Builder resourceAccount(String resourceAccount) {
            this.resourceAccount = resourceAccount;
            return this;
        }

        public Builder wildcardOnlyAction(boolean wildcardOnlyAction) {
            this.wildcardOnlyAction = wildcardOnlyAction;
            return this;
        }

        public Builder context(RequestContext context) {
            this.context = context;
            return this;
        }

        public AuthorizationRequest build() {
            return new AuthorizationRequest(this);
        }
    }
}
