package io.gatehouse.policy.engine;

import static io.gatehouse.policy.engine.EngineFixture.ACCOUNT;
import static io.gatehouse.policy.engine.EngineFixture.ALICE;
import static io.gatehouse.policy.engine.EngineFixture.ALLOW_ALL;
import static io.gatehouse.policy.engine.EngineFixture.ALLOW_EC2;
import static io.gatehouse.policy.engine.EngineFixture.ALLOW_GET;
import static io.gatehouse.policy.engine.EngineFixture.BUCKET_OBJECT;
import static io.gatehouse.policy.engine.EngineFixture.DENY_GET;
import static io.gatehouse.policy.engine.EngineFixture.OTHER_ACCOUNT;
import static io.gatehouse.policy.engine.EngineFixture.ROLE;
import static io.gatehouse.policy.engine.EngineFixture.SESSION;
import static io.gatehouse.policy.engine.EngineFixture.bucketPolicy;
import static io.gatehouse.policy.engine.EngineFixture.decide;
import static io.gatehouse.policy.engine.EngineFixture.identity;
import static io.gatehouse.policy.engine.EngineFixture.policy;
import static io.gatehouse.policy.engine.EngineFixture.request;
import static io.gatehouse.policy.engine.Outcome.ALLOWED;
import static io.gatehouse.policy.engine.Outcome.EXPLICITLY_DENIED;
import static io.gatehouse.policy.engine.Outcome.IMPLICITLY_DENIED;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.policy.PolicyType;
import io.gatehouse.policy.request.AuthorizationRequest;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The evaluation rules of the IAM User Guide's "Policy evaluation logic" pages, one nested class per page or
 * policy type.
 */
class PolicyEngineTest {

    private static final AuthorizationRequest ALICE_GETS = request(ALICE, "s3:GetObject", BUCKET_OBJECT, ACCOUNT);

    /** "How AWS enforcement code logic evaluates requests to allow or deny access". */
    @Nested
    class DenyAllow {

        @Test
        void everythingIsImplicitlyDeniedByDefault() {
            assertThat(decide(ALICE_GETS, PolicySet.builder())).isEqualTo(IMPLICITLY_DENIED);
        }

        @Test
        void anIdentityPolicyAllowOnTheActionAndResourceAllows() {
            assertThat(decide(ALICE_GETS, PolicySet.builder().identity(identity(ALLOW_GET)))).isEqualTo(ALLOWED);
        }

        @Test
        void anExplicitDenyInAnyPolicyOverridesEveryAllow() {
            assertThat(decide(ALICE_GETS, PolicySet.builder().identity(identity(ALLOW_GET)).identity(identity(DENY_GET))))
                    .isEqualTo(EXPLICITLY_DENIED);
            assertThat(decide(ALICE_GETS, PolicySet.builder().identity(identity(ALLOW_GET))
                    .resource(bucketPolicy("Deny", "*")))).isEqualTo(EXPLICITLY_DENIED);
            assertThat(decide(ALICE_GETS, PolicySet.builder().identity(identity(ALLOW_GET))
                    .permissionsBoundary(identity(ALLOW_ALL)).permissionsBoundary(List.of(policy(PolicyType.BOUNDARY, DENY_GET)))))
                    .isEqualTo(EXPLICITLY_DENIED);
        }

        @Test
        void actionNamesMatchCaseInsensitively() {
            assertThat(decide(request(ALICE, "S3:getobject", BUCKET_OBJECT, ACCOUNT),
                    PolicySet.builder().identity(identity(ALLOW_GET)))).isEqualTo(ALLOWED);
            assertThat(decide(ALICE_GETS, PolicySet.builder().identity(
                    identity("[{'Effect':'Allow','Action':'S3:Get*','Resource':'*'}]")))).isEqualTo(ALLOWED);
        }

        @Test
        void resourceArnsMatchCaseSensitively() {
            assertThat(decide(request(ALICE, "s3:GetObject", "arn:aws:s3:::Data/report.csv", ACCOUNT),
                    PolicySet.builder().identity(identity(ALLOW_GET)))).isEqualTo(IMPLICITLY_DENIED);
        }

