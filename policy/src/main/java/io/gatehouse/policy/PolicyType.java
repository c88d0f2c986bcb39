package io.gatehouse.policy;

/**
 * The kinds of policy AWS distinguishes. Each allows a different set of elements: identity-based
 * policies must not name a {@code Principal}; resource-based policies must; a role trust policy is a
 * resource-based policy on a role whose actions are the {@code sts:AssumeRole*} family; SCPs and RCPs
 * carry Organizations' restrictions.
 */
public enum PolicyType {
    /** Inline or managed policy attached to a user, group or role. */
    IDENTITY("identity"),
    /** Policy attached to a resource (bucket policy, key policy, queue policy, ...). */
    RESOURCE("resource"),
    /** A role's trust policy ({@code AssumeRolePolicyDocument}). */
    TRUST("trust"),
    /** A managed policy used as a user's or role's permissions boundary. */
    BOUNDARY("boundary"),
    /** A session policy passed to AssumeRole*, GetFederationToken. */
    SESSION("session"),
    /** An Organizations service control policy. */
    SCP("scp"),
    /** An Organizations resource control policy. */
    RCP("rcp"),
    /** A VPC endpoint policy. */
    ENDPOINT("endpoint");

    private final String cliName;

    PolicyType(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line ({@code --type identity}). */
    public String cliName() {
        return cliName;
    }

    /** The type for a command-line name, or {@code null}. */
    public static PolicyType ofCliName(String name) {
        for (PolicyType type : values()) {
            if (type.cliName.equals(name)) {
                return type;
            }
        }
        return null;
    }
}
