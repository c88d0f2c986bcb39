package io.gatehouse.server.it;

import static io.gatehouse.server.it.IamFixtures.allowWhere;
import static io.gatehouse.server.it.IamFixtures.assertAwsError;
import static io.gatehouse.server.it.IamFixtures.assertDenied;
import static io.gatehouse.server.it.IamFixtures.grant;
import static io.gatehouse.server.it.IamFixtures.userWithKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.state.OidcProvider;
import io.gatehouse.server.store.AuditQuery;
import io.gatehouse.server.store.Backend;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.GetOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.OpenIDConnectProviderListEntry;
import software.amazon.awssdk.services.iam.model.SummaryKeyType;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * OpenID Connect providers: the URL rules (https only, plain http in {@code --dev}), the ARN from the URL without its
 * scheme, client ids and thumbprints with their quotas and idempotence, tags, IAM's errors, the quota of providers,
 * authorization on the provider's ARN and persistence.
 */
class OidcProvidersTest {

    private static final String ACCOUNT = TestServer.ACCOUNT;
    private static final String THUMBPRINT = "6938fd4d98bab03faadb97b34396831e3780aea1";

    @RegisterExtension
    static final SharedServers servers = new SharedServers();

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aProviderIsNamedByItsUrlWithoutSchemeAndSurvivesARestart(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        IamClient iam = server.iam();
        Instant before = Instant.now().minusSeconds(1);
        String arn = iam.createOpenIDConnectProvider(r -> r.url("https://token.life.example.com/org")
                .clientIDList("sts.amazonaws.com", "app", "sts.amazonaws.com").thumbprintList(THUMBPRINT)
                .tags(tag("team", "ci"))).openIDConnectProviderArn();
        assertThat(arn).isEqualTo("arn:aws:iam::" + ACCOUNT + ":oidc-provider/token.life.example.com/org");

        GetOpenIdConnectProviderResponse got = iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn));
        assertThat(got.url()).isEqualTo("token.life.example.com/org");
        assertThat(got.clientIDList()).as("a repeated client id is held once").containsExactly("sts.amazonaws.com", "app");
        assertThat(got.thumbprintList()).containsExactly(THUMBPRINT);
        assertThat(got.createDate()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(got.tags()).containsExactly(tag("team", "ci"));
        assertThat(iam.listOpenIDConnectProviders().openIDConnectProviderList())
                .extracting(OpenIDConnectProviderListEntry::arn).contains(arn);
        int providers = iam.listOpenIDConnectProviders().openIDConnectProviderList().size()
                + iam.listSAMLProviders().samlProviderList().size();
        assertThat(iam.getAccountSummary().summaryMap()).containsEntry(SummaryKeyType.PROVIDERS, providers);

        Thread.sleep(300); // the audit events of reads are queued
        assertThat(server.server().store().audit(AuditQuery.between(before, Instant.now().plusSeconds(5)).limit(1000)))
                .extracting(e -> e.event().eventName())
                .contains("CreateOpenIDConnectProvider", "GetOpenIDConnectProvider");

        server.restart();
        assertThat(server.iam().getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn))).hasToString(got.toString());
        OidcProvider stored = server.server().state().current().account(ACCOUNT).providers()
                .oidcProvider("token.life.example.com/org");
        assertThat(stored.issuerUrl()).as("the issuer keeps its scheme").isEqualTo("https://token.life.example.com/org");
        assertThat(stored.acceptsAudience("app")).isTrue();
        server.iam().deleteOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn));
        assertThat(server.iam().listOpenIDConnectProviders().openIDConnectProviderList())
                .extracting(OpenIDConnectProviderListEntry::arn).doesNotContain(arn);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void clientIdsAndThumbprintsChangeIdempotentlyWithinTheirQuotas(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        String arn = iam.createOpenIDConnectProvider(r -> r.url("https://clients.example.com"))
                .openIDConnectProviderArn();
        GetOpenIdConnectProviderResponse bare = iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn));
        assertThat(bare.clientIDList()).as("client ids and thumbprints are optional").isEmpty();
        assertThat(bare.thumbprintList()).isEmpty();

        iam.addClientIDToOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).clientID("a"));
        iam.addClientIDToOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).clientID("b"));
        iam.addClientIDToOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).clientID("a"));
        iam.removeClientIDFromOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).clientID("absent"));
        assertThat(clientIds(iam, arn)).containsExactly("a", "b");
        iam.removeClientIDFromOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).clientID("a"));
        assertThat(clientIds(iam, arn)).containsExactly("b");
        for (int i = 1; i < 100; i++) {
            String id = "client-" + i;
            iam.addClientIDToOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).clientID(id));
        }
        String quota = "Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: 100";
        assertAwsError(() -> iam.addClientIDToOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)
                .clientID("one-too-many")), "LimitExceeded", 409, quota);
        assertThat(clientIds(iam, arn)).hasSize(100);
        List<String> many = IntStream.range(0, 101).mapToObj(i -> "c" + i).toList();
        assertAwsError(() -> iam.createOpenIDConnectProvider(r -> r.url("https://many.example.com")
                .clientIDList(many)), "LimitExceeded", 409, quota);

        String otherPrint = "a".repeat(40);
        iam.updateOpenIDConnectProviderThumbprint(r -> r.openIDConnectProviderArn(arn)
                .thumbprintList(THUMBPRINT, otherPrint));
        assertThat(iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)).thumbprintList())
                .containsExactly(THUMBPRINT, otherPrint);
        List<String> six = IntStream.range(0, 6).mapToObj(i -> String.valueOf(i).repeat(40)).toList();
        String tooMany = "Thumbprint list must contain fewer than 5 entries.";
        assertAwsError(() -> iam.updateOpenIDConnectProviderThumbprint(r -> r.openIDConnectProviderArn(arn)
                .thumbprintList(six)), "InvalidInput", 400, tooMany);
        assertAwsError(() -> iam.createOpenIDConnectProvider(r -> r.url("https://six.example.com")
                .thumbprintList(six)), "InvalidInput", 400, tooMany);
        assertThat(iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)).thumbprintList()).hasSize(2);
        iam.updateOpenIDConnectProviderThumbprint(r -> r.openIDConnectProviderArn(arn).thumbprintList(List.of()));
        assertThat(iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)).thumbprintList()).isEmpty();
        assertAwsError(() -> iam.updateOpenIDConnectProviderThumbprint(r -> r.openIDConnectProviderArn(arn)
                .thumbprintList("short")), "ValidationError", 400, "1 validation error detected: Value at "
                + "'thumbprintList' failed to satisfy constraint: Member must satisfy constraint: "
                + "[Member must have length less than or equal to 40, Member must have length greater than or equal "
                + "to 40, Member must not be null]");
        iam.deleteOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void urlsArnsAndTagsAreCheckedWithIamsErrors(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        String arn = iam.createOpenIDConnectProvider(r -> r.url("https://errors.example.com")).openIDConnectProviderArn();
        assertAwsError(() -> iam.createOpenIDConnectProvider(r -> r.url("https://errors.example.com")),
                "EntityAlreadyExists", 409, "Provider with url https://errors.example.com already exists.");
        String invalidUrl = "Invalid Open ID Connect Provider URL";
        for (String url : List.of("http://plain.example.com", "errors.example.com", "https://", "https://q.example.com?a=b",
                "https://f.example.com#x", "https://user@u.example.com", "ftp://f.example.com", "https://bad host")) {
            assertAwsError(() -> iam.createOpenIDConnectProvider(r -> r.url(url)), "InvalidInput", 400, invalidUrl);
        }
        assertAwsError(() -> iam.createOpenIDConnectProvider(r -> r.url("https://" + "l".repeat(250))),
                "ValidationError", 400, "1 validation error detected: Value at 'url' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 255");

        String missing = "arn:aws:iam::" + ACCOUNT + ":oidc-provider/missing.example.com";
        String notFound = "OpenIDConnect Provider not found for arn " + missing;
        assertAwsError(() -> iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(missing)), "NoSuchEntity",
                404, notFound);
        assertAwsError(() -> iam.addClientIDToOpenIDConnectProvider(r -> r.openIDConnectProviderArn(missing)
                .clientID("a")), "NoSuchEntity", 404, notFound);
        assertAwsError(() -> iam.updateOpenIDConnectProviderThumbprint(r -> r.openIDConnectProviderArn(missing)
                .thumbprintList(THUMBPRINT)), "NoSuchEntity", 404, notFound);
        assertAwsError(() -> iam.tagOpenIDConnectProvider(r -> r.openIDConnectProviderArn(missing)
                .tags(tag("a", "b"))), "NoSuchEntity", 404, notFound);
        assertAwsError(() -> iam.listOpenIDConnectProviderTags(r -> r.openIDConnectProviderArn(missing)),
                "NoSuchEntity", 404, notFound);
        iam.deleteOpenIDConnectProvider(r -> r.openIDConnectProviderArn(missing));
        String elsewhere = "arn:aws:iam::111122223333:oidc-provider/errors.example.com";
        assertAwsError(() -> iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(elsewhere)), "NoSuchEntity",
                404, "OpenIDConnect Provider not found for arn " + elsewhere);
        for (String bad : List.of("arn:aws:iam::" + ACCOUNT + ":saml-provider/x", "not-an-arn-at-all-really",
                "arn:aws-cn:iam::" + ACCOUNT + ":oidc-provider/errors.example.com")) {
            assertAwsError(() -> iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(bad)), "InvalidInput",
                    400, "ARN " + bad + " is not valid.");
        }

        iam.tagOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).tags(tag("Env", "prod"), tag("env", "dev")));
        assertThat(iam.listOpenIDConnectProviderTags(r -> r.openIDConnectProviderArn(arn)).tags())
                .as("keys that differ by case are two tags").extracting(Tag::key).containsExactly("Env", "env");
        iam.tagOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).tags(tag("env", "test")));
        iam.untagOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).tagKeys("Env", "absent"));
        assertThat(iam.listOpenIDConnectProviderTags(r -> r.openIDConnectProviderArn(arn)).tags())
                .containsExactly(tag("env", "test"));
        assertAwsError(() -> iam.tagOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)
                .tags(tag("aws:x", "y"))), "InvalidInput", 400, "Tag keys beginning with aws: are reserved for system use.");
        var page = iam.listOpenIDConnectProviderTags(r -> r.openIDConnectProviderArn(arn).maxItems(1));
        assertThat(page.isTruncated()).isFalse();
        iam.deleteOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn));
        assertAwsError(() -> iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)), "NoSuchEntity", 404,
                "OpenIDConnect Provider not found for arn " + arn);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anAccountHoldsAHundredProviders(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        int held = iam.listOpenIDConnectProviders().openIDConnectProviderList().size();
        for (int i = held; i < 100; i++) {
            String url = "https://quota-" + i + ".example.com";
            iam.createOpenIDConnectProvider(r -> r.url(url));
        }
        assertAwsError(() -> iam.createOpenIDConnectProvider(r -> r.url("https://quota-over.example.com")),
                "LimitExceeded", 409, "Cannot exceed quota for OpenIdConnectProvidersPerAccount: 100");
        for (OpenIDConnectProviderListEntry provider : iam.listOpenIDConnectProviders().openIDConnectProviderList()) {
            iam.deleteOpenIDConnectProvider(r -> r.openIDConnectProviderArn(provider.arn()));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void providersAreAuthorizedOnTheirArn(Backend backend) {
        TestServer server = servers.get(backend);
        AwsCredentials olga = userWithKey(server.iam(), "oidc-olga");
        String olgaArn = "arn:aws:iam::" + ACCOUNT + ":user/oidc-olga";
        IamClient user = server.iam(olga);
        String arn = "arn:aws:iam::" + ACCOUNT + ":oidc-provider/olga.example.com";
        assertDenied(() -> user.createOpenIDConnectProvider(r -> r.url("https://olga.example.com")), olgaArn,
                "iam:CreateOpenIDConnectProvider", arn);
        assertDenied(user::listOpenIDConnectProviders, olgaArn, "iam:ListOpenIDConnectProviders", "*");
        assertThat(server.iam().listOpenIDConnectProviders().openIDConnectProviderList())
                .extracting(OpenIDConnectProviderListEntry::arn).doesNotContain(arn);
        grant(server.iam(), "oidc-olga", allowWhere("[\"iam:CreateOpenIDConnectProvider\","
                + "\"iam:GetOpenIDConnectProvider\",\"iam:AddClientIDToOpenIDConnectProvider\"]",
                "\"arn:aws:iam::*:oidc-provider/olga.example.com*\"", null));
        user.createOpenIDConnectProvider(r -> r.url("https://olga.example.com"));
        user.addClientIDToOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).clientID("olga-app"));
        assertThat(user.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)).clientIDList())
                .containsExactly("olga-app");
        String other = "arn:aws:iam::" + ACCOUNT + ":oidc-provider/other.example.com";
        assertDenied(() -> user.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(other)), olgaArn,
                "iam:GetOpenIDConnectProvider", other);
        assertDenied(() -> user.createOpenIDConnectProvider(r -> r.url("https://olga.example.com/tagged")
                .tags(tag("a", "b"))), olgaArn, "iam:TagOpenIDConnectProvider", arn + "/tagged");
        assertDenied(() -> user.removeClientIDFromOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)
                .clientID("olga-app")), olgaArn, "iam:RemoveClientIDFromOpenIDConnectProvider", arn);
        assertDenied(() -> user.deleteOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)), olgaArn,
                "iam:DeleteOpenIDConnectProvider", arn);
        assertThat(clientIds(server.iam(), arn)).containsExactly("olga-app");
        server.iam().deleteOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void devModeTakesPlainHttpIssuersForLocalIdentityProviders(Backend backend, @TempDir Path dev) throws Exception {
        try (TestServer server = TestServer.start(backend, dev, true)) {
            IamClient iam = server.iam();
            String arn = iam.createOpenIDConnectProvider(r -> r.url("http://localhost:8080/realms/dev")
                    .clientIDList("app")).openIDConnectProviderArn();
            assertThat(arn).isEqualTo("arn:aws:iam::" + ACCOUNT + ":oidc-provider/localhost:8080/realms/dev");
            assertThat(iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)).url())
                    .isEqualTo("localhost:8080/realms/dev");
            assertAwsError(() -> iam.createOpenIDConnectProvider(r -> r.url("https://localhost:8080/realms/dev")),
                    "EntityAlreadyExists", 409, "Provider with url https://localhost:8080/realms/dev already exists.");
            server.restart();
            assertThat(server.server().state().current().account(ACCOUNT).providers()
                    .oidcProvider("localhost:8080/realms/dev").issuerUrl()).isEqualTo("http://localhost:8080/realms/dev");
        }
    }

    private static List<String> clientIds(IamClient iam, String arn) {
        return iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)).clientIDList();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