        @Test
        void statementsForOtherServicesDoNotApply() {
            assertThat(decide(ALICE_GETS, PolicySet.builder().identity(identity(ALLOW_EC2)))).isEqualTo(IMPLICITLY_DENIED);
        }
    }

    /** "IAM JSON policy elements: NotAction" and "NotResource". */
    @Nested
    class NotElements {

        @Test
        void notActionAppliesToEveryOtherAction() {
            var exceptIam = identity("[{'Effect':'Allow','NotAction':'iam:*','Resource':'*'}]");
            assertThat(decide(ALICE_GETS, PolicySet.builder().identity(exceptIam))).isEqualTo(ALLOWED);
            assertThat(decide(request(ALICE, "iam:CreateUser", "arn:aws:iam::111122223333:user/bob", ACCOUNT),
                    PolicySet.builder().identity(exceptIam))).isEqualTo(IMPLICITLY_DENIED);
        }

        @Test
        void denyWithNotActionDeniesEverythingButTheListedActions() {
            var set = PolicySet.builder().identity(identity(ALLOW_ALL))
                    .identity(identity("[{'Effect':'Deny','NotAction':['s3:GetObject','s3:ListBucket'],'Resource':'*'}]"));
            assertThat(decide(ALICE_GETS, set)).isEqualTo(ALLOWED);
            assertThat(decide(request(ALICE, "s3:PutObject", BUCKET_OBJECT, ACCOUNT), set)).isEqualTo(EXPLICITLY_DENIED);
        }

        @Test
        void notResourceAppliesToEveryOtherResource() {
            var set = PolicySet.builder().identity(identity(ALLOW_ALL))
                    .identity(identity("[{'Effect':'Deny','Action':'s3:*','NotResource':'arn:aws:s3:::data/*'}]"));
            assertThat(decide(ALICE_GETS, set)).isEqualTo(ALLOWED);
            assertThat(decide(request(ALICE, "s3:GetObject", "arn:aws:s3:::secret/x", ACCOUNT), set)).isEqualTo(EXPLICITLY_DENIED);
        }
    }

    /** Actions without resource-level permissions: only {@code "Resource": "*"} covers them. */
    @Nested
    class WildcardOnlyActions {

        private final AuthorizationRequest listBuckets = AuthorizationRequest.builder().principal(ALICE)
                .action("s3:ListAllMyBuckets").resource("*").resourceAccount(ACCOUNT).wildcardOnlyAction(true).build();

        @Test
        void onlyAStarResourceAllows() {
            assertThat(decide(listBuckets, PolicySet.builder().identity(
                    identity("[{'Effect':'Allow','Action':'s3:ListAllMyBuckets','Resource':'arn:aws:s3:::*'}]"))))
                    .isEqualTo(IMPLICITLY_DENIED);
            assertThat(decide(listBuckets, PolicySet.builder().identity(
                    identity("[{'Effect':'Allow','Action':'s3:ListAllMyBuckets','Resource':'*'}]")))).isEqualTo(ALLOWED);
        }

        @Test
        void notResourceWithSpecificArnsCoversThem() {
            assertThat(decide(listBuckets, PolicySet.builder().identity(
                    identity("[{'Effect':'Allow','Action':'s3:ListAllMyBuckets','NotResource':'arn:aws:s3:::x'}]"))))
                    .isEqualTo(ALLOWED);
        }
    }

    /** "Policy evaluation for requests within a single account" and the boundary and session pages. */
    @Nested
    class SameAccount {

        @Test
        void eitherTheIdentityOrTheResourcePolicyMayAllow() {
            assertThat(decide(ALICE_GETS, PolicySet.builder().resource(bucketPolicy("Allow", ALICE)))).isEqualTo(ALLOWED);
            assertThat(decide(ALICE_GETS, PolicySet.builder().identity(identity(ALLOW_GET))
                    .resource(bucketPolicy("Allow", "arn:aws:iam::111122223333:user/bob")))).isEqualTo(ALLOWED);
        }

        @Test
        void namingTheAccountDelegatesToIdentityPolicies() {
            assertThat(decide(ALICE_GETS, PolicySet.builder().resource(bucketPolicy("Allow", ACCOUNT)))).isEqualTo(IMPLICITLY_DENIED);
            assertThat(decide(ALICE_GETS, PolicySet.builder().resource(bucketPolicy("Allow", "arn:aws:iam::111122223333:root"))))
                    .isEqualTo(IMPLICITLY_DENIED);
        }

