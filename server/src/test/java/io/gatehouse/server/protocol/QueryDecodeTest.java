package io.gatehouse.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Requests as botocore sends them, decoded into the values operation handlers read. */
class QueryDecodeTest {

    private static final QueryProtocol IAM = QueryProtocol.of(ServiceModel.load("iam"));
    private static final QueryProtocol STS = QueryProtocol.of(ServiceModel.load("sts"));

    private static QueryRequest iam(String operation, String params) {
        return IAM.decode(BotocoreOracle.get().serialize("iam", operation, params));
    }

    private static QueryRequest sts(String operation, String params) {
        return STS.decode(BotocoreOracle.get().serialize("sts", operation, params));
    }

    @Test
    void createUserWithTags() {
        QueryRequest request = iam("CreateUser", """
                {"UserName": "alice", "Path": "/eng/", "Tags": [{"Key": "team", "Value": "core"},
                 {"Key": "cost centre", "Value": ""}]}""");

        Struct input = request.input();
        assertThat(request.operation().name()).isEqualTo("CreateUser");
        assertThat(input.string("UserName")).isEqualTo("alice");
        assertThat(input.string("Path")).isEqualTo("/eng/");
        assertThat(input.has("PermissionsBoundary")).isFalse();
        assertThat(input.structs("Tags")).extracting(t -> t.string("Key") + "=" + t.string("Value"))
                .containsExactly("team=core", "cost centre=");
    }

    @Test
    void putUserPolicyKeepsTheDocumentAsSent() {
        String document = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                + "\"Resource\":\"arn:aws:s3:::b/*\",\"Condition\":{\"StringLike\":{\"s3:prefix\":\"a b+c&d=e\"}}}]}";
        QueryRequest request = iam("PutUserPolicy", BotocoreOracle.JSON.createObjectNode()
                .put("UserName", "alice").put("PolicyName", "read").put("PolicyDocument", document).toString());

        assertThat(request.input().string("PolicyDocument")).isEqualTo(document);
        assertThat(request.input().string("PolicyName")).isEqualTo("read");
    }

    @Test
    void createPolicy() {
        QueryRequest request = iam("CreatePolicy", """
                {"PolicyName": "p", "Path": "/", "Description": "d", "PolicyDocument": "{}",
                 "Tags": [{"Key": "k", "Value": "v"}]}""");

        assertThat(request.input().string("Description")).isEqualTo("d");
        assertThat(request.input().structs("Tags")).hasSize(1);
    }

    @Test
    void listUsersWithPathPrefixAndMaxItems() {
        QueryRequest request = iam("ListUsers", """
                {"PathPrefix": "/eng/", "MaxItems": 25}""");

        assertThat(request.input().string("PathPrefix")).isEqualTo("/eng/");
        assertThat(request.input().integer("MaxItems")).isEqualTo(25);
        assertThat(request.input().string("Marker")).isNull();
    }

    @Test
    void tagRoleWithAnEmptyTagListGetsAnEmptyList() {
        QueryRequest request = iam("TagRole", """
                {"RoleName": "r", "Tags": []}""");

        assertThat(request.input().has("Tags")).isTrue();
        assertThat(request.input().structs("Tags")).isEmpty();
    }

    @Test
    void getAccountAuthorizationDetailsWithAFilterList() {
        QueryRequest request = iam("GetAccountAuthorizationDetails", """
                {"Filter": ["User", "Role", "AWSManagedPolicy"], "MaxItems": 1000}""");

        assertThat(request.input().strings("Filter")).containsExactly("User", "Role", "AWSManagedPolicy");
    }

    @Test
    void assumeRoleWithPolicyArnsAndTags() {
        QueryRequest request = sts("AssumeRole", """
                {"RoleArn": "arn:aws:iam::123456789012:role/r", "RoleSessionName": "session",
                 "PolicyArns": [{"arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"},
                                {"arn": "arn:aws:iam::123456789012:policy/p"}],
                 "Tags": [{"Key": "project", "Value": "x"}], "TransitiveTagKeys": ["project"],
                 "DurationSeconds": 900, "ExternalId": "ext-id"}""");

        Struct input = request.input();
        assertThat(input.structs("PolicyArns")).extracting(p -> p.string("arn"))
                .containsExactly("arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::123456789012:policy/p");
        assertThat(input.structs("Tags").getFirst().string("Key")).isEqualTo("project");
        assertThat(input.strings("TransitiveTagKeys")).containsExactly("project");
        assertThat(input.integer("DurationSeconds")).isEqualTo(900);
    }

    @Test
    void getCallerIdentityTakesNoInput() {
        QueryRequest request = sts("GetCallerIdentity", "{}");

        assertThat(request.input().shape().members()).isEmpty();
    }

