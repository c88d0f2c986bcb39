package io.gatehouse.server.it;

import static io.gatehouse.server.it.IamFixtures.assertDenied;
import static io.gatehouse.server.it.IamFixtures.grant;
import static io.gatehouse.server.it.IamFixtures.allowWhere;
import static io.gatehouse.server.it.IamFixtures.assertAwsError;
import static io.gatehouse.server.it.IamFixtures.userWithKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.store.Backend;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ListUserTagsResponse;
import software.amazon.awssdk.services.iam.model.Tag;

/** TagUser, UntagUser and ListUserTags. */
class UserTagsTest {

    private static final String ACCOUNT = TestServer.ACCOUNT;

    @RegisterExtension
    static final SharedServers servers = new SharedServers();

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void tagsAreAddedReplacedRemovedAndListedInKeyOrder(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        iam.createUser(r -> r.userName("tg-alice").tags(tag("team", "blue")));
        iam.tagUser(r -> r.userName("TG-ALICE").tags(tag("Team", "red"), tag("cost", "1"), tag("Zone", "")));
        assertThat(iam.getUser(r -> r.userName("tg-alice")).user().tags()).as("a key of another case replaces")
                .containsExactly(tag("Team", "red"), tag("cost", "1"), tag("Zone", ""));
        assertThat(iam.listUserTags(r -> r.userName("tg-alice")).tags())
                .containsExactly(tag("cost", "1"), tag("Team", "red"), tag("Zone", ""));

        iam.untagUser(r -> r.userName("tg-alice").tagKeys("TEAM", "missing"));
        ListUserTagsResponse left = iam.listUserTags(r -> r.userName("tg-alice"));
        assertThat(left.tags()).containsExactly(tag("cost", "1"), tag("Zone", ""));
        assertThat(left.isTruncated()).isFalse();
        assertThat(left.marker()).isNull();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void listUserTagsPages(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        iam.createUser(r -> r.userName("tp-bob"));
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            tags.add(tag(String.format("key-%02d", 49 - i), "v" + i));
        }
        iam.tagUser(r -> r.userName("tp-bob").tags(tags));
        ListUserTagsResponse first = iam.listUserTags(r -> r.userName("tp-bob").maxItems(20));
        assertThat(first.tags()).hasSize(20).first().isEqualTo(tag("key-00", "v49"));
        assertThat(first.isTruncated()).isTrue();
        ListUserTagsResponse second = iam.listUserTags(r -> r.userName("tp-bob").maxItems(20).marker(first.marker()));
        assertThat(second.tags()).hasSize(20).first().isEqualTo(tag("key-20", "v29"));
        assertThat(iam.listUserTagsPaginator(r -> r.userName("tp-bob").maxItems(7)).tags()).hasSize(50)
                .extracting(Tag::key).isSorted();
        assertAwsError(() -> iam.tagUser(r -> r.userName("tp-bob").tags(tag("one-more", "x"))), "LimitExceeded", 409,
                "The number of tags has reached the maximum limit.");
        iam.tagUser(r -> r.userName("tp-bob").tags(tag("KEY-00", "replaced")));
        assertThat(iam.listUserTags(r -> r.userName("tp-bob")).tags()).hasSize(50).first()
                .isEqualTo(tag("KEY-00", "replaced"));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void taggingAMissingUserOrWithReservedKeysFails(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        String missing = "The user with name tm-nobody cannot be found.";
        assertAwsError(() -> iam.tagUser(r -> r.userName("tm-nobody").tags(tag("a", "b"))), "NoSuchEntity", 404,
                missing);
        assertAwsError(() -> iam.untagUser(r -> r.userName("tm-nobody").tagKeys("a")), "NoSuchEntity", 404, missing);
        assertAwsError(() -> iam.listUserTags(r -> r.userName("tm-nobody")), "NoSuchEntity", 404, missing);
        iam.createUser(r -> r.userName("tm-carol"));
        assertAwsError(() -> iam.tagUser(r -> r.userName("tm-carol").tags(tag("aws:x", "b"))), "InvalidInput", 400,
                "User-defined tag keys can't start with \"aws:\". This prefix is reserved for AWS tags.");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void taggingIsAuthorizedOnTheTagsOfTheRequestAndOfTheUser(Backend backend) {
        TestServer server = servers.get(backend);
        AwsCredentials tagger = userWithKey(server.iam(), "ta-tagger");
        String taggerArn = "arn:aws:iam::" + ACCOUNT + ":user/ta-tagger";
        server.iam().createUser(r -> r.userName("ta-blue").tags(tag("team", "blue")));
        server.iam().createUser(r -> r.userName("ta-red").tags(tag("team", "red")));
        grant(server.iam(), "ta-tagger",
                allowWhere("[\"iam:TagUser\",\"iam:UntagUser\"]", "\"*\"",
                        "{\"StringEquals\":{\"aws:ResourceTag/team\":\"blue\"},"
                        + "\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"cost\"]}}"));
        IamClient iam = server.iam(tagger);
        iam.tagUser(r -> r.userName("ta-blue").tags(tag("cost", "1")));
        iam.untagUser(r -> r.userName("ta-blue").tagKeys("cost"));
        assertDenied(() -> iam.tagUser(r -> r.userName("ta-red").tags(tag("cost", "1"))), taggerArn, "iam:TagUser",
                "arn:aws:iam::" + ACCOUNT + ":user/ta-red");
        assertDenied(() -> iam.tagUser(r -> r.userName("ta-blue").tags(tag("team", "red"))), taggerArn,
                "iam:TagUser", "arn:aws:iam::" + ACCOUNT + ":user/ta-blue");
        assertDenied(() -> iam.untagUser(r -> r.userName("ta-blue").tagKeys("team")), taggerArn, "iam:UntagUser",
                "arn:aws:iam::" + ACCOUNT + ":user/ta-blue");
        assertDenied(() -> iam.listUserTags(r -> r.userName("ta-blue")), taggerArn, "iam:ListUserTags",
                "user ta-blue");
    }
}