        @Test
        void aBoundaryLimitsIdentityPoliciesButNotAGrantToTheUser() {
            var boundary = List.of(policy(PolicyType.BOUNDARY, ALLOW_EC2));
            assertThat(decide(ALICE_GETS, PolicySet.builder().identity(identity(ALLOW_GET)).permissionsBoundary(boundary)))
                    .isEqualTo(IMPLICITLY_DENIED);
            assertThat(decide(ALICE_GETS, PolicySet.builder().permissionsBoundary(boundary).resource(bucketPolicy("Allow", ALICE))))
                    .isEqualTo(ALLOWED);
        }

        @Test
        void aGrantToTheRoleIsLimitedByTheBoundaryAndSessionPoliciesButNotIdentityPolicies() {
            AuthorizationRequest sessionGets = request(SESSION, "s3:GetObject", BUCKET_OBJECT, ACCOUNT);
            assertThat(decide(sessionGets, PolicySet.builder().resource(bucketPolicy("Allow", ROLE)))).isEqualTo(ALLOWED);
            assertThat(decide(sessionGets, PolicySet.builder().resource(bucketPolicy("Allow", ROLE))
                    .permissionsBoundary(List.of(policy(PolicyType.BOUNDARY, ALLOW_EC2))))).isEqualTo(IMPLICITLY_DENIED);
            assertThat(decide(sessionGets, PolicySet.builder().resource(bucketPolicy("Allow", ROLE))
                    .session(List.of(policy(PolicyType.SESSION, ALLOW_EC2))))).isEqualTo(IMPLICITLY_DENIED);
        }

        @Test
        void identityPoliciesThatAllowDoNotMakeAGrantToTheRoleOrAccountStandOnItsOwn() {
            // Identity statements are evaluated first; how they apply must not count as how the resource policy
            // named the caller.
            AuthorizationRequest sessionGets = request(SESSION, "s3:GetObject", BUCKET_OBJECT, ACCOUNT);
            assertThat(decide(sessionGets, PolicySet.builder().identity(identity(ALLOW_ALL))
                    .resource(bucketPolicy("Allow", ROLE)).session(List.of(policy(PolicyType.SESSION, ALLOW_EC2)))))
                    .isEqualTo(IMPLICITLY_DENIED);
            assertThat(decide(ALICE_GETS, PolicySet.builder().identity(identity(ALLOW_GET))
                    .resource(bucketPolicy("Allow", ACCOUNT))
                    .permissionsBoundary(List.of(policy(PolicyType.BOUNDARY, ALLOW_EC2))))).isEqualTo(IMPLICITLY_DENIED);
        }

        @Test
        void aRoleArnWithAPathNamesTheRolesSessions() {
            assertThat(decide(request(SESSION, "s3:GetObject", BUCKET_OBJECT, ACCOUNT),
                    PolicySet.builder().resource(bucketPolicy("Allow", "arn:aws:iam::111122223333:role/team/app"))))
                    .isEqualTo(ALLOWED);
        }

        @Test
        void aGrantToTheSessionItselfIsNotLimitedBySessionPoliciesOrTheBoundary() {
            AuthorizationRequest sessionGets = request(SESSION, "s3:GetObject", BUCKET_OBJECT, ACCOUNT);
            assertThat(decide(sessionGets, PolicySet.builder().resource(bucketPolicy("Allow", SESSION))
                    .session(List.of(policy(PolicyType.SESSION, ALLOW_EC2)))
                    .permissionsBoundary(List.of(policy(PolicyType.BOUNDARY, ALLOW_EC2))))).isEqualTo(ALLOWED);
        }

        @Test
        void sessionPoliciesIntersectWithIdentityPoliciesAndFormOneSet() {
            var sessions = List.of(policy(PolicyType.SESSION, ALLOW_EC2), policy(PolicyType.SESSION, ALLOW_GET));
            AuthorizationRequest sessionGets = request(SESSION, "s3:GetObject", BUCKET_OBJECT, ACCOUNT);
            assertThat(decide(sessionGets, PolicySet.builder().identity(identity(ALLOW_ALL)).session(sessions))).isEqualTo(ALLOWED);
            assertThat(decide(sessionGets, PolicySet.builder().identity(identity(ALLOW_EC2)).session(sessions)))
                    .isEqualTo(IMPLICITLY_DENIED);
        }