    @Test
    void aMissingActionIsMissingAction() {
        assertThatThrownBy(() -> IAM.decode(Forms.parse("Version=2010-05-08")))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.error()).isEqualTo(AwsError.MISSING_ACTION);
                    assertThat(e.getMessage()).isEqualTo("Missing Action");
                });
    }

    @Test
    void anUnknownActionNamesTheVersion() {
        assertInvalidAction("Action=ListUserssssss&Version=2010-05-08",
                "Could not find operation ListUserssssss for version 2010-05-08");
    }

    @Test
    void aMissingVersionIsNoVersionSpecified() {
        assertInvalidAction("Action=ListUsers", "Could not find operation ListUsers for version NO_VERSION_SPECIFIED");
    }

    @Test
    void anotherServicesVersionFindsNoOperation() {
        assertInvalidAction("Action=GetCallerIdentity&Version=2010-05-08",
                "Could not find operation GetCallerIdentity for version 2010-05-08");
        assertInvalidAction("Action=ListUsers&Version=", "Could not find operation ListUsers for version ");
        assertInvalidAction("Action=&Version=2010-05-08", "Could not find operation  for version 2010-05-08");
    }

    @Test
    void theFirstOfRepeatedParametersCounts() {
        assertThat(IAM.decode(Forms.parse("Action=ListUsers&Action=Nope&Version=2010-05-08&Version=1"))
                .operation().name()).isEqualTo("ListUsers");
        assertInvalidAction("Action=ListUsers&Version=2000-01-01&Version=2010-05-08",
                "Could not find operation ListUsers for version 2000-01-01");
        assertThat(IAM.decode(Forms.parse("Action=GetUser&Version=2010-05-08&UserName=a&UserName=b"))
                .input().string("UserName")).isEqualTo("a");
    }

    private static void assertInvalidAction(String body, String message) {
        assertThatThrownBy(() -> IAM.decode(Forms.parse(body)))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.error()).isEqualTo(AwsError.INVALID_ACTION);
                    assertThat(e.error().status()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }

    @Test
    void unknownParametersAreIgnored() {
        QueryRequest request = IAM.decode(Forms.parse(
                "Action=GetUser&Version=2010-05-08&UserName=a&Unknown=1&UserName.Nested=2&Tags.member.1.Key=x"));

        assertThat(request.input().string("UserName")).isEqualTo("a");
    }

    @Test
    void listElementsFollowTheirIndexAndGapsClose() {
        QueryRequest request = IAM.decode(Forms.parse("Action=TagUser&Version=2010-05-08&UserName=u"
                + "&Tags.member.3.Key=c&Tags.member.3.Value=3"
                + "&Tags.member.10.Key=d&Tags.member.10.Value=4"
                + "&Tags.member.1.Key=a&Tags.member.1.Value=1"
                + "&Tags.member.x.Key=ignored&Tags.member.0.Key=ignored&Tags.member.-1.Key=ignored"));

        assertThat(request.input().structs("Tags")).extracting(t -> t.string("Key")).containsExactly("a", "c", "d");
    }

    @Test
    void anElementIndexGivenTwiceKeepsItsFirstSpelling() {
        QueryRequest request = IAM.decode(Forms.parse("Action=UntagUser&Version=2010-05-08&UserName=u"
                + "&TagKeys.member.1=first&TagKeys.member.01=second"));

        assertThat(request.input().strings("TagKeys")).containsExactly("first");
    }

    @Test
    void anEmptyValueIsAnEmptyStringNotAnAbsentOne() {
        assertThatThrownBy(() -> IAM.decode(Forms.parse("Action=ListUsers&Version=2010-05-08&PathPrefix=")))
                .hasMessage("2 validation errors detected: Value at 'pathPrefix' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1; Value at 'pathPrefix' failed to satisfy "
                        + "constraint: Member must satisfy regular expression pattern: \\u002F[\\u0021-\\u007F]*");
    }

    @Test
    void booleansAreTrueOrFalse() {
        QueryRequest request = IAM.decode(Forms.parse(
                "Action=ListPolicies&Version=2010-05-08&OnlyAttached=true&Scope=Local"));

        assertThat(request.input().bool("OnlyAttached")).isTrue();
        assertThat(IAM.decode(Forms.parse("Action=ListPolicies&Version=2010-05-08&OnlyAttached=FALSE"))
                .input().bool("OnlyAttached")).isFalse();
    }

    @Test
    void anUnparseableNumberIsAValidationError() {
        assertThatThrownBy(() -> IAM.decode(Forms.parse("Action=ListUsers&Version=2010-05-08&MaxItems=ten")))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.error()).isEqualTo(AwsError.VALIDATION_ERROR);
                    assertThat(e.getMessage()).isEqualTo("1 validation error detected: Value at 'maxItems' failed "
                            + "to satisfy constraint: Member must be a valid integer");
                });
        assertThatThrownBy(() -> STS.decode(Forms.parse(
                "Action=GetSessionToken&Version=2011-06-15&DurationSeconds=99999999999")))
                .hasMessage("1 validation error detected: Value '99999999999' at 'durationSeconds' failed to "
                        + "satisfy constraint: Member must be a valid integer");
    }

    @Test
    void accessorsRefuseMembersTheShapeLacksOrMistypes() {
        Struct input = iam("ListUsers", "{}").input();

        assertThatThrownBy(() -> input.string("UserName")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ListUsersRequest has no member UserName");
        assertThatThrownBy(() -> input.string("MaxItems")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> input.longValue("MaxItems")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> input.strings("PathPrefix")).isInstanceOf(IllegalArgumentException.class);
        assertThat(input.integer("MaxItems")).isNull();
    }

    @Test
    void everyOperationDecodesWhatBotocoreSendsAndAsksForItsRequiredMembers() {
        for (QueryProtocol protocol : List.of(IAM, STS)) {
            String service = protocol.model().metadata().endpointPrefix();
            for (Operation operation : protocol.model().operations()) {
                Map<String, List<String>> sent = BotocoreOracle.get().serialize(service, operation.name(), "{}");
                long required = operation.input().members().stream().filter(Member::required).count();
                if (required == 0) {
                    assertThat(protocol.decode(sent).operation()).isSameAs(operation);
                } else {
                    assertThatThrownBy(() -> protocol.decode(sent)).as(operation.name())
                            .hasMessageStartingWith(Math.min(required, 10) + " validation error")
                            .hasMessageContaining("failed to satisfy constraint: Member must not be null");
                }
            }
        }
    }
}
