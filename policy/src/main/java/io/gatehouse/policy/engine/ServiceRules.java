package io.gatehouse.policy.engine;

import io.gatehouse.policy.request.AuthorizationRequest;
import io.gatehouse.policy.request.Principal;
import java.util.Set;

/**
 * The places where an AWS service adds its own rule to the generic evaluation logic. Each rule names the
 * documentation that states it.
 */
final class ServiceRules {

    /** What a decision says when S3 Block Public Access removed a grant. */
    static final String RESTRICT_PUBLIC_BUCKETS =
            "S3 Block Public Access (RestrictPublicBuckets) limits a public bucket policy to the bucket's account";

    /**
     * The services whose resources RCPs govern (AWS Organizations User Guide, "Resource control policies (RCPs)",
     * "List of AWS services that support RCPs").
     */
    private static final Set<String> RCP_SERVICES = Set.of(
            "s3", "sts", "kms", "sqs", "secretsmanager", "cognito-identity", "logs", "dynamodb", "ecr", "aoss");

    private ServiceRules() {}

    /**
     * Whether RCPs govern the request: only resources of the services that support RCPs, and not requests from
     * service-linked roles or AWS managed KMS keys ("Resource control policies", "RCPs don't apply to").
     */
    static boolean rcpsApply(AuthorizationRequest request) {
        return RCP_SERVICES.contains(request.service())
                && !request.principal().id().contains(":role/aws-service-role/");
    }

    /**
     * Whether S3 Block Public Access takes a bucket policy's grant away (S3 User Guide, "Blocking public access to
     * your Amazon S3 storage", RestrictPublicBuckets: "restricts access to an access point or bucket with a public
     * policy to only AWS service principals and authorized users within the bucket owner's account").
     */
    static boolean blocksPublicAccess(AuthorizationRequest request, PolicySet policies) {
        if (!policies.restrictPublicBuckets || !request.service().equals("s3") || policies.resourcePolicy == null
                || !policies.resourcePolicy.isPublic()) {
            return false;
        }
        Principal principal = request.principal();
        return principal.kind() != Principal.Kind.SERVICE && !request.isSameAccount();
    }

    /**
     * {@code sts:GetCallerIdentity} needs no permission and cannot be denied (STS API Reference,
     * GetCallerIdentity: "No permissions are required to perform this operation. If an administrator attaches a
     * policy to your identity that explicitly denies access to the sts:GetCallerIdentity action, you can still
     * perform this operation.").
     */
    static boolean needsNoPermission(AuthorizationRequest request) {
        return request.actionLookup().equals("sts:getcalleridentity") && request.principal().isAccountPrincipal();
    }

    /**
     * Whether the resource's own policy must allow the request, so that identity-based policies alone never do:
     * KMS keys ("Key policies in AWS KMS": "Unless the key policy explicitly allows it, you cannot use IAM policies
     * to allow access to a KMS key") and IAM roles for the AssumeRole family ("a role trust policy ... must
     * explicitly allow" the principal, IAM User Guide "Policy evaluation logic").
     */
    static boolean resourcePolicyRequired(AuthorizationRequest request) {
        String resource = request.resource();
        return switch (request.service()) {
            case "kms" -> resource.startsWith("arn:") && resource.contains(":key/");
            case "sts" -> isAssumeRoleFamily(request.actionLookup()) && isRoleArn(resource);
            default -> false;
        };
    }

    private static boolean isAssumeRoleFamily(String action) {
        return switch (action) {
            case "sts:assumerole", "sts:assumerolewithsaml", "sts:assumerolewithwebidentity",
                 "sts:tagsession", "sts:setsourceidentity", "sts:setcontext" -> true;
            default -> false;
        };
    }

    private static boolean isRoleArn(String resource) {
        return resource.startsWith("arn:") && resource.contains(":iam::") && resource.contains(":role/");
    }

    /**
     * A rule that makes the request impossible whatever the policies say, or {@code null}. AWS owns some resources
     * in every account and allows nobody to change them: AWS managed policies ({@code arn:aws:iam::aws:policy/...},
     * IAM User Guide "AWS managed policies": "You cannot change the permissions defined in AWS managed policies"),
     * roles IAM Identity Center reserves ({@code role/aws-reserved/...}), and AWS managed KMS aliases
     * ({@code alias/aws/...}, "Aliases in AWS KMS": "You cannot create, update or delete" them).
     */
    static String forbiddenChange(AuthorizationRequest request) {
        String resource = request.resource();
        String action = request.actionLookup();
        switch (request.service()) {
            case "iam" -> {
                if (resource.contains(":iam::aws:policy/") && !isIamRead(action)) {
                    return "AWS managed policies cannot be changed";
                }
                if (resource.contains(":role/aws-reserved/") && !isIamRead(action)) {
                    return "roles reserved by AWS cannot be changed";
                }
                return null;
            }
            case "kms" -> {
                boolean aliasChange = action.equals("kms:createalias") || action.equals("kms:updatealias")
                        || action.equals("kms:deletealias");
                return aliasChange && resource.contains(":alias/aws/") ? "AWS managed KMS aliases cannot be changed" : null;
            }
            default -> {
                return null;
            }
        }
    }

    /** IAM's reading actions: they describe an entity and change nothing. */
    private static boolean isIamRead(String action) {
        String name = action.substring(action.indexOf(':') + 1);
        return name.startsWith("get") || name.startsWith("list") || name.startsWith("generate")
                || name.startsWith("simulate");
    }
}
