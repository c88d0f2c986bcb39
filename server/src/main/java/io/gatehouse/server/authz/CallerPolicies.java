package io.gatehouse.server.authz;

import io.gatehouse.policy.ParseOptions;
import io.gatehouse.policy.PolicyType;
import io.gatehouse.policy.engine.PolicySet;
import io.gatehouse.server.session.SessionAttributes;
import io.gatehouse.server.session.SessionIssuer;
import io.gatehouse.server.session.SessionTag;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.EntityCodec;
import io.gatehouse.server.state.Names;
import io.gatehouse.server.state.Role;
import io.gatehouse.server.state.Tag;
import io.gatehouse.server.state.User;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a caller acts with: the policy set the engine decides its requests against, and its principal tags
 * ({@code aws:PrincipalTag/*}).
 *
 * <ul>
 *   <li>an IAM user (long-term key or GetSessionToken): its own, its groups' and its boundary; its tags;</li>
 *   <li>a role session: the role's policies and boundary, limited by the session policies; the role's tags with the
 *       session tags over them (a session tag replaces a role tag with the same key, compared without regard to case:
 *       IAM User Guide, "Pass session tags in AWS STS");</li>
 *   <li>a federated user: the federating user's policies limited by the session policies (with none, it has no
 *       permissions: the engine's rule); the user's tags with the session tags over them;</li>
 *   <li>the root user: no policies (the engine gives it every identity permission in its account); a federated user
 *       session of the root user: everything, limited by the session policies.</li>
 * </ul>
 *
 * @param policies      the caller's policy set, session policies included
 * @param principalTags its {@code aws:PrincipalTag} values
 */
public record CallerPolicies(PolicySet policies, List<Tag> principalTags) {

    private static final PolicySet ROOT = PolicySet.builder().build();
    /**
     * What the root user's identity allows, written out for a federated user session the root user got: the session
     * is no longer the root user to the engine, and has the intersection of this and its session policies.
     */
    private static final PolicySet ROOT_FEDERATION = PolicySet.builder().identity(List.of(EntityCodec.compile(
            "RootUserPermissions", PolicyType.IDENTITY,
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}",
            ParseOptions.defaultsFor(PolicyType.IDENTITY)))).build();

    /**
     * The caller's policies in {@code account} (the caller's own), or {@code null} when the principal a session was
     * issued for is gone (deleted, or deleted and made again with another unique id): its temporary credentials stay
     * valid until they expire but are allowed nothing.
     */
    public static CallerPolicies of(PrincipalPolicies principals, AccountState account, Caller caller) {
        if (caller.isRoot()) {
            return new CallerPolicies(ROOT, List.of());
        }
        SessionIssuer issuer = caller.issuer();
        if (issuer == null) {
            User user = account.user(caller.userName());
            if (user == null || !user.id().equals(caller.userId())) {
                return null;
            }
            return new CallerPolicies(principals.forUser(account, user), user.tags());
        }
        SessionAttributes attributes = caller.session().attributes();
        PolicySet base;
        List<Tag> ownTags;
        if (issuer.arn().endsWith(":root")) {
            base = ROOT_FEDERATION;
            ownTags = List.of();
        } else if (issuer.arn().contains(":role/")) {
            Role role = account.role(issuer.name());
            if (role == null || !role.id().equals(issuer.uniqueId())) {
                return null;
            }
            base = principals.forRole(account, role);
            ownTags = role.tags();
        } else {
            User user = account.user(issuer.name());
            if (user == null || !user.id().equals(issuer.uniqueId())) {
                return null;
            }
            base = principals.forUser(account, user);
            ownTags = user.tags();
        }
        PolicySet policies = attributes.policies().present()
                ? base.withSession(principals.sessionPolicies(account, attributes.policies())) : base;
        return new CallerPolicies(policies, withSessionTags(ownTags, attributes.tags()));
    }

    /** The principal's tags with the session's over them, keys compared without regard to case. */
    static List<Tag> withSessionTags(List<Tag> own, List<SessionTag> session) {
        if (session.isEmpty()) {
            return own;
        }
        Map<String, Tag> merged = new LinkedHashMap<>();
        own.forEach(t -> merged.put(Names.key(t.key()), t));
        session.forEach(t -> merged.put(Names.key(t.key()), new Tag(t.key(), t.value())));
        return List.copyOf(merged.values());
    }
}
