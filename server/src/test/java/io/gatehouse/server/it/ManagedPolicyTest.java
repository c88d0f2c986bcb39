package io.gatehouse.server.it;

import static io.gatehouse.server.it.IamFixtures.ACCOUNT;
import static io.gatehouse.server.it.IamFixtures.allow;
import static io.gatehouse.server.it.IamFixtures.assertAwsError;
import static io.gatehouse.server.it.IamFixtures.decoded;
import static io.gatehouse.server.it.IamFixtures.policyArn;
import static io.gatehouse.server.it.IamFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.catalog.ManagedPolicies;
import io.gatehouse.server.store.Backend;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ListPoliciesResponse;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.PolicyUsageType;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.Tag;

/** Managed policies, their versions and tags, customer and AWS managed, as IAM answers for them. */
class ManagedPolicyTest {

    private static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    private static final String SERVICE_ROLE_POLICY = "arn:aws:iam::aws:policy/aws-service-role/AWSSupportServiceRolePolicy";

    @RegisterExtension
    static final SharedServers servers = new SharedServers();

    @ParameterizedTest
    @EnumSource(Backend.class)
    void createPolicyAnswersItsMetadataAndGetPolicyAddsTheDescription(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        String name = unique("Readers");
        Policy created = iam.createPolicy(r -> r.policyName(name).path("/team/").description("reads things")
                .policyDocument(allow("s3:GetObject")).tags(Tag.builder().key("owner").value("ops").build())).policy();
        assertThat(created.policyName()).isEqualTo(name);
        assertThat(created.policyId()).startsWith("ANPA").hasSize(21);
        assertThat(created.arn()).isEqualTo(policyArn("/team/", name));
        assertThat(created.path()).isEqualTo("/team/");
        assertThat(created.defaultVersionId()).isEqualTo("v1");
        assertThat(created.attachmentCount()).isZero();
        assertThat(created.permissionsBoundaryUsageCount()).isZero();
        assertThat(created.isAttachable()).isTrue();
        assertThat(created.createDate()).isEqualTo(created.updateDate());
        assertThat(created.tags()).containsExactly(Tag.builder().key("owner").value("ops").build());

        Policy got = iam.getPolicy(r -> r.policyArn(created.arn())).policy();
        assertThat(got.description()).isEqualTo("reads things");
        assertThat(got.policyId()).isEqualTo(created.policyId());
        assertThat(got.tags()).hasSize(1);
        PolicyVersion v1 = iam.getPolicyVersion(r -> r.policyArn(created.arn()).versionId("v1")).policyVersion();
        assertThat(v1.isDefaultVersion()).isTrue();
        assertThat(decoded(v1.document())).isEqualTo(allow("s3:GetObject"));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void createPolicyRefusesDuplicateNamesBadDocumentsAndTooMuch(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        String name = unique("Dup");
        iam.createPolicy(r -> r.policyName(name).policyDocument(allow("s3:*")));
        assertAwsError(() -> iam.createPolicy(r -> r.policyName(name.toUpperCase()).path("/other/")
                .policyDocument(allow("s3:*"))), "EntityAlreadyExists", 409,
                "A policy called " + name.toUpperCase() + " already exists. Duplicate names are not allowed.");
        assertAwsError(() -> iam.createPolicy(r -> r.policyName(unique("Bad")).policyDocument("{not json")),
                "MalformedPolicyDocument", 400, "Syntax errors in policy.");
        String withPrincipal = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";
        assertAwsError(() -> iam.createPolicy(r -> r.policyName(unique("Bad")).policyDocument(withPrincipal)),
                "MalformedPolicyDocument", 400, "Policy document should not specify a principal.");
        String big = "{\"Version\":\"2012-10-17\",\"Id\":\"" + "x".repeat(6200)
                + "\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";
        assertAwsError(() -> iam.createPolicy(r -> r.policyName(unique("Big")).policyDocument(big)),
                "LimitExceeded", 409, "Cannot exceed quota for PolicySize: 6144");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aMissingOrMalformedPolicyArnIsRefusedInIamsWords(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        String missing = policyArn("/", "NoSuchPolicy");
        assertAwsError(() -> iam.getPolicy(r -> r.policyArn(missing)), "NoSuchEntity", 404,
                "Policy " + missing + " was not found.");
        assertAwsError(() -> iam.getPolicy(r -> r.policyArn("arn:aws:iam::aws:policy/NoSuchAwsPolicy")), "NoSuchEntity",
                404, "Policy arn:aws:iam::aws:policy/NoSuchAwsPolicy was not found.");
        assertAwsError(() -> iam.getPolicy(r -> r.policyArn("arn:aws:iam::123456789012:user/alice")), "InvalidInput", 400,
                "ARN arn:aws:iam::123456789012:user/alice is not valid.");
        assertAwsError(() -> iam.deletePolicy(r -> r.policyArn(missing)), "NoSuchEntity", 404,
                "Policy " + missing + " was not found.");
        assertAwsError(() -> iam.listPolicyVersions(r -> r.policyArn(missing)), "NoSuchEntity", 404,
                "Policy " + missing + " was not found.");
        assertAwsError(() -> iam.getPolicyVersion(r -> r.policyArn(missing).versionId("v1")), "NoSuchEntity", 404,
                "Policy " + missing + " was not found.");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void versionsAreNumberedNeverReusedAndLimitedToFive(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        String arn = iam.createPolicy(r -> r.policyName(unique("Versioned")).policyDocument(allow("s3:GetObject")))
                .policy().arn();
        Instant created = iam.getPolicy(r -> r.policyArn(arn)).policy().createDate();
        PolicyVersion v2 = iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(allow("s3:PutObject")))
                .policyVersion();
        assertThat(iam.getPolicy(r -> r.policyArn(arn)).policy().updateDate())
                .as("UpdateDate is when the latest version was created, default or not").isEqualTo(v2.createDate())
                .isAfterOrEqualTo(created);
        assertThat(v2.versionId()).isEqualTo("v2");
        assertThat(v2.isDefaultVersion()).isFalse();
        assertThat(v2.document()).as("CreatePolicyVersion returns no document").isNull();
        PolicyVersion v3 = iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(allow("s3:ListBucket"))
                .setAsDefault(true)).policyVersion();
        assertThat(v3.isDefaultVersion()).isTrue();
        Policy policy = iam.getPolicy(r -> r.policyArn(arn)).policy();
        assertThat(policy.defaultVersionId()).isEqualTo("v3");
        assertThat(policy.updateDate()).isAfterOrEqualTo(policy.createDate());

        List<PolicyVersion> versions = iam.listPolicyVersions(r -> r.policyArn(arn)).versions();
        assertThat(versions).extracting(PolicyVersion::versionId).containsExactly("v3", "v2", "v1");
        assertThat(versions).extracting(PolicyVersion::isDefaultVersion).containsExactly(true, false, false);
        assertThat(versions).allSatisfy(v -> assertThat(v.document()).isNull());
        var page = iam.listPolicyVersions(r -> r.policyArn(arn).maxItems(2));
        assertThat(page.isTruncated()).isTrue();
        assertThat(iam.listPolicyVersions(r -> r.policyArn(arn).marker(page.marker())).versions())
                .extracting(PolicyVersion::versionId).containsExactly("v1");

        iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(allow("s3:GetBucketTagging")));
        iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(allow("s3:GetBucketPolicy")));
        assertAwsError(() -> iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(allow("s3:*"))), "LimitExceeded",
                409, "A managed policy can have up to 5 versions. Before you create a new version, you must delete an "
                        + "existing version.");
        assertAwsError(() -> iam.deletePolicyVersion(r -> r.policyArn(arn).versionId("v3")), "DeleteConflict", 409,
                "Cannot delete the default version of a policy.");
        iam.deletePolicyVersion(r -> r.policyArn(arn).versionId("v2"));
        assertThat(iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(allow("s3:*"))).policyVersion().versionId())
                .as("version ids are never reused").isEqualTo("v6");
        assertAwsError(() -> iam.getPolicyVersion(r -> r.policyArn(arn).versionId("v2")), "NoSuchEntity", 404,
                "Policy " + arn + " version v2 does not exist or is not attachable.");
        assertAwsError(() -> iam.setDefaultPolicyVersion(r -> r.policyArn(arn).versionId("v9")), "NoSuchEntity", 404,
                "Policy " + arn + " version v9 does not exist or is not attachable.");
        assertAwsError(() -> iam.deletePolicyVersion(r -> r.policyArn(arn).versionId("v9")), "NoSuchEntity", 404,
                "Policy " + arn + " version v9 does not exist or is not attachable.");

        Instant updated = iam.getPolicy(r -> r.policyArn(arn)).policy().updateDate();
        iam.setDefaultPolicyVersion(r -> r.policyArn(arn).versionId("v1"));
        assertThat(iam.getPolicy(r -> r.policyArn(arn)).policy().defaultVersionId()).isEqualTo("v1");
        assertThat(iam.getPolicy(r -> r.policyArn(arn)).policy().updateDate()).isEqualTo(updated);
        assertThat(decoded(iam.getPolicyVersion(r -> r.policyArn(arn).versionId("v6")).policyVersion().document()))
                .isEqualTo(allow("s3:*"));

        assertAwsError(() -> iam.deletePolicy(r -> r.policyArn(arn)), "DeleteConflict", 409,
                "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. "
                        + "The default version is deleted with the policy.");
        for (String id : List.of("v3", "v4", "v5", "v6")) {
            iam.deletePolicyVersion(r -> r.policyArn(arn).versionId(id));
        }
        iam.deletePolicy(r -> r.policyArn(arn));
        assertAwsError(() -> iam.getPolicy(r -> r.policyArn(arn)), "NoSuchEntity", 404, "Policy " + arn + " was not found.");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aPolicyInUseCannotBeDeleted(Backend backend) {
        TestServer server = servers.get(backend);
        IamClient iam = server.iam();
        String user = unique("holder");
        iam.createUser(r -> r.userName(user));
        String attached = iam.createPolicy(r -> r.policyName(unique("Attached")).policyDocument(allow("s3:*"))).policy().arn();
        iam.attachUserPolicy(r -> r.userName(user).policyArn(attached));
        assertAwsError(() -> iam.deletePolicy(r -> r.policyArn(attached)), "DeleteConflict", 409,
                "Cannot delete a policy attached to entities.");
        String boundary = iam.createPolicy(r -> r.policyName(unique("Boundary")).policyDocument(allow("s3:*"))).policy().arn();
        IamFixtures.boundUser(server, user, boundary);
        assertThat(iam.getPolicy(r -> r.policyArn(boundary)).policy().permissionsBoundaryUsageCount()).isEqualTo(1);
        assertAwsError(() -> iam.deletePolicy(r -> r.policyArn(boundary)), "DeleteConflict", 409,
                "Cannot delete a policy attached to entities.");
        IamFixtures.boundUser(server, user, null);
        iam.deletePolicy(r -> r.policyArn(boundary));
        iam.detachUserPolicy(r -> r.userName(user).policyArn(attached));
        iam.deletePolicy(r -> r.policyArn(attached));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void listPoliciesPagesThroughLocalPoliciesByPathThenAwsPolicies(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        String path = "/" + unique("listing") + "/";
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String name = "p" + i;
            names.add(name);
            iam.createPolicy(r -> r.policyName(name + path.replace("/", "")).path(path).description("d")
                    .policyDocument(allow("s3:*")).tags(Tag.builder().key("k").value("v").build()));
        }
        List<Policy> seen = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            String from = marker;
            ListPoliciesResponse page = iam.listPolicies(r -> r.scope(PolicyScopeType.LOCAL).pathPrefix(path).maxItems(2)
                    .marker(from));
            seen.addAll(page.policies());
            marker = page.isTruncated() ? page.marker() : null;
            assertThat(page.isTruncated()).isEqualTo(page.marker() != null);
            pages++;
        } while (marker != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).extracting(Policy::policyName).containsExactlyElementsOf(
                names.stream().map(n -> n + path.replace("/", "")).toList());
        assertThat(seen).allSatisfy(p -> {
            assertThat(p.description()).as("listings leave out the description").isNull();
            assertThat(p.hasTags()).as("listings leave out tags").isFalse();
        });
        assertThat(iam.listPolicies(r -> r.scope(PolicyScopeType.AWS).pathPrefix(path)).policies()).isEmpty();
        ListPoliciesResponse all = iam.listPolicies(r -> r.pathPrefix(path).maxItems(1000));
        assertThat(all.policies()).hasSize(5);
        ListPoliciesResponse mixed = iam.listPolicies(r -> r.maxItems(1000));
        assertThat(mixed.policies().getFirst().arn()).as("the account's own policies come first").contains(ACCOUNT);
        assertThat(mixed.policies().getLast().arn()).startsWith("arn:aws:iam::aws:policy/");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void everyAwsManagedPolicyIsListedAndReadableInEveryAccount(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        List<Policy> aws = iam.listPoliciesPaginator(r -> r.scope(PolicyScopeType.AWS).maxItems(500)).policies()
                .stream().toList();
        assertThat(aws).hasSize(ManagedPolicies.get().all().size()).hasSizeGreaterThan(1500);
        assertThat(aws).extracting(Policy::arn).doesNotHaveDuplicates().allMatch(a -> a.startsWith("arn:aws:iam::aws:policy/"));
        assertThat(iam.listPolicies(r -> r.scope(PolicyScopeType.AWS).pathPrefix("/job-function/")).policies())
                .isNotEmpty().allSatisfy(p -> assertThat(p.path()).isEqualTo("/job-function/"));

        Policy readOnly = iam.getPolicy(r -> r.policyArn(READ_ONLY)).policy();
        assertThat(readOnly.policyName()).isEqualTo("ReadOnlyAccess");
        assertThat(readOnly.policyId()).startsWith("ANPA").hasSize(21);
        assertThat(readOnly.isAttachable()).isTrue();
        assertThat(readOnly.path()).isEqualTo("/");
        PolicyVersion version = iam.getPolicyVersion(r -> r.policyArn(READ_ONLY).versionId(readOnly.defaultVersionId()))
                .policyVersion();
        assertThat(version.isDefaultVersion()).isTrue();
        assertThat(decoded(version.document())).contains("\"Effect\"");
        assertThat(iam.listPolicyVersions(r -> r.policyArn(READ_ONLY)).versions()).extracting(PolicyVersion::versionId)
                .containsExactly(readOnly.defaultVersionId());
        assertThat(iam.listPolicyTags(r -> r.policyArn(READ_ONLY)).tags()).isEmpty();
        assertThat(iam.getPolicy(r -> r.policyArn(SERVICE_ROLE_POLICY)).policy().isAttachable()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void awsManagedPoliciesCannotBeChanged(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        assertAwsError(() -> iam.deletePolicy(r -> r.policyArn(READ_ONLY)), "AccessDenied", 403,
                "Cannot delete policies outside your own account.");
        assertAwsError(() -> iam.createPolicyVersion(r -> r.policyArn(READ_ONLY).policyDocument(allow("s3:*"))),
                "AccessDenied", 403, "Cannot create versions for policies outside your own account.");
        assertAwsError(() -> iam.setDefaultPolicyVersion(r -> r.policyArn(READ_ONLY).versionId("v1")), "AccessDenied", 403,
                "Cannot update policies outside your own account.");
        assertAwsError(() -> iam.deletePolicyVersion(r -> r.policyArn(READ_ONLY).versionId("v1")), "AccessDenied", 403,
                "Cannot delete policy versions for policies outside your own account.");
        assertAwsError(() -> iam.tagPolicy(r -> r.policyArn(READ_ONLY).tags(Tag.builder().key("a").value("b").build())),
                "AccessDenied", 403, "Cannot tag policies outside your own account.");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void onlyAttachedAndTheUsageFilterListPoliciesInUse(Backend backend) {
        TestServer server = servers.get(backend);
        IamClient iam = server.iam();
        String user = unique("lister");
        iam.createUser(r -> r.userName(user));
        String path = "/" + unique("used") + "/";
        String attached = iam.createPolicy(r -> r.policyName(unique("Used")).path(path).policyDocument(allow("s3:*")))
                .policy().arn();
        String boundary = iam.createPolicy(r -> r.policyName(unique("Bound")).path(path).policyDocument(allow("s3:*")))
                .policy().arn();
        iam.createPolicy(r -> r.policyName(unique("Unused")).path(path).policyDocument(allow("s3:*")));
        iam.attachUserPolicy(r -> r.userName(user).policyArn(attached));
        iam.attachUserPolicy(r -> r.userName(user).policyArn("arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"));
        IamFixtures.boundUser(server, user, boundary);

        assertThat(iam.listPolicies(r -> r.pathPrefix(path).onlyAttached(true)).policies()).extracting(Policy::arn)
                .containsExactly(attached);
        assertThat(iam.listPolicies(r -> r.pathPrefix(path).onlyAttached(true)
                .policyUsageFilter(PolicyUsageType.PERMISSIONS_POLICY)).policies()).extracting(Policy::arn)
                .containsExactly(attached);
        assertThat(iam.listPolicies(r -> r.pathPrefix(path).onlyAttached(true)
                .policyUsageFilter(PolicyUsageType.PERMISSIONS_BOUNDARY)).policies()).extracting(Policy::arn)
                .containsExactly(boundary);
        assertThat(iam.listPolicies(r -> r.pathPrefix(path)).policies()).hasSize(3);
        List<Policy> awsAttached = iam.listPolicies(r -> r.scope(PolicyScopeType.AWS).onlyAttached(true)
                .pathPrefix("/job-function/")).policies();
        assertThat(awsAttached).extracting(Policy::policyName).containsExactly("ViewOnlyAccess");
        assertThat(awsAttached.getFirst().attachmentCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void policyTagsAreAddedReplacedListedAndRemoved(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        String arn = iam.createPolicy(r -> r.policyName(unique("Tagged")).policyDocument(allow("s3:*"))
                .tags(Tag.builder().key("a").value("1").build())).policy().arn();
        iam.tagPolicy(r -> r.policyArn(arn).tags(Tag.builder().key("A").value("2").build(),
                Tag.builder().key("b").value("3").build(), Tag.builder().key("c").value("4").build()));
        assertThat(iam.listPolicyTags(r -> r.policyArn(arn)).tags()).extracting(Tag::key, Tag::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A", "2"), org.assertj.core.groups.Tuple.tuple("b", "3"),
                        org.assertj.core.groups.Tuple.tuple("c", "4"));
        var first = iam.listPolicyTags(r -> r.policyArn(arn).maxItems(2));
        assertThat(first.isTruncated()).isTrue();
        assertThat(iam.listPolicyTags(r -> r.policyArn(arn).marker(first.marker())).tags()).extracting(Tag::key)
                .containsExactly("c");
        iam.untagPolicy(r -> r.policyArn(arn).tagKeys("B", "nope"));
        assertThat(iam.listPolicyTags(r -> r.policyArn(arn)).tags()).extracting(Tag::key).containsExactly("A", "c");
        assertAwsError(() -> iam.tagPolicy(r -> r.policyArn(arn).tags(Tag.builder().key("x").value("1").build(),
                Tag.builder().key("X").value("2").build())), "InvalidInput", 400,
                "Duplicate tag keys found. Please note that Tag keys are case insensitive.");
        List<Tag> many = new ArrayList<>();
        for (int i = 0; i < 49; i++) {
            many.add(Tag.builder().key("k" + i).value("v").build());
        }
        assertAwsError(() -> iam.tagPolicy(r -> r.policyArn(arn).tags(many)), "LimitExceeded", 409,
                "The number of tags has reached the maximum limit.");
        String missing = policyArn("/", "NoSuchTagged");
        assertAwsError(() -> iam.tagPolicy(r -> r.policyArn(missing).tags(Tag.builder().key("x").value("1").build())),
                "NoSuchEntity", 404, "Policy " + missing + " was not found.");
        assertAwsError(() -> iam.listPolicyTags(r -> r.policyArn(missing)), "NoSuchEntity", 404,
                "Policy " + missing + " was not found.");
    }
}
