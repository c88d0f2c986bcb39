package io.gatehouse.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Expansion matches an {@code Action} element as the IAM User Guide describes it ("IAM JSON policy
 * elements: Action"): wildcards {@code *} and {@code ?} anywhere, action names case-insensitive.
 */
class ActionExpansionTest {

    private final ServiceCatalog catalog = ServiceCatalog.get();

    @Test
    void prefixWildcardMatchesTheServicesActionsWithThatPrefix() {
        List<String> names = fullNames("s3:Get*");
        assertThat(names).contains("s3:GetObject", "s3:GetBucketPolicy", "s3:GetObjectTagging")
                .doesNotContain("s3:PutObject", "s3:ListBucket", "s3express:GetBucketPolicy")
                .allMatch(name -> name.startsWith("s3:Get"));
    }

    @Test
    void patternCaseDoesNotMatter() {
        assertThat(catalog.expand("S3:get*")).isEqualTo(catalog.expand("s3:Get*"));
    }

    @Test
    void questionMarkMatchesExactlyOneCharacter() {
        assertThat(fullNames("iam:?etUser")).containsExactly("iam:GetUser");
        assertThat(fullNames("iam:GetUse?")).containsExactly("iam:GetUser");
        assertThat(fullNames("iam:GetUser?")).isEmpty();
    }

    @Test
    void starAloneIsEveryAction() {
        assertThat(catalog.expand("*")).isEqualTo(catalog.actions());
        assertThat(catalog.expand("*:*")).isEqualTo(catalog.actions());
    }

    @Test
    void serviceStarIsTheWholeService() {
        assertThat(catalog.expand("iam:*")).isEqualTo(catalog.service("iam").orElseThrow().actions());
        assertThat(catalog.expand("nosuchservice:*")).isEmpty();
    }

    @Test
    void wildcardInTheServicePartMatchesAcrossServices() {
        List<String> names = fullNames("*:GetObject");
        assertThat(names).contains("s3:GetObject", "s3-object-lambda:GetObject");
        assertThat(fullNames("*:Get*")).contains("s3:GetObject", "iam:GetUser", "ec2:GetConsoleOutput")
                .doesNotContain("s3:PutObject");
        assertThat(fullNames("s3*:GetObject")).contains("s3:GetObject", "s3-object-lambda:GetObject")
                .allMatch(name -> name.startsWith("s3"));
    }

    @Test
    void wildcardInTheMiddleOfTheName() {
        assertThat(fullNames("iam:*User*Policy")).contains("iam:PutUserPolicy", "iam:AttachUserPolicy")
                .doesNotContain("iam:CreateUser");
    }

    @Test
    void literalPatternIsTheActionItselfWhenKnown() {
        assertThat(fullNames("S3:GETOBJECT")).containsExactly("s3:GetObject");
        assertThat(catalog.expand("s3:NoSuchAction")).isEmpty();
    }

    @Test
    void patternWithoutServicePartMatchesOnlyWhatTheWholeNameMatches() {
        assertThat(catalog.expand("GetObject")).isEmpty();
        assertThat(catalog.expand("Get*")).isEmpty();
    }

    @Test
    void resultIsExactlyTheMatchingActionsInCatalogOrder() {
        List<AwsAction> expected = catalog.actions().stream()
                .filter(action -> action.name().regionMatches(true, 0, "list", 0, 4))
                .toList();
        assertThat(catalog.expand("*:list*")).isEqualTo(expected);
    }

    private List<String> fullNames(String pattern) {
        return catalog.expand(pattern).stream().map(AwsAction::fullName).toList();
    }
}
