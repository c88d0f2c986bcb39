package io.gatehouse.server.it;

import static io.gatehouse.server.it.IamFixtures.allow;
import static io.gatehouse.server.it.IamFixtures.assertAwsError;
import static io.gatehouse.server.it.IamFixtures.assertDenied;
import static io.gatehouse.server.it.IamFixtures.decoded;
import static io.gatehouse.server.it.IamFixtures.grant;
import static io.gatehouse.server.it.IamFixtures.userWithKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import io.gatehouse.server.store.Backend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GroupDetail;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.UserDetail;

/**
 * The account operations: the alias (one per account, unique across every account of the server), the summary of
 * usage and quotas, and the authorization details snapshot with its filters and its one marker across all kinds.
 * Each test works in accounts of its own, so counts and listings are exact.
 */
class AccountTest {

    private static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    private static final String POWER_USER = "arn:aws:iam::aws:policy/PowerUserAccess";

    @RegisterExtension
    static final SharedServers servers = new SharedServers();

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anAccountHasOneAliasWhichANewOneReplaces(Backend backend) {
        TestServer server = servers.get(backend);
        IamClient iam = TestAccount.create(server).iam(server);
        assertThat(iam.listAccountAliases().accountAliases()).isEmpty();
        assertThat(iam.listAccountAliases().isTruncated()).isFalse();

        iam.createAccountAlias(r -> r.accountAlias("first-alias-" + backend.ordinal()));
        assertThat(iam.listAccountAliases().accountAliases()).containsExactly("first-alias-" + backend.ordinal());
        iam.createAccountAlias(r -> r.accountAlias("second-alias-" + backend.ordinal()));
        assertThat(iam.listAccountAliases().accountAliases()).containsExactly("second-alias-" + backend.ordinal());

        assertAwsError(() -> iam.deleteAccountAlias(r -> r.accountAlias("first-alias-" + backend.ordinal())),
                "NoSuchEntity", 404, "The account alias first-alias-" + backend.ordinal() + " cannot be found.");
        iam.deleteAccountAlias(r -> r.accountAlias("second-alias-" + backend.ordinal()));
        assertThat(iam.listAccountAliases().accountAliases()).isEmpty();
        assertAwsError(() -> iam.deleteAccountAlias(r -> r.accountAlias("second-alias-" + backend.ordinal())),
                "NoSuchEntity", 404, "The account alias second-alias-" + backend.ordinal() + " cannot be found.");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anAliasIsUniqueAcrossEveryAccountOfTheServerAndStaysSoAfterARestart(Backend backend) {
        TestServer server = servers.get(backend);
        TestAccount first = TestAccount.create(server);
        TestAccount second = TestAccount.create(server);
        String alias = "shared-alias-" + backend.ordinal();
        first.iam(server).createAccountAlias(r -> r.accountAlias(alias));

        String taken = "The account alias " + alias + " already exists.";
        assertAwsError(() -> second.iam(server).createAccountAlias(r -> r.accountAlias(alias)), "EntityAlreadyExists",
                409, taken);
        assertAwsError(() -> first.iam(server).createAccountAlias(r -> r.accountAlias(alias)), "EntityAlreadyExists",
                409, taken);
        assertThat(second.iam(server).listAccountAliases().accountAliases()).isEmpty();

        server.restart();
        assertAwsError(() -> second.iam(server).createAccountAlias(r -> r.accountAlias(alias)), "EntityAlreadyExists",
                409, taken);
        assertThat(first.iam(server).listAccountAliases().accountAliases()).containsExactly(alias);

        first.iam(server).createAccountAlias(r -> r.accountAlias(alias + "-moved"));
        second.iam(server).createAccountAlias(r -> r.accountAlias(alias));
        assertThat(second.iam(server).listAccountAliases().accountAliases()).as("a replaced alias is free")
                .containsExactly(alias);
        second.iam(server).deleteAccountAlias(r -> r.accountAlias(alias));
        first.iam(server).deleteAccountAlias(r -> r.accountAlias(alias + "-moved"));
        first.iam(server).createAccountAlias(r -> r.accountAlias(alias));
        assertThat(first.iam(server).listAccountAliases().accountAliases()).as("a deleted alias is free")
                .containsExactly(alias);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anAliasMustMatchTheModelsPattern(Backend backend) {
        TestServer server = servers.get(backend);
        IamClient iam = TestAccount.create(server).iam(server);
        String pattern = "Member must satisfy regular expression pattern: ^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$";
        for (String bad : List.of("Upper-case", "two--dashes", "-leading", "trailing-", "under_score")) {
            assertAwsError(() -> iam.createAccountAlias(r -> r.accountAlias(bad)), "ValidationError", 400,
                    "1 validation error detected: Value at 'accountAlias' failed to satisfy constraint: " + pattern);
        }
        assertAwsError(() -> iam.deleteAccountAlias(r -> r.accountAlias("ab")), "ValidationError", 400,
                "2 validation errors detected: Value at 'accountAlias' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 3; "
                        + "Value at 'accountAlias' failed to satisfy constraint: " + pattern);
        iam.createAccountAlias(r -> r.accountAlias("a-1-b-" + backend.ordinal()));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theSummaryCountsWhatTheAccountHoldsBesideIamsQuotas(Backend backend) {
        TestServer server = servers.get(backend);
        TestAccount account = TestAccount.create(server);
        IamClient root = account.iam(server);
        Map<String, Integer> empty = root.getAccountSummary().summaryMapAsStrings();
        assertThat(empty).containsOnly(
                entry("Users", 0), entry("UsersQuota", 5000), entry("Groups", 0), entry("GroupsQuota", 300),
                entry("ServerCertificates", 0), entry("ServerCertificatesQuota", 20),
                entry("UserPolicySizeQuota", 2048), entry("GroupPolicySizeQuota", 5120),
                entry("GroupsPerUserQuota", 10), entry("SigningCertificatesPerUserQuota", 2),
                entry("AccessKeysPerUserQuota", 2), entry("MFADevices", 0), entry("MFADevicesInUse", 0),
                entry("AccountMFAEnabled", 0), entry("AccountAccessKeysPresent", 1),
                entry("AccountSigningCertificatesPresent", 0), entry("AttachedPoliciesPerGroupQuota", 10),
                entry("AttachedPoliciesPerRoleQuota", 10), entry("AttachedPoliciesPerUserQuota", 10),
                entry("Policies", 0), entry("PoliciesQuota", 1500), entry("PolicySizeQuota", 6144),
                entry("PolicyVersionsInUse", 0), entry("PolicyVersionsInUseQuota", 10000),
                entry("VersionsPerPolicyQuota", 5), entry("GlobalEndpointTokenVersion", 1),
                entry("AssumeRolePolicySizeQuota", 2048), entry("InstanceProfiles", 0),
                entry("InstanceProfilesQuota", 1000), entry("Providers", 0), entry("RolePolicySizeQuota", 10240),
                entry("Roles", 0), entry("RolesQuota", 1000));

        AwsCredentials reader = userWithKey(root, "sum-reader");
        grant(root, "sum-reader", allow("iam:GetAccountSummary"));
        root.createUser(r -> r.userName("sum-other"));
        root.createGroup(r -> r.groupName("sum-group"));
        root.createRole(r -> r.roleName("sum-role").assumeRolePolicyDocument(IamFixtures.TRUST));
        root.createInstanceProfile(r -> r.instanceProfileName("sum-profile"));
        String policyArn = root.createPolicy(r -> r.policyName("sum-policy").policyDocument(allow("s3:GetObject")))
                .policy().arn();
        root.createPolicyVersion(r -> r.policyArn(policyArn).policyDocument(allow("s3:ListBucket")));
        root.attachUserPolicy(r -> r.userName("sum-other").policyArn(READ_ONLY));
        root.attachGroupPolicy(r -> r.groupName("sum-group").policyArn(READ_ONLY));
        root.putRolePermissionsBoundary(r -> r.roleName("sum-role").permissionsBoundary(POWER_USER));

        String rootKey = account.root().accessKeyId();
        root.deleteAccessKey(r -> r.accessKeyId(rootKey));
        Map<String, Integer> used = server.iam(reader).getAccountSummary().summaryMapAsStrings();
        assertThat(used).contains(entry("Users", 2), entry("Groups", 1), entry("Roles", 1),
                entry("InstanceProfiles", 1), entry("Policies", 1), entry("AccountAccessKeysPresent", 0));
        assertThat(used.get("PolicyVersionsInUse")).as("two versions of sum-policy, ReadOnlyAccess, PowerUserAccess")
                .isEqualTo(4);
        assertThat(used).hasSameSizeAs(empty);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void authorizationDetailsShowEveryEntityWithItsPoliciesAndRelationships(Backend backend) {
        TestServer server = servers.get(backend);
        TestAccount account = TestAccount.create(server);
        IamClient iam = account.iam(server);
        String userPolicy = allow("s3:GetObject");
        String groupPolicy = allow("ec2:DescribeInstances");
        String rolePolicy = allow("sqs:SendMessage");
        String v1 = allow("dynamodb:GetItem");
        String v2 = allow("dynamodb:PutItem");
        String localArn = iam.createPolicy(r -> r.policyName("ad-local").path("/team/").description("shared")
                .policyDocument(v1)).policy().arn();
        iam.createPolicyVersion(r -> r.policyArn(localArn).policyDocument(v2).setAsDefault(true));
        iam.createPolicy(r -> r.policyName("ad-unused").policyDocument(v1));

        iam.createUser(r -> r.userName("ad-alice").path("/people/").permissionsBoundary(POWER_USER)
                .tags(t -> t.key("team").value("blue")));
        iam.putUserPolicy(r -> r.userName("ad-alice").policyName("inline-b").policyDocument(userPolicy));
        iam.putUserPolicy(r -> r.userName("ad-alice").policyName("inline-a").policyDocument(userPolicy));
        iam.attachUserPolicy(r -> r.userName("ad-alice").policyArn(localArn));
        iam.createUser(r -> r.userName("ad-Bob"));
        iam.createGroup(r -> r.groupName("ad-readers"));
        iam.createGroup(r -> r.groupName("ad-admins"));
        iam.putGroupPolicy(r -> r.groupName("ad-readers").policyName("describe").policyDocument(groupPolicy));
        iam.attachGroupPolicy(r -> r.groupName("ad-readers").policyArn(READ_ONLY));
        iam.addUserToGroup(r -> r.groupName("ad-readers").userName("ad-alice"));
        iam.addUserToGroup(r -> r.groupName("ad-admins").userName("ad-alice"));
        iam.createRole(r -> r.roleName("ad-app").assumeRolePolicyDocument(IamFixtures.TRUST)
                .tags(t -> t.key("app").value("web")));
        iam.putRolePolicy(r -> r.roleName("ad-app").policyName("send").policyDocument(rolePolicy));
        iam.attachRolePolicy(r -> r.roleName("ad-app").policyArn(localArn));
        iam.createInstanceProfile(r -> r.instanceProfileName("ad-profile"));
        iam.addRoleToInstanceProfile(r -> r.instanceProfileName("ad-profile").roleName("ad-app"));

        GetAccountAuthorizationDetailsResponse all = iam.getAccountAuthorizationDetails();
        assertThat(all.isTruncated()).isFalse();
        assertThat(all.marker()).isNull();

        assertThat(all.userDetailList()).extracting(UserDetail::userName).containsExactly("ad-alice", "ad-Bob");
        UserDetail alice = all.userDetailList().getFirst();
        assertThat(alice.path()).isEqualTo("/people/");
        assertThat(alice.arn()).isEqualTo(account.arn("user/people/ad-alice"));
        assertThat(alice.userId()).startsWith("AIDA");
        assertThat(alice.groupList()).containsExactly("ad-admins", "ad-readers");
        assertThat(alice.userPolicyList()).extracting(PolicyDetail::policyName).containsExactly("inline-a", "inline-b");
        assertThat(decoded(alice.userPolicyList().getFirst().policyDocument())).isEqualTo(userPolicy);
        assertThat(alice.userPolicyList().getFirst().policyDocument()).as("URL-encoded as IAM sends documents")
                .startsWith("%7B%22Version%22");
        assertThat(alice.attachedManagedPolicies()).containsExactly(
                AttachedPolicy.builder().policyName("ad-local").policyArn(localArn).build());
        assertThat(alice.permissionsBoundary().permissionsBoundaryArn()).isEqualTo(POWER_USER);
        assertThat(alice.tags()).extracting(t -> t.key() + "=" + t.value()).containsExactly("team=blue");
        UserDetail bob = all.userDetailList().get(1);
        assertThat(bob.groupList()).isEmpty();
        assertThat(bob.userPolicyList()).isEmpty();
        assertThat(bob.attachedManagedPolicies()).isEmpty();
        assertThat(bob.permissionsBoundary()).isNull();
        assertThat(bob.hasTags()).isFalse();

        assertThat(all.groupDetailList()).extracting(GroupDetail::groupName).containsExactly("ad-admins", "ad-readers");
        GroupDetail readers = all.groupDetailList().get(1);
        assertThat(readers.arn()).isEqualTo(account.arn("group/ad-readers"));
        assertThat(readers.groupPolicyList()).extracting(p -> p.policyName() + ":" + decoded(p.policyDocument()))
                .containsExactly("describe:" + groupPolicy);
        assertThat(readers.attachedManagedPolicies()).extracting(AttachedPolicy::policyArn).containsExactly(READ_ONLY);

        assertThat(all.roleDetailList()).extracting(RoleDetail::roleName).containsExactly("ad-app");
        RoleDetail role = all.roleDetailList().getFirst();
        assertThat(decoded(role.assumeRolePolicyDocument())).isEqualTo(IamFixtures.TRUST);
        assertThat(role.instanceProfileList()).singleElement().satisfies(profile -> {
            assertThat(profile.instanceProfileName()).isEqualTo("ad-profile");
            assertThat(profile.arn()).isEqualTo(account.arn("instance-profile/ad-profile"));
            assertThat(profile.roles()).extracting(r -> r.roleName()).containsExactly("ad-app");
        });
        assertThat(role.rolePolicyList()).extracting(p -> p.policyName() + ":" + decoded(p.policyDocument()))
                .containsExactly("send:" + rolePolicy);
        assertThat(role.attachedManagedPolicies()).extracting(AttachedPolicy::policyArn).containsExactly(localArn);
        assertThat(role.tags()).extracting(t -> t.key() + "=" + t.value()).containsExactly("app=web");
        assertThat(role.permissionsBoundary()).isNull();
        assertThat(role.roleLastUsed()).as("present, empty until the role is used").isNotNull();
        assertThat(role.roleLastUsed().lastUsedDate()).isNull();

        assertThat(all.policies()).as("the account's own policies, then the AWS managed policies it uses")
                .extracting(ManagedPolicyDetail::arn)
                .containsExactly(localArn, account.arn("policy/ad-unused"), POWER_USER, READ_ONLY);
        ManagedPolicyDetail local = all.policies().getFirst();
        assertThat(local.path()).isEqualTo("/team/");
        assertThat(local.description()).isEqualTo("shared");
        assertThat(local.defaultVersionId()).isEqualTo("v2");
        assertThat(local.attachmentCount()).isEqualTo(2);
        assertThat(local.permissionsBoundaryUsageCount()).isZero();
        assertThat(local.isAttachable()).isTrue();
        assertThat(local.policyVersionList()).extracting(PolicyVersion::versionId, PolicyVersion::isDefaultVersion)
                .containsExactly(tuple("v2", true), tuple("v1", false));
        assertThat(local.policyVersionList()).extracting(v -> decoded(v.document())).containsExactly(v2, v1);
        ManagedPolicyDetail powerUser = all.policies().get(2);
        assertThat(powerUser.attachmentCount()).isZero();
        assertThat(powerUser.permissionsBoundaryUsageCount()).isEqualTo(1);
        ManagedPolicyDetail readOnly = all.policies().get(3);
        assertThat(readOnly.policyName()).isEqualTo("ReadOnlyAccess");
        assertThat(readOnly.attachmentCount()).isEqualTo(1);
        assertThat(readOnly.policyId()).startsWith("ANPA");
        assertThat(readOnly.policyVersionList()).singleElement().satisfies(version -> {
            assertThat(version.versionId()).isEqualTo(readOnly.defaultVersionId());
            assertThat(version.isDefaultVersion()).isTrue();
            assertThat(decoded(version.document())).contains("\"Version\"");
        });
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void authorizationDetailsFilterByKind(Backend backend) {
        TestServer server = servers.get(backend);
        IamClient iam = TestAccount.create(server).iam(server);
        iam.createUser(r -> r.userName("fk-user"));
        iam.createGroup(r -> r.groupName("fk-group"));
        iam.createRole(r -> r.roleName("fk-role").assumeRolePolicyDocument(IamFixtures.TRUST));
        iam.createPolicy(r -> r.policyName("fk-policy").policyDocument(allow("s3:GetObject")));
        iam.attachGroupPolicy(r -> r.groupName("fk-group").policyArn(READ_ONLY));

        GetAccountAuthorizationDetailsResponse roles = iam.getAccountAuthorizationDetails(r -> r.filter(EntityType.ROLE));
        assertThat(roles.roleDetailList()).extracting(RoleDetail::roleName).containsExactly("fk-role");
        assertThat(roles.userDetailList()).isEmpty();
        assertThat(roles.groupDetailList()).isEmpty();
        assertThat(roles.policies()).isEmpty();

        GetAccountAuthorizationDetailsResponse users = iam.getAccountAuthorizationDetails(
                r -> r.filter(EntityType.USER, EntityType.GROUP));
        assertThat(users.userDetailList()).extracting(UserDetail::userName).containsExactly("fk-user");
        assertThat(users.groupDetailList()).extracting(GroupDetail::groupName).containsExactly("fk-group");
        assertThat(users.roleDetailList()).isEmpty();

        assertThat(iam.getAccountAuthorizationDetails(r -> r.filter(EntityType.LOCAL_MANAGED_POLICY)).policies())
                .extracting(ManagedPolicyDetail::policyName).containsExactly("fk-policy");
        assertThat(iam.getAccountAuthorizationDetails(r -> r.filter(EntityType.AWS_MANAGED_POLICY)).policies())
                .as("only the AWS managed policies the account uses").extracting(ManagedPolicyDetail::arn)
                .containsExactly(READ_ONLY);
        assertAwsError(() -> iam.getAccountAuthorizationDetails(r -> r.filterWithStrings("User", "Policy")),
                "ValidationError", 400, "1 validation error detected: Value at 'filter' failed to satisfy constraint: "
                        + "Member must satisfy constraint: [Member must satisfy enum value set: "
                        + "[User, Role, Group, LocalManagedPolicy, AWSManagedPolicy], Member must not be null]");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void authorizationDetailsPageWithOneMarkerAcrossEveryKind(Backend backend) {
        TestServer server = servers.get(backend);
        IamClient iam = TestAccount.create(server).iam(server);
        for (String name : List.of("pg-u1", "pg-u2", "pg-u3")) {
            iam.createUser(r -> r.userName(name));
        }
        iam.createGroup(r -> r.groupName("pg-g1"));
        for (String name : List.of("pg-r1", "pg-r2")) {
            iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(IamFixtures.TRUST));
        }
        iam.createPolicy(r -> r.policyName("pg-p1").policyDocument(allow("s3:GetObject")));
        iam.attachRolePolicy(r -> r.roleName("pg-r1").policyArn(READ_ONLY));
        List<String> expected = List.of("pg-u1", "pg-u2", "pg-u3", "pg-g1", "pg-r1", "pg-r2", "pg-p1", "ReadOnlyAccess");

        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String marker = null;
        do {
            String from = marker;
            GetAccountAuthorizationDetailsResponse page = iam.getAccountAuthorizationDetails(r -> r.maxItems(3)
                    .marker(from));
            List<String> names = names(page);
            seen.addAll(names);
            sizes.add(names.size());
            assertThat(page.isTruncated()).isEqualTo(page.marker() != null);
            marker = page.marker();
        } while (marker != null);
        assertThat(seen).isEqualTo(expected);
        assertThat(sizes).containsExactly(3, 3, 2);
        assertThat(names(iam.getAccountAuthorizationDetails())).isEqualTo(expected);

        GetAccountAuthorizationDetailsResponse filtered = iam.getAccountAuthorizationDetails(r -> r.maxItems(2)
                .filter(EntityType.ROLE, EntityType.USER));
        assertThat(names(filtered)).containsExactly("pg-u1", "pg-u2");
        assertThat(names(iam.getAccountAuthorizationDetails(r -> r.maxItems(2).marker(filtered.marker())
                .filter(EntityType.ROLE, EntityType.USER)))).containsExactly("pg-u3", "pg-r1");

        String usersMarker = iam.listUsers(r -> r.maxItems(1)).marker();
        assertAwsError(() -> iam.getAccountAuthorizationDetails(r -> r.marker(usersMarker)), "ValidationError", 400,
                "Invalid Marker.");
    }

    private static List<String> names(GetAccountAuthorizationDetailsResponse page) {
        List<String> names = new ArrayList<>();
        page.userDetailList().forEach(u -> names.add(u.userName()));
        page.groupDetailList().forEach(g -> names.add(g.groupName()));
        page.roleDetailList().forEach(r -> names.add(r.roleName()));
        page.policies().forEach(p -> names.add(p.policyName()));
        return names;
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void eachAccountOperationIsDeniedToAUserNoPolicyAllowsIt(Backend backend) {
        TestServer server = servers.get(backend);
        TestAccount account = TestAccount.create(server);
        IamClient root = account.iam(server);
        IamClient nobody = server.iam(userWithKey(root, "ad-nobody"));
        String caller = account.arn("user/ad-nobody");
        assertDenied(() -> nobody.createAccountAlias(r -> r.accountAlias("denied-" + account.id())), caller,
                "iam:CreateAccountAlias", "*");
        assertDenied(() -> nobody.deleteAccountAlias(r -> r.accountAlias("denied-" + account.id())), caller,
                "iam:DeleteAccountAlias", "*");
        assertDenied(nobody::listAccountAliases, caller, "iam:ListAccountAliases", "*");
        assertDenied(nobody::getAccountSummary, caller, "iam:GetAccountSummary", "*");
        assertDenied(nobody::getAccountAuthorizationDetails, caller, "iam:GetAccountAuthorizationDetails", "*");
        assertThat(root.listAccountAliases().accountAliases()).as("nothing changed").isEmpty();

        grant(root, "ad-nobody", allow("iam:CreateAccountAlias", "iam:ListAccountAliases",
                "iam:GetAccountAuthorizationDetails"));
        nobody.createAccountAlias(r -> r.accountAlias("allowed-" + account.id()));
        assertThat(nobody.listAccountAliases().accountAliases()).containsExactly("allowed-" + account.id());
        assertThat(nobody.getAccountAuthorizationDetails(r -> r.filter(EntityType.USER)).userDetailList())
                .extracting(UserDetail::userName).containsExactly("ad-nobody");
    }
}