        @Test
        void anEmptyBoundaryListMeansNoBoundary() {
            assertThat(decide(ALICE_GETS, PolicySet.builder().identity(identity(ALLOW_GET)).permissionsBoundary(List.of())))
                    .isEqualTo(ALLOWED);
        }
    }

    /** "Cross-account policy evaluation logic". */
    @Nested
    class CrossAccount {

        private final AuthorizationRequest external = request("arn:aws:iam::444455556666:user/eve", "s3:GetObject",
                BUCKET_OBJECT, ACCOUNT);

        @Test
        void bothTheResourcePolicyAndTheCallersIdentityPoliciesMustAllow() {
            assertThat(decide(external, PolicySet.builder().identity(identity(ALLOW_GET)))).isEqualTo(IMPLICITLY_DENIED);
            assertThat(decide(external, PolicySet.builder().resource(bucketPolicy("Allow", OTHER_ACCOUNT)))).isEqualTo(IMPLICITLY_DENIED);
            assertThat(decide(external, PolicySet.builder().identity(identity(ALLOW_GET))
                    .resource(bucketPolicy("Allow", OTHER_ACCOUNT)))).isEqualTo(ALLOWED);
        }

        @Test
        void theBoundaryOfTheCallerStillLimits() {
            assertThat(decide(external, PolicySet.builder().identity(identity(ALLOW_GET))
                    .resource(bucketPolicy("Allow", "arn:aws:iam::444455556666:user/eve"))
                    .permissionsBoundary(List.of(policy(PolicyType.BOUNDARY, ALLOW_EC2))))).isEqualTo(IMPLICITLY_DENIED);
        }
    }

    /** Principals that are not IAM identities, and the root user. */
    @Nested
    class PrincipalKinds {

        @Test
        void theRootUserHasEveryIdentityPermissionInItsAccount() {
            assertThat(decide(request("arn:aws:iam::111122223333:root", "iam:CreateUser", "arn:aws:iam::111122223333:user/x", ACCOUNT),
                    PolicySet.builder())).isEqualTo(ALLOWED);
        }

        @Test
        void anonymousCallersHaveOnlyWhatAPublicResourcePolicyGrants() {
            AuthorizationRequest anonymous = AuthorizationRequest.builder().action("s3:GetObject").resource(BUCKET_OBJECT)
                    .resourceAccount(ACCOUNT).build();
            assertThat(decide(anonymous, PolicySet.builder().resource(bucketPolicy("Allow", ACCOUNT)))).isEqualTo(IMPLICITLY_DENIED);
            assertThat(decide(anonymous, PolicySet.builder().resource(policy(PolicyType.RESOURCE,
                    "[{'Effect':'Allow','Principal':'*','Action':'s3:GetObject','Resource':'arn:aws:s3:::data/*'}]")))).isEqualTo(ALLOWED);
        }

        @Test
        void servicePrincipalsAreMatchedByTheServiceKey() {
            AuthorizationRequest lambda = request("lambda.amazonaws.com", "sqs:SendMessage", "arn:aws:sqs:us-east-1:111122223333:q", ACCOUNT);
            var queuePolicy = policy(PolicyType.RESOURCE,
                    "[{'Effect':'Allow','Principal':{'Service':'lambda.amazonaws.com'},'Action':'sqs:SendMessage','Resource':'*'}]");
            assertThat(decide(lambda, PolicySet.builder().resource(queuePolicy))).isEqualTo(ALLOWED);
            assertThat(decide(lambda, PolicySet.builder())).isEqualTo(IMPLICITLY_DENIED);
        }

        @Test
        void aStatementWithoutPrincipalInAResourcePolicyAppliesToNoOne() {
            var lenient = io.gatehouse.policy.PolicyParser.parseLenient(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}");
            var noPrincipal = CompiledPolicy.compile("p", PolicyType.RESOURCE, ((io.gatehouse.policy.ParseResult.Valid) lenient).document());
            assertThat(decide(ALICE_GETS, PolicySet.builder().identity(identity(ALLOW_GET)).resource(noPrincipal))).isEqualTo(ALLOWED);
        }

