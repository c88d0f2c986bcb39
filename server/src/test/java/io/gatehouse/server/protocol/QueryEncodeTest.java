package io.gatehouse.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Response and error documents, checked as text and as botocore's Query parser reads them. */
class QueryEncodeTest {

    private static final QueryProtocol IAM = QueryProtocol.of(ServiceModel.load("iam"));
    private static final QueryProtocol STS = QueryProtocol.of(ServiceModel.load("sts"));

    private static Operation iam(String name) {
        return IAM.model().operation(name).orElseThrow();
    }

    private static Operation sts(String name) {
        return STS.model().operation(name).orElseThrow();
    }

    private static JsonNode botocore(String service, Operation operation, String document) {
        return BotocoreOracle.get().parse(service, operation.name(), 200, document);
    }

    private static JsonNode json(String text) {
        return BotocoreOracle.read(text);
    }

    private static Struct alice(Struct.Builder out) {
        Struct.Builder user = out.child("User");
        return user.set("Path", "/").set("UserName", "alice").set("UserId", "AIDAEXAMPLE")
                .set("Arn", "arn:aws:iam::123456789012:user/alice")
                .set("CreateDate", Instant.parse("2024-01-02T03:04:05.678Z"))
                .set("Tags", List.of(user.child("Tags").set("Key", "team").set("Value", "core").build()))
                .build();
    }

