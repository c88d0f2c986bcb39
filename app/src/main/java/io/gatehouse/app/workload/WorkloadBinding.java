package io.gatehouse.app.workload;

import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.GatehouseState;
import io.gatehouse.server.state.InstanceProfile;
import io.gatehouse.server.state.Role;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a token is bound to, found from the command line's {@code --role} (name or ARN), {@code --instance-profile}
 * (name or ARN) and {@code --account}: an existing role or instance profile of one account.
 *
 * @param accountId           the account
 * @param roleName            the role's name, or {@code null} for an instance profile
 * @param instanceProfileName the instance profile's name, or {@code null} for a role
 */
record WorkloadBinding(String accountId, String roleName, String instanceProfileName) {

    private static final Pattern ARN = Pattern.compile("arn:[\\w-]+:iam::(\\d{12}):(role|instance-profile)(/.*/|/)([^/]+)");

    /**
     * @throws IllegalArgumentException with a message for the operator when it names nothing that exists
     */
    static WorkloadBinding find(GatehouseState state, String role, String instanceProfile, String accountId) {
        String given = role != null ? role : instanceProfile;
        String kind = role != null ? "role" : "instance-profile";
        String account = accountId;
        String name = given;
        String path = null;
        if (given.startsWith("arn:")) {
            Matcher arn = ARN.matcher(given);
            if (!arn.matches() || !arn.group(2).equals(kind)) {
                throw new IllegalArgumentException("'" + given + "' is not the ARN of an IAM " + kind.replace('-', ' '));
            }
            if (accountId != null && !accountId.equals(arn.group(1))) {
                throw new IllegalArgumentException("--account " + accountId + " is not the account of " + given);
            }
            account = arn.group(1);
            path = arn.group(3);
            name = arn.group(4);
        }
        if (account == null) {
            if (state.accounts().size() != 1) {
                throw new IllegalArgumentException("the data holds " + state.accounts().size()
                        + " accounts: name the account with --account, or give the ARN");
            }
            account = state.accounts().keySet().iterator().next();
        }
        AccountState found = state.account(account);
        if (found == null) {
            throw new IllegalArgumentException("there is no account " + account);
        }
        if (role != null) {
            Role existing = found.role(name);
            if (existing == null || (path != null && !path.equals(existing.path()))) {
                throw new IllegalArgumentException("account " + account + " has no role " + given);
            }
            return new WorkloadBinding(account, existing.name(), null);
        }
        InstanceProfile existing = found.instanceProfile(name);
        if (existing == null || (path != null && !path.equals(existing.path()))) {
            throw new IllegalArgumentException("account " + account + " has no instance profile " + given);
        }
        return new WorkloadBinding(account, null, existing.name());
    }
}