        @Test
        void notPrincipalWithDenyExcludesTheListedPrincipal() {
            var denyOthers = policy(PolicyType.RESOURCE,
                    "[{'Effect':'Deny','NotPrincipal':{'AWS':['" + ALICE + "','arn:aws:iam::111122223333:root']},"
                            + "'Action':'s3:*','Resource':'*'}]");
            assertThat(decide(ALICE_GETS, PolicySet.builder().identity(identity(ALLOW_GET)).resource(denyOthers))).isEqualTo(ALLOWED);
            assertThat(decide(request("arn:aws:iam::999988887777:user/mallory", "s3:GetObject", BUCKET_OBJECT, ACCOUNT),
                    PolicySet.builder().identity(identity(ALLOW_GET)).resource(denyOthers))).isEqualTo(EXPLICITLY_DENIED);
        }

        /** "Permissions boundaries for IAM entities": NotPrincipal with Deny always denies a principal with a boundary. */
        @Test
        void notPrincipalWithDenyAlwaysDeniesAPrincipalWithABoundary() {
            var denyOthers = policy(PolicyType.RESOURCE,
                    "[{'Effect':'Deny','NotPrincipal':{'AWS':'" + ALICE + "'},'Action':'s3:*','Resource':'*'}]");
            assertThat(decide(ALICE_GETS, PolicySet.builder().identity(identity(ALLOW_GET))
                    .permissionsBoundary(List.of(policy(PolicyType.BOUNDARY, ALLOW_ALL))).resource(denyOthers)))
                    .isEqualTo(EXPLICITLY_DENIED);
        }
    }

    /** AWS Organizations: SCPs at every level must allow; RCPs carry RCPFullAWSAccess; endpoints must allow. */
    @Nested
    class Guardrails {

        private final CompiledPolicy fullAccess = policy(PolicyType.SCP, ALLOW_ALL);

        @Test
        void everyScpLevelMustAllow() {
            var set = PolicySet.builder().identity(identity(ALLOW_GET)).scpLevel(List.of(fullAccess))
                    .scpLevel(List.of(policy(PolicyType.SCP, ALLOW_EC2))).scpLevel(List.of(fullAccess));
            assertThat(decide(ALICE_GETS, set)).isEqualTo(IMPLICITLY_DENIED);
            assertThat(PolicyEngine.decide(ALICE_GETS, set.build()).decidedBy()).isEqualTo(PolicyType.SCP);
        }

        @Test
        void scpsDoNotGrantPermissions() {
            assertThat(decide(ALICE_GETS, PolicySet.builder().scpLevel(List.of(fullAccess)))).isEqualTo(IMPLICITLY_DENIED);
        }

        @Test
        void scpsLimitTheRootUserOfAMemberAccount() {
            assertThat(decide(request("arn:aws:iam::111122223333:root", "s3:GetObject", BUCKET_OBJECT, ACCOUNT),
                    PolicySet.builder().scpLevel(List.of(policy(PolicyType.SCP, ALLOW_EC2))))).isEqualTo(IMPLICITLY_DENIED);
        }

        @Test
        void rcpLevelsWithoutPoliciesAllowAndAnRcpDenyDenies() {
            var set = PolicySet.builder().identity(identity(ALLOW_GET)).rcpLevel(List.of()).rcpLevel(List.of());
            assertThat(decide(ALICE_GETS, set)).isEqualTo(ALLOWED);
            set.rcpLevel(List.of(policy(PolicyType.RCP,
                    "[{'Effect':'Deny','Principal':'*','Action':'s3:GetObject','Resource':'*'}]")));
            assertThat(decide(ALICE_GETS, set)).isEqualTo(EXPLICITLY_DENIED);
        }

        @Test
        void rcpsGovernOnlyTheServicesThatSupportThem() {
            var set = PolicySet.builder().identity(identity(ALLOW_ALL)).rcpLevel(List.of(policy(PolicyType.RCP,
                    "[{'Effect':'Deny','Principal':'*','Action':'*','Resource':'*'}]")));
            assertThat(decide(request(ALICE, "ec2:StartInstances", "arn:aws:ec2:us-east-1:111122223333:instance/i-1", ACCOUNT), set))
                    .isEqualTo(ALLOWED);
            assertThat(decide(ALICE_GETS, set)).isEqualTo(EXPLICITLY_DENIED);
        }