    /** Dates are ISO 8601 to the second, as {@code DateTimeFormatter.ISO_INSTANT} writes them, at the edges too. */
    @ParameterizedTest
    @ValueSource(strings = {"2024-01-02T03:04:05.678Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z",
            "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "+10000-01-01T00:00:00Z", "2024-02-29T12:00:00Z"})
    void datesAreWrittenToTheSecondInIsoForm(String text) {
        Instant date = Instant.parse(text);
        Operation getUser = iam("GetUser");
        Struct.Builder out = IAM.output(getUser);
        Struct user = out.child("User").set("Path", "/").set("UserName", "u").set("UserId", "AIDAEXAMPLE")
                .set("Arn", "arn:aws:iam::123456789012:user/u").set("CreateDate", date).build();

        String document = IAM.encodeResponse(getUser, out.set("User", user).build(), "req-1");

        assertThat(document).contains("<CreateDate>"
                + DateTimeFormatter.ISO_INSTANT.format(date.truncatedTo(ChronoUnit.SECONDS)) + "</CreateDate>");
    }

    @Test
    void createUser() {
        Operation createUser = iam("CreateUser");
        Struct.Builder out = IAM.output(createUser);
        String document = IAM.encodeResponse(createUser, out.set("User", alice(out)).build(), "req-1");

        assertThat(document).isEqualTo("""
                <CreateUserResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                  <CreateUserResult>
                    <User>
                      <Path>/</Path>
                      <UserName>alice</UserName>
                      <UserId>AIDAEXAMPLE</UserId>
                      <Arn>arn:aws:iam::123456789012:user/alice</Arn>
                      <CreateDate>2024-01-02T03:04:05Z</CreateDate>
                      <Tags>
                        <member>
                          <Key>team</Key>
                          <Value>core</Value>
                        </member>
                      </Tags>
                    </User>
                  </CreateUserResult>
                  <ResponseMetadata>
                    <RequestId>req-1</RequestId>
                  </ResponseMetadata>
                </CreateUserResponse>
                """);
        assertThat(botocore("iam", createUser, document)).isEqualTo(json("""
                {"User": {"Path": "/", "UserName": "alice", "UserId": "AIDAEXAMPLE",
                          "Arn": "arn:aws:iam::123456789012:user/alice", "CreateDate": "2024-01-02T03:04:05Z",
                          "Tags": [{"Key": "team", "Value": "core"}]},
                 "ResponseMetadata": {"RequestId": "req-1"}}"""));
    }

    @Test
    void policyDocumentsAreUrlEncodedAsIamSendsThem() {
        String policy = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"Caf\u00e9 \uD83D\uDE00\", "
                + "\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"arn:aws:s3:::b/*\", "
                + "\"Condition\": {\"StringLike\": {\"s3:prefix\": [\"a+b&c<d>~e_f.g-h\"]}}}]}";
        Operation getRolePolicy = iam("GetRolePolicy");
        String document = IAM.encodeResponse(getRolePolicy, IAM.output(getRolePolicy).set("RoleName", "r")
                .set("PolicyName", "p").set("PolicyDocument", policy).build(), "req-2");

        assertThat(document).contains("<PolicyDocument>%7B%22Version%22%3A%20%222012-10-17%22%2C%20")
                .contains("%22Caf%C3%A9%20%F0%9F%98%80%22").contains("s3%3A%2A")
                .contains("arn%3Aaws%3As3%3A%3A%3Ab%2F%2A").contains("a%2Bb%26c%3Cd%3E~e_f.g-h");
        JsonNode parsed = botocore("iam", getRolePolicy, document);
        assertThat(parsed.get("PolicyDocument")).isEqualTo(json(policy));
        assertThat(parsed.get("RoleName").asText()).isEqualTo("r");
    }

    @Test
    void nestedPolicyDocumentsAreEncodedToo() {
        Operation listRoles = iam("ListRoles");
        Struct.Builder out = IAM.output(listRoles);
        Struct role = out.child("Roles").set("Path", "/").set("RoleName", "r").set("RoleId", "AROAEXAMPLE")
                .set("Arn", "arn:aws:iam::123456789012:role/r").set("CreateDate", Instant.EPOCH)
                .set("AssumeRolePolicyDocument", "{\"Statement\": []}").set("MaxSessionDuration", 3600).build();
        String document = IAM.encodeResponse(listRoles, out.set("Roles", List.of(role)).set("IsTruncated", false)
                .build(), "req-3");

        assertThat(document).contains("<AssumeRolePolicyDocument>%7B%22Statement%22%3A%20%5B%5D%7D<");
        JsonNode parsed = botocore("iam", listRoles, document);
        assertThat(parsed.get("Roles").get(0).get("AssumeRolePolicyDocument")).isEqualTo(json("{\"Statement\":[]}"));
        assertThat(parsed.get("Roles").get(0).get("MaxSessionDuration").asInt()).isEqualTo(3600);
        assertThat(parsed.get("IsTruncated").asBoolean()).isFalse();
    }

    @Test
    void anOperationWithoutOutputHasNoResultElement() {
        Operation deleteUser = iam("DeleteUser");
        String document = IAM.encodeResponse(deleteUser, null, "req-4");

        assertThat(document).isEqualTo("""
                <DeleteUserResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                  <ResponseMetadata>
                    <RequestId>req-4</RequestId>
                  </ResponseMetadata>
                </DeleteUserResponse>
                """);
        assertThat(BotocoreOracle.get().parse("iam", "DeleteUser", 200, document))
                .isEqualTo(json("{\"ResponseMetadata\": {\"RequestId\": \"req-4\"}}"));
    }

    @Test
    void emptyResultsAndListsAreSelfClosing() {
        Operation updateRole = iam("UpdateRole");
        String updated = IAM.encodeResponse(updateRole, IAM.output(updateRole).build(), "req-5");
        Operation listUsers = iam("ListUsers");
        String listed = IAM.encodeResponse(listUsers, IAM.output(listUsers).set("Users", List.of())
                .set("IsTruncated", false).build(), "req-6");

        assertThat(updated).contains("\n  <UpdateRoleResult/>\n");
        assertThat(botocore("iam", updateRole, updated))
                .isEqualTo(json("{\"ResponseMetadata\": {\"RequestId\": \"req-5\"}}"));
        assertThat(listed).contains("\n    <Users/>\n    <IsTruncated>false</IsTruncated>\n");
        assertThat(botocore("iam", listUsers, listed))
                .isEqualTo(json("""
                        {"Users": [], "IsTruncated": false, "ResponseMetadata": {"RequestId": "req-6"}}"""));
    }

    @Test
    void mapsAreEntriesOfKeyAndValue() {
        Operation summary = iam("GetAccountSummary");
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("Users", 3);
        counts.put("UsersQuota", 5000);
        String document = IAM.encodeResponse(summary, IAM.output(summary).set("SummaryMap", counts).build(), "r");

        assertThat(document).contains("""
                    <SummaryMap>
                      <entry>
                        <key>Users</key>
                        <value>3</value>
                      </entry>
                """);
        assertThat(botocore("iam", summary, document).get("SummaryMap"))
                .isEqualTo(json("{\"Users\": 3, \"UsersQuota\": 5000}"));
    }

    @Test
    void getCallerIdentityIsTheDocumentStsSends() {
        Operation identity = sts("GetCallerIdentity");
        String document = STS.encodeResponse(identity, STS.output(identity).set("UserId", "AIDAEXAMPLE")
                .set("Account", "123456789012").set("Arn", "arn:aws:iam::123456789012:user/alice").build(), "id-1");

        assertThat(document).isEqualTo("""
                <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <GetCallerIdentityResult>
                    <UserId>AIDAEXAMPLE</UserId>
                    <Account>123456789012</Account>
                    <Arn>arn:aws:iam::123456789012:user/alice</Arn>
                  </GetCallerIdentityResult>
                  <ResponseMetadata>
                    <RequestId>id-1</RequestId>
                  </ResponseMetadata>
                </GetCallerIdentityResponse>
                """);
        assertThat(botocore("sts", identity, document).get("Account").asText()).isEqualTo("123456789012");
    }

    @Test
    void assumeRoleCarriesCredentials() {
        Operation assumeRole = sts("AssumeRole");
        Struct.Builder out = STS.output(assumeRole);
        Struct credentials = out.child("Credentials").set("AccessKeyId", "ASIAEXAMPLE")
                .set("SecretAccessKey", "wJalr/K7MDENG+bPxRfiCY").set("SessionToken", "FwoG&<token>")
                .set("Expiration", Instant.parse("2024-05-01T12:00:00Z")).build();
        Struct user = out.child("AssumedRoleUser").set("AssumedRoleId", "AROAEXAMPLE:s1")
                .set("Arn", "arn:aws:sts::123456789012:assumed-role/r/s1").build();
        String document = STS.encodeResponse(assumeRole, out.set("Credentials", credentials)
                .set("AssumedRoleUser", user).set("PackedPolicySize", 6).build(), "id-2");

        assertThat(botocore("sts", assumeRole, document)).isEqualTo(json("""
                {"Credentials": {"AccessKeyId": "ASIAEXAMPLE", "SecretAccessKey": "wJalr/K7MDENG+bPxRfiCY",
                                 "SessionToken": "FwoG&<token>", "Expiration": "2024-05-01T12:00:00Z"},
                 "AssumedRoleUser": {"AssumedRoleId": "AROAEXAMPLE:s1",
                                     "Arn": "arn:aws:sts::123456789012:assumed-role/r/s1"},
                 "PackedPolicySize": 6, "ResponseMetadata": {"RequestId": "id-2"}}"""));
        assertThat(credentials.toString()).doesNotContain("wJalr").contains("SecretAccessKey=***");
    }

    @Test
    void textIsEscapedAndCharactersXmlCannotCarryAreReplaced() {
        Operation getUser = iam("GetUser");
        Struct.Builder out = IAM.output(getUser);
        Struct user = out.child("User").set("Path", "/a&b<c>\"d'/").set("UserName", "x\r\ny\u0001z\uD800")
                .set("UserId", "id").set("Arn", "arn").set("CreateDate", Instant.EPOCH).build();
        String document = IAM.encodeResponse(getUser, out.set("User", user).build(), "<id>");

        assertThat(document).contains("<Path>/a&amp;b&lt;c&gt;\"d'/</Path>")
                .contains("<UserName>x&#13;\ny\uFFFDz\uFFFD</UserName>")
                .contains("<RequestId>&lt;id&gt;</RequestId>");
        JsonNode parsed = botocore("iam", getUser, document);
        assertThat(parsed.get("User").get("Path").asText()).isEqualTo("/a&b<c>\"d'/");
        assertThat(parsed.get("User").get("UserName").asText()).isEqualTo("x\r\ny\uFFFDz\uFFFD");
    }

    @Test
    void errorsAreTheEnvelopeIamSends() {
        String document = IAM.encodeError(AwsError.NO_SUCH_ENTITY.exception(
                "The user with name bob cannot be found."), "req-7");

        assertThat(document).isEqualTo("""
                <ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                  <Error>
                    <Type>Sender</Type>
                    <Code>NoSuchEntity</Code>
                    <Message>The user with name bob cannot be found.</Message>
                  </Error>
                  <RequestId>req-7</RequestId>
                </ErrorResponse>
                """);
        assertThat(BotocoreOracle.get().parse("iam", "GetUser", AwsError.NO_SUCH_ENTITY.status(), document))
                .isEqualTo(json("""
                        {"Error": {"Type": "Sender", "Code": "NoSuchEntity",
                                   "Message": "The user with name bob cannot be found."},
                         "ResponseMetadata": {"RequestId": "req-7"}}"""));
    }

    @Test
    void errorsBeforeAnOperationIsChosenUseTheGenericFaultNamespace() {
        AwsException invalid = org.junit.jupiter.api.Assertions.assertThrows(AwsException.class,
                () -> STS.decode(Forms.parse("Action=GetCallerIdentity")));
        String document = STS.encodeError(invalid, "req-8");

        assertThat(document).startsWith("<ErrorResponse xmlns=\"http://webservices.amazon.com/AWSFault/2005-15-09\">")
                .contains("<Code>InvalidAction</Code>")
                .contains("<Message>Could not find operation GetCallerIdentity for version NO_VERSION_SPECIFIED");
        assertThat(BotocoreOracle.get().parse("sts", "GetCallerIdentity", 400, document).get("Error").get("Code")
                .asText()).isEqualTo("InvalidAction");
    }

    @Test
    void serverFaultsAreTheReceiversAndValidationMessagesRoundTrip() {
        String failure = STS.encodeError(AwsError.SERVICE_FAILURE.exception(), "req-9");
        AwsException invalid = org.junit.jupiter.api.Assertions.assertThrows(AwsException.class,
                () -> STS.decode(Forms.parse(
                        "Action=AssumeRole&Version=2011-06-15&RoleArn=a&RoleSessionName=%3C%26%3E")));
        JsonNode validation = BotocoreOracle.get().parse("sts", "AssumeRole", 400, STS.encodeError(invalid, "r"));

        assertThat(failure).contains("<Type>Receiver</Type>").contains("<Code>ServiceFailure</Code>");
        assertThat(validation.get("Error").get("Message").asText()).isEqualTo(invalid.getMessage())
                .contains("Value '<&>' at 'roleSessionName'");
    }

    @Test
    void aMemberTheOutputShapeLacksIsAProgrammingError() {
        Struct.Builder out = IAM.output(iam("CreateUser"));

        assertThatThrownBy(() -> out.set("Users", List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CreateUserResponse has no member Users");
        assertThatThrownBy(() -> out.child("User").set("Name", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("User has no member Name");
        assertThatThrownBy(() -> out.child("User").set("CreateDate", "2024-01-01"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> out.child("User").set("Tags", List.of("k=v")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> out.set("User", IAM.output(iam("GetGroup")).child("Group").build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IAM.output(iam("DeleteUser"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theOutputMustMatchTheOperation() {
        Struct createUser = IAM.output(iam("CreateUser")).build();

        assertThatThrownBy(() -> IAM.encodeResponse(iam("GetUser"), createUser, "r"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IAM.encodeResponse(iam("GetUser"), null, "r"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IAM.encodeResponse(iam("DeleteUser"), createUser, "r"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void flattenedListsRenamedMembersMapsTimestampsAndBlobsRoundTripThroughBotocore() throws Exception {
        JsonNode model;
        try (var in = getClass().getResourceAsStream("echo-model.json")) {
            model = BotocoreOracle.JSON.readTree(in);
        }
        QueryProtocol echo;
        try (var in = getClass().getResourceAsStream("echo-model.json")) {
            echo = QueryProtocol.of(ModelReader.read(in, null));
        }
        String params = """
                {"Names": ["a", "b"], "Flat": ["x", "y"], "Attributes": {"color": "red", "size": "L"},
                 "Counts": {"one": 1, "many": 9000000000}, "When": "2024-01-02T03:04:05Z", "Epoch": 1700000000,
                 "Data": "hello", "Big": 9000000000, "Flag": true, "Nested": {"Inner": "i"},
                 "Renamed": "r"}""";
        Map<String, List<String>> sent = BotocoreOracle.get().serialize(model, "Echo", params);

        assertThat(sent).containsKeys("Names.Name.1", "Item.2", "Attributes.entry.1.Name", "Counts.2.value",
                "Nested.inner", "RenamedOnWire");
        QueryRequest request = echo.decode(sent);
        Struct input = request.input();
        assertThat(input.strings("Names")).containsExactly("a", "b");
        assertThat(input.strings("Flat")).containsExactly("x", "y");
        assertThat(input.map("Attributes")).isEqualTo(Map.of("color", "red", "size", "L"));
        assertThat(input.map("Attributes").keySet()).containsExactly("color", "size");
        assertThat(input.map("Counts")).containsEntry("many", 9_000_000_000L);
        assertThat(input.timestamp("When")).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(input.timestamp("Epoch")).isEqualTo(Instant.ofEpochSecond(1_700_000_000));
        assertThat(input.blob("Data")).isEqualTo("hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(input.longValue("Big")).isEqualTo(9_000_000_000L);
        assertThat(input.bool("Flag")).isTrue();
        assertThat(input.struct("Nested").string("Inner")).isEqualTo("i");
        assertThat(input.string("Renamed")).isEqualTo("r");

        String document = echo.encodeResponse(request.operation(), input, "e-1");
        assertThat(document).contains("    <Item>x</Item>\n    <Item>y</Item>\n")
                .contains("<Names>\n      <Name>a</Name>").contains("<RenamedOnWire>r</RenamedOnWire>")
                .contains("<Counts>\n      <key>one</key>\n      <value>1</value>\n    </Counts>")
                .contains("<Epoch>1700000000</Epoch>");
        JsonNode parsed = BotocoreOracle.get().parse(model, "Echo", 200, document);
        JsonNode expected = json(params);
        ((com.fasterxml.jackson.databind.node.ObjectNode) expected).put("Epoch", "2023-11-14T22:13:20Z")
                .put("Data", "aGVsbG8=");
        ((com.fasterxml.jackson.databind.node.ObjectNode) expected).set("ResponseMetadata",
                json("{\"RequestId\": \"e-1\"}"));
        assertThat(parsed).isEqualTo(expected);
    }
}
