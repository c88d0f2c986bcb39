package io.gatehouse.policy.engine;

import io.gatehouse.policy.PolicyType;
import io.gatehouse.policy.document.PolicyDocument;
import io.gatehouse.policy.document.Statement;
import java.util.List;

/**
 * A policy compiled once for evaluation. Compiling never fails: a document that parsed (strictly or leniently)
 * compiles, and whatever the evaluator cannot match (an unknown condition operator in a lenient document) simply
 * never applies. Immutable and thread-safe; share it between every policy set that includes the policy.
 */
public final class CompiledPolicy {

    private final String name;
    private final PolicyType type;
    private final PolicyDocument document;
    private final List<CompiledStatement> statements;
    private final boolean publicGrant;

    private CompiledPolicy(String name, PolicyType type, PolicyDocument document) {
        this.name = name;
        this.type = type;
        this.document = document;
        boolean variables = document.supportsVariables();
        this.statements = document.statements().stream()
                .map((Statement s) -> new CompiledStatement(type, name, s, variables))
                .toList();
        this.publicGrant = (type == PolicyType.RESOURCE || type == PolicyType.TRUST) && PublicPolicy.isPublic(document);
    }

    /**
     * Compiles a parsed document.
     *
     * @param name the name decisions use for it (policy name, ARN, or a label)
     * @param type the role the policy plays; it decides how Principal elements are read
     */
    public static CompiledPolicy compile(String name, PolicyType type, PolicyDocument document) {
        return new CompiledPolicy(name, type, document);
    }

    public String name() {
        return name;
    }

    public PolicyType type() {
        return type;
    }

    public PolicyDocument document() {
        return document;
    }

    /** Whether this resource-based policy grants public access in Amazon S3's sense. */
    public boolean isPublic() {
        return publicGrant;
    }

    List<CompiledStatement> statements() {
        return statements;
    }
}