        @Test
        void anEndpointPolicyMustAllow() {
            var set = PolicySet.builder().identity(identity(ALLOW_GET)).endpoint(policy(PolicyType.ENDPOINT,
                    "[{'Effect':'Allow','Principal':'*','Action':'ec2:*','Resource':'*'}]"));
            assertThat(decide(ALICE_GETS, set)).isEqualTo(IMPLICITLY_DENIED);
        }
    }

    /** Rules particular to a service. */
    @Nested
    class ServiceSpecific {

        @Test
        void getCallerIdentityNeedsNoPermissionAndCannotBeDenied() {
            assertThat(decide(request(ALICE, "sts:GetCallerIdentity", "*", ACCOUNT),
                    PolicySet.builder().identity(identity("[{'Effect':'Deny','Action':'*','Resource':'*'}]")))).isEqualTo(ALLOWED);
        }

        @Test
        void aKmsKeyPolicyMustAllowEvenInTheSameAccount() {
            String key = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
            AuthorizationRequest decrypt = request(ALICE, "kms:Decrypt", key, ACCOUNT);
            var keyPolicyForAccount = policy(PolicyType.RESOURCE,
                    "[{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::111122223333:root'},'Action':'kms:*','Resource':'*'}]");
            assertThat(decide(decrypt, PolicySet.builder().identity(identity(ALLOW_ALL)))).isEqualTo(IMPLICITLY_DENIED);
            assertThat(decide(decrypt, PolicySet.builder().identity(identity(ALLOW_ALL)).resource(keyPolicyForAccount))).isEqualTo(ALLOWED);
            assertThat(decide(decrypt, PolicySet.builder().resource(keyPolicyForAccount))).isEqualTo(IMPLICITLY_DENIED);
        }

        @Test
        void aRoleTrustPolicyMustAllowAssumeRole() {
            AuthorizationRequest assume = request(ALICE, "sts:AssumeRole", ROLE, ACCOUNT);
            var trustsAlice = policy(PolicyType.TRUST,
                    "[{'Effect':'Allow','Principal':{'AWS':'" + ALICE + "'},'Action':'sts:AssumeRole'}]");
            assertThat(decide(assume, PolicySet.builder().identity(identity(ALLOW_ALL)))).isEqualTo(IMPLICITLY_DENIED);
            assertThat(decide(assume, PolicySet.builder().resource(trustsAlice))).isEqualTo(ALLOWED);
        }

        @Test
        void awsManagedPoliciesCannotBeChanged() {
            var admin = PolicySet.builder().identity(identity(ALLOW_ALL));
            String managed = "arn:aws:iam::aws:policy/AdministratorAccess";
            assertThat(decide(request(ALICE, "iam:CreatePolicyVersion", managed, ACCOUNT), admin)).isEqualTo(IMPLICITLY_DENIED);
            assertThat(decide(request(ALICE, "iam:GetPolicyVersion", managed, ACCOUNT), admin)).isEqualTo(ALLOWED);
        }

        @Test
        void restrictPublicBucketsLimitsAPublicPolicyToTheBucketsAccount() {
            var publicRead = policy(PolicyType.RESOURCE,
                    "[{'Effect':'Allow','Principal':'*','Action':'s3:GetObject','Resource':'arn:aws:s3:::data/*'}]");
            AuthorizationRequest anonymous = AuthorizationRequest.builder().action("s3:GetObject").resource(BUCKET_OBJECT)
                    .resourceAccount(ACCOUNT).build();
            assertThat(decide(anonymous, PolicySet.builder().resource(publicRead))).isEqualTo(ALLOWED);
            assertThat(decide(anonymous, PolicySet.builder().resource(publicRead).restrictPublicBuckets(true)))
                    .isEqualTo(IMPLICITLY_DENIED);
            assertThat(decide(ALICE_GETS, PolicySet.builder().resource(publicRead).restrictPublicBuckets(true))).isEqualTo(ALLOWED);
        }
    }

