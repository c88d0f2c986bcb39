package io.gatehouse.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceModelTest {

    @Test
    void iamMetadataComesFromTheModel() {
        ServiceMetadata iam = ServiceModel.load("iam").metadata();

        assertThat(iam).isEqualTo(new ServiceMetadata("2010-05-08", "https://iam.amazonaws.com/doc/2010-05-08/",
                "query", "iam", "IAM", "iam"));
    }

    @Test
    void stsMetadataComesFromTheModel() {
        ServiceMetadata sts = ServiceModel.load("sts").metadata();

        assertThat(sts).isEqualTo(new ServiceMetadata("2011-06-15", "https://sts.amazonaws.com/doc/2011-06-15/",
                "query", "sts", "STS", "sts"));
    }

    @Test
    void aModelIsReadOnce() {
        assertThat(ServiceModel.load("iam")).isSameAs(ServiceModel.load("iam"));
    }

    @Test
    void anUnknownServiceIsRefused() {
        assertThatThrownBy(() -> ServiceModel.load("s3")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"iam", "sts"})
    void everyOperationResolvesItsInputAndOutputShapes(String service) {
        ServiceModel model = ServiceModel.load(service);

        assertThat(model.operations()).hasSize(service.equals("iam") ? 176 : 11);
        for (Operation operation : model.operations()) {
            assertThat(operation.input()).as(operation.name()).isNotNull();
            walk(operation.input());
            if (operation.output() != null) {
                assertThat(operation.resultWrapper()).isEqualTo(operation.name() + "Result");
                walk(operation.output());
            }
        }
    }

    /** Visits every shape under a structure: each member resolves to a shape and patterns compiled at load. */
    private static void walk(StructureShape root) {
        Deque<Shape> todo = new ArrayDeque<>();
        Set<Shape> seen = new HashSet<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Shape shape = todo.pop();
            if (!seen.add(shape)) {
                continue;
            }
            switch (shape) {
                case StructureShape s -> s.members().forEach(m -> todo.push(m.shape()));
                case ListShape l -> todo.push(l.member().shape());
                case MapShape m -> {
                    todo.push(m.key().shape());
                    todo.push(m.value().shape());
                }
                case StringShape s -> assertThat(s.pattern() == null).isEqualTo(s.regex() == null);
                default -> assertThat(shape.name()).isNotBlank();
            }
        }
    }

    @Test
    void createUserRequestHasItsMembersInModelOrder() {
        StructureShape input = ServiceModel.load("iam").operation("CreateUser").orElseThrow().input();

        assertThat(input.members()).extracting(Member::name)
                .containsExactly("Path", "UserName", "PermissionsBoundary", "Tags");
        assertThat(input.member("UserName").required()).isTrue();
        assertThat(input.member("Path").required()).isFalse();
        StringShape userName = (StringShape) input.member("UserName").shape();
        assertThat(userName.min()).isEqualTo(1);
        assertThat(userName.max()).isEqualTo(64);
        assertThat(userName.pattern()).isEqualTo("[\\w+=,.@-]+");
        ListShape tags = (ListShape) input.member("Tags").shape();
        assertThat(tags.max()).isEqualTo(50);
        assertThat(tags.flattened()).isFalse();
        assertThat(tags.member().serializedName()).isEqualTo("member");
        StructureShape tag = (StructureShape) tags.member().shape();
        assertThat(tag.member("Key").required()).isTrue();
        assertThat(tag.member("Value").required()).isTrue();
    }

    @Test
    void enumsRangesAndSecretsAreModelled() {
        ServiceModel iam = ServiceModel.load("iam");

        assertThat(((StringShape) iam.shape("policyScopeType").orElseThrow()).enumValues())
                .containsExactly("All", "AWS", "Local");
        NumberShape maxItems = (NumberShape) iam.shape("maxItemsType").orElseThrow();
        assertThat(maxItems.min()).isEqualTo(1);
        assertThat(maxItems.max()).isEqualTo(1000);
        assertThat(((StringShape) iam.shape("passwordType").orElseThrow()).sensitive()).isTrue();
        assertThat(((StringShape) iam.shape("accessKeySecretType").orElseThrow()).sensitive()).isTrue();
        assertThat(((StringShape) iam.shape("userNameType").orElseThrow()).sensitive()).isFalse();
        assertThat(((TimestampShape) iam.shape("dateType").orElseThrow()).format()).isEqualTo("iso8601");
        assertThat(((MapShape) iam.shape("summaryMapType").orElseThrow()).key().shape().name())
                .isEqualTo("summaryKeyType");
    }

    @Test
    void paginatorsComeFromTheIamPaginatorsFile() {
        ServiceModel iam = ServiceModel.load("iam");

        assertThat(iam.operation("ListUsers").orElseThrow().paginator())
                .isEqualTo(new Paginator("Marker", "Marker", "MaxItems", "IsTruncated"));
        assertThat(iam.operation("CreateUser").orElseThrow().paginator()).isNull();
        assertThat(ServiceModel.load("sts").operations()).allSatisfy(op -> assertThat(op.paginator()).isNull());
    }

    @Test
    void operationsWithoutInputTakeAnEmptyStructure() {
        Operation summary = ServiceModel.load("iam").operation("GetAccountSummary").orElseThrow();

        assertThat(summary.input().members()).isEmpty();
        assertThat(summary.output().name()).isEqualTo("GetAccountSummaryResponse");
    }

    @Test
    void operationsWithoutOutputHaveNoResultWrapper() {
        Operation deleteUser = ServiceModel.load("iam").operation("DeleteUser").orElseThrow();

        assertThat(deleteUser.output()).isNull();
        assertThat(deleteUser.resultWrapper()).isNull();
    }
}
