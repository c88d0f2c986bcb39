package io.gatehouse.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PaginationTest {

    private static final QueryProtocol IAM = QueryProtocol.of(ServiceModel.load("iam"));

    private static QueryRequest request(String body) {
        return IAM.decode(Forms.parse("Version=2010-05-08&" + body));
    }

    private static String marker(String marker) {
        return URLEncoder.encode(marker, StandardCharsets.UTF_8);
    }

    @Test
    void aRequestWithoutMaxItemsGetsOneHundred() {
        PageRequest page = PageRequest.of(request("Action=ListUsers"));

        assertThat(page.maxItems()).isEqualTo(PageRequest.DEFAULT_MAX_ITEMS).isEqualTo(100);
        assertThat(page.after()).isNull();
    }

    @Test
    void maxItemsIsHeldToTheModelsRange() {
        assertThat(PageRequest.of(request("Action=ListUsers&MaxItems=1000")).maxItems()).isEqualTo(1000);
        assertThatThrownBy(() -> request("Action=ListUsers&MaxItems=1001"))
                .hasMessageContaining("Member must have value less than or equal to 1000");
    }

    @Test
    void pagesFollowEachOtherWithTheMarkerOfTheLastItem() {
        List<String> names = IntStream.range(0, 250).mapToObj(i -> String.format("user%03d", i)).toList();
        List<String> seen = new ArrayList<>();
        String body = "Action=ListUsers";
        int pages = 0;
        while (true) {
            PageRequest page = PageRequest.of(request(body));
            Page<String> result = page.page(after(names, page.after(), page.maxItems() + 1), Function.identity());
            seen.addAll(result.items());
            pages++;
            if (!result.truncated()) {
                break;
            }
            assertThat(result.marker()).hasSizeLessThanOrEqualTo(Markers.MAX_LENGTH).doesNotContain("user");
            body = "Action=ListUsers&Marker=" + marker(result.marker());
        }

        assertThat(pages).isEqualTo(3);
        assertThat(seen).isEqualTo(names);
    }

    /** What a store hands the page: up to {@code limit} names after the position. */
    private static List<String> after(List<String> names, String after, int limit) {
        return names.stream().filter(n -> after == null || n.compareTo(after) > 0).limit(limit).toList();
    }

    @Test
    void aPageWritesIsTruncatedAndMarkerAsIamDoes() {
        Operation listUsers = IAM.model().operation("ListUsers").orElseThrow();
        PageRequest page = PageRequest.of(request("Action=ListUsers&MaxItems=1"));
        Page<String> first = page.page(List.of("alice", "bob"), Function.identity());
        Page<String> last = page.page(List.of("bob"), Function.identity());

        String truncated = IAM.encodeResponse(listUsers, first.writeTo(IAM.output(listUsers)
                .set("Users", List.of())).build(), "r1");
        String complete = IAM.encodeResponse(listUsers, last.writeTo(IAM.output(listUsers)
                .set("Users", List.of())).build(), "r2");

        JsonNode parsed = BotocoreOracle.get().parse("iam", "ListUsers", 200, truncated);
        assertThat(parsed.get("IsTruncated").asBoolean()).isTrue();
        assertThat(parsed.get("Marker").asText()).isEqualTo(first.marker());
        assertThat(Markers.decode("ListUsers", first.marker())).isEqualTo("alice");
        assertThat(complete).contains("<IsTruncated>false</IsTruncated>").doesNotContain("<Marker>");
    }

    @Test
    void aMarkerOfAnotherOperationIsInvalid() {
        String users = PageRequest.of(request("Action=ListUsers&MaxItems=1"))
                .page(List.of("a", "b"), Function.identity()).marker();

        assertInvalidMarker("Action=ListAccessKeys&Marker=" + marker(users));
    }

    @Test
    void aMadeUpMarkerIsInvalid() {
        assertInvalidMarker("Action=ListUsers&Marker=garbage!");
        assertInvalidMarker("Action=ListUsers&Marker=AAAA");
        assertInvalidMarker("Action=ListUsers&Marker=" + marker(Markers.encode("ListUsers", "x").replace('A', 'B')));
    }

    private static void assertInvalidMarker(String body) {
        QueryRequest request = request(body);
        assertThatThrownBy(() -> PageRequest.of(request)).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.error()).isEqualTo(AwsError.VALIDATION_ERROR);
            assertThat(e.getMessage()).isEqualTo("Invalid Marker.");
        });
    }

    @Test
    void aPositionMustFitAMarker() {
        assertThat(Markers.encode("ListUsers", "p".repeat(235))).hasSize(Markers.MAX_LENGTH);
        assertThatThrownBy(() -> Markers.encode("ListUsers", "p".repeat(236)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Markers.decode("ListUsers", Markers.encode("ListUsers", "caf\u00e9/\uD83D\uDE00")))
                .isEqualTo("caf\u00e9/\uD83D\uDE00");
    }

    @Test
    void onlyPaginatedOperationsPage() {
        assertThatThrownBy(() -> PageRequest.of(request("Action=GetUser")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GetUser does not paginate");
    }
}