    /** Policy variables in Resource and the Version that enables them. */
    @Nested
    class Variables {

        @Test
        void resourceVariablesAreSubstitutedFromTheContext() {
            var home = identity("[{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::home/${aws:username}/*'}]");
            var context = io.gatehouse.policy.request.RequestContext.builder().put("aws:username", "alice").build();
            assertThat(decide(request(ALICE, "s3:GetObject", "arn:aws:s3:::home/alice/a", ACCOUNT, context),
                    PolicySet.builder().identity(home))).isEqualTo(ALLOWED);
            assertThat(decide(request(ALICE, "s3:GetObject", "arn:aws:s3:::home/bob/a", ACCOUNT, context),
                    PolicySet.builder().identity(home))).isEqualTo(IMPLICITLY_DENIED);
        }

        @Test
        void version2008TakesVariablesLiterally() {
            var parsed = io.gatehouse.policy.PolicyParser.parse(("{'Version':'2008-10-17','Statement':[{'Effect':'Allow',"
                    + "'Action':'s3:*','Resource':'arn:aws:s3:::home/${aws:username}/*'}]}").replace('\'', '"'), PolicyType.IDENTITY,
                    io.gatehouse.policy.ParseOptions.inline(io.gatehouse.policy.PolicySizeQuota.userInline("alice")));
            var old = CompiledPolicy.compile("old", PolicyType.IDENTITY, ((io.gatehouse.policy.ParseResult.Valid) parsed).document());
            var context = io.gatehouse.policy.request.RequestContext.builder().put("aws:username", "alice").build();
            assertThat(decide(request(ALICE, "s3:GetObject", "arn:aws:s3:::home/alice/a", ACCOUNT, context),
                    PolicySet.builder().identity(List.of(old)))).isEqualTo(IMPLICITLY_DENIED);
            assertThat(decide(request(ALICE, "s3:GetObject", "arn:aws:s3:::home/${aws:username}/a", ACCOUNT, context),
                    PolicySet.builder().identity(List.of(old)))).isEqualTo(ALLOWED);
        }
    }

    /** The decision record names what decided. */
    @Nested
    class DecisionRecord {

        @Test
        void namesTheMatchedStatementsAndTheDecidingPolicyType() {
            var set = PolicySet.builder().identity(identity(
                    "[{'Sid':'Read','Effect':'Allow','Action':'s3:GetObject','Resource':'*'},"
                            + "{'Sid':'NoSecrets','Effect':'Deny','Action':'s3:*','Resource':'arn:aws:s3:::data/*'}]")).build();
            Decision decision = PolicyEngine.decide(ALICE_GETS, set);
            assertThat(decision.outcome()).isEqualTo(EXPLICITLY_DENIED);
            assertThat(decision.decidedBy()).isEqualTo(PolicyType.IDENTITY);
            assertThat(decision.result(PolicyType.IDENTITY)).isEqualTo(TypeResult.DENIED);
            assertThat(decision.result(PolicyType.SCP)).isEqualTo(TypeResult.ABSENT);
            assertThat(decision.matchedStatements()).extracting(StatementRef::sid).containsExactly("Read", "NoSecrets");
            assertThat(decision.matchedStatements().get(1).index()).isEqualTo(1);
        }

        @Test
        void listsTheContextKeysConditionsAskedForThatTheRequestLacked() {
            var set = PolicySet.builder().identity(identity(
                    "[{'Effect':'Allow','Action':'s3:GetObject','Resource':'*','Condition':{'Bool':{'aws:MultiFactorAuthPresent':'true'}}}]"));
            Decision decision = PolicyEngine.decide(ALICE_GETS, set.build());
            assertThat(decision.outcome()).isEqualTo(IMPLICITLY_DENIED);
            assertThat(decision.missingContextKeys()).containsExactly("aws:MultiFactorAuthPresent");
        }

        @Test
        void aDecisionDependsOnlyOnItsInputs() {
            PolicySet set = PolicySet.builder().identity(identity(ALLOW_GET)).build();
            assertThat(PolicyEngine.decide(ALICE_GETS, set)).isEqualTo(PolicyEngine.decide(ALICE_GETS, set));
        }
    }
}
