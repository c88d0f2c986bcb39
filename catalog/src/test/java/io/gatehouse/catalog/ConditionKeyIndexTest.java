package io.gatehouse.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionKeyIndexTest {

    private static final ConditionKey TAG = new ConditionKey("aws:ResourceTag/${TagKey}", ConditionKeyType.STRING);
    private static final ConditionKey OBJECT_TAG = new ConditionKey("s3:ExistingObjectTag/<key>", ConditionKeyType.STRING);
    private static final ConditionKey BUILDKITE =
            new ConditionKey("agent.${Domain}.buildkite.dev:build_branch", ConditionKeyType.STRING);
    private static final ConditionKey MIDDLE =
            new ConditionKey("codebuild:secondarySources/${sourceIdentifier}.auth.type", ConditionKeyType.STRING);
    private static final ConditionKey PREFIX = new ConditionKey("s3:prefix", ConditionKeyType.STRING);

    private final ConditionKeyIndex index = new ConditionKeyIndex(List.of(TAG, OBJECT_TAG, BUILDKITE, MIDDLE, PREFIX));

    @Test
    void exactNamesIgnoreCase() {
        assertThat(index.find("S3:Prefix")).contains(PREFIX);
        assertThat(index.find("aws:resourcetag/${tagkey}")).contains(TAG);
    }

    @Test
    void variablePartsMatchOneOrMoreCharacters() {
        assertThat(index.find("aws:ResourceTag/a")).contains(TAG);
        assertThat(index.find("aws:ResourceTag/team/sub")).contains(TAG);
        assertThat(index.find("aws:ResourceTag/")).isEmpty();
        assertThat(index.find("s3:existingobjecttag/Project")).contains(OBJECT_TAG);
        assertThat(index.find("codebuild:secondarySources/src1.auth.type")).contains(MIDDLE);
        assertThat(index.find("codebuild:secondarySources/src1.auth.resource")).isEmpty();
    }

    @Test
    void variableInTheNamespaceIsSearchedToo() {
        assertThat(index.find("agent.acme.buildkite.dev:build_branch")).contains(BUILDKITE);
        assertThat(index.find("agent..buildkite.dev:build_branch")).isEmpty();
    }

    @Test
    void firstKeyOfANameWins() {
        ConditionKey other = new ConditionKey("S3:PREFIX", ConditionKeyType.ARRAY_OF_STRING);
        assertThat(new ConditionKeyIndex(List.of(PREFIX, other)).find("s3:prefix")).contains(PREFIX);
    }

    @Test
    void templateFlagFollowsTheName() {
        assertThat(TAG.isTemplate()).isTrue();
        assertThat(OBJECT_TAG.isTemplate()).isTrue();
        assertThat(PREFIX.isTemplate()).isFalse();
    }
}
