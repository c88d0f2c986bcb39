package io.gatehouse.server.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.policy.ParseOptions;
import io.gatehouse.policy.PolicyType;
import io.gatehouse.policy.engine.CompiledPolicy;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every entity survives being stored and loaded, and a secret is never stored in the clear. */
class EntityCodecTest {

    /** A reversible stand-in for the real cipher that makes sealed text recognisable. */
    private static final Secrets MARKING = new Secrets() {
        @Override
        public String seal(String plaintext, String associatedData) {
            return "sealed(" + associatedData + ")" + new StringBuilder(plaintext).reverse();
        }

        @Override
        public String open(String sealed, String associatedData) {
            String prefix = "sealed(" + associatedData + ")";
            if (!sealed.startsWith(prefix)) {
                throw new IllegalArgumentException("bound to something else");
            }
            return new StringBuilder(sealed.substring(prefix.length())).reverse().toString();
        }
    };

    private final EntityCodec codec = new EntityCodec(MARKING);
    private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");
    private static final String DOC = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";

    @Test
    void usersRoundTripWithTheirPoliciesCompiledAgain() {
        User user = new User("Alice", "AIDAEXAMPLE", "/div/", T, "arn:aws:iam::111122223333:policy/b",
                List.of(new Tag("team", "red")),
                List.of(new InlinePolicy("p", DOC, EntityCodec.compile("p", PolicyType.IDENTITY, DOC, ParseOptions.managedPolicy()))),
                List.of("arn:aws:iam::aws:policy/ReadOnlyAccess"), List.of("Admins"), T);
        User back = codec.readUser(codec.write(user));
        assertThat(back).usingRecursiveComparison().ignoringFields("inlinePolicies").isEqualTo(user);
        assertThat(back.inlinePolicies().get(0).document()).isEqualTo(DOC);
        assertThat(back.inlinePolicies().get(0).compiled().document()).isEqualTo(user.inlinePolicies().get(0).compiled().document());
    }

    @Test
    void mfaSeedsAreSealedBoundToTheirAccountAndDevice() {
        MfaDevice device = new MfaDevice("Phone", "/team/", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", T,
                List.of(new Tag("k", "v")), new MfaDevice.Assignment("alice", T), 58_000_000L);
        String stored = codec.write("111122223333", device);
        assertThat(stored).doesNotContain(device.seed()).contains("sealed(mfa-device:111122223333:/team/phone)");
        assertThat(codec.readMfaDevice("111122223333", stored)).isEqualTo(device);
        assertThat(device.toString()).doesNotContain(device.seed());

        MfaDevice root = new MfaDevice("r", "/", device.seed(), T, List.of(), new MfaDevice.Assignment(null, T),
                MfaDevice.NO_STEP);
        assertThat(codec.readMfaDevice("111122223333", codec.write("111122223333", root))).isEqualTo(root);
        MfaDevice unassigned = root.withAssignment(null);
        assertThat(codec.readMfaDevice("111122223333", codec.write("111122223333", unassigned))).isEqualTo(unassigned);
    }

    @Test
    void accessKeySecretsAreSealedBoundToTheirKey() {
        AccessKey key = new AccessKey("AKIAEXAMPLE", "alice", "wJalrXUtnFEMI/K7MDENG", true, T,
                new AccessKey.LastUsed(T, "iam", "us-east-1"));
        String stored = codec.write(key);
        assertThat(stored).doesNotContain("wJalrXUtnFEMI/K7MDENG").contains("sealed(access-key:AKIAEXAMPLE)");
        assertThat(codec.readAccessKey(stored)).isEqualTo(key);
        assertThat(key.toString()).doesNotContain(key.secret());
    }

    @Test
    void rolesPoliciesGroupsProfilesAndAccountsRoundTrip() {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
        Role role = new Role("app", "AROAEXAMPLE", "/", T, trust,
                EntityCodec.compile("app", PolicyType.TRUST, trust, ParseOptions.defaultsFor(PolicyType.TRUST)), "d", 3600,
                null, List.of(), List.of(), List.of(), new Role.LastUsed(T, "us-east-1"));
        Role readRole = codec.readRole(codec.write(role));
        assertThat(readRole).usingRecursiveComparison().ignoringFields("trustCode").isEqualTo(role);
        assertThat(readRole.compiledTrustPolicy().document()).isEqualTo(role.compiledTrustPolicy().document());

        ManagedPolicy policy = new ManagedPolicy("p", "ANPAEXAMPLE", "/", null, T, T, "v2",
                List.of(new PolicyVersion("v1", DOC, (CompiledPolicy) null, T), new PolicyVersion("v2", DOC, (CompiledPolicy) null, T)), 3, List.of(new Tag("k", "v")));
        ManagedPolicy back = codec.readPolicy(codec.write(policy));
        assertThat(back).usingRecursiveComparison().ignoringFields("versions").isEqualTo(policy);
        assertThat(back.defaultVersion().compiled()).isNotNull();
        assertThat(back.defaultVersion().compiled()).as("compiled once, when first needed")
                .isSameAs(back.defaultVersion().compiled());

        Group group = new Group("Admins", "AGPAEXAMPLE", "/", T, List.of(), List.of("arn:aws:iam::aws:policy/AdministratorAccess"));
        assertThat(codec.readGroup(codec.write(group))).isEqualTo(group);
        InstanceProfile profile = new InstanceProfile("web", "AIPAEXAMPLE", "/", T, List.of("app"), List.of());
        assertThat(codec.readInstanceProfile(codec.write(profile))).isEqualTo(profile);
        Account account = new Account("111122223333", T, List.of("corp"));
        assertThat(codec.readAccount(codec.write(account))).isEqualTo(account);
    }

    @Test
    void accountsKeepTheirPasswordPolicyWithItsUnsetFieldsUnset() {
        Account strict = new Account("111122223333", T, List.of(),
                new PasswordPolicy(14, true, true, true, true, true, 90, 24, true));
        assertThat(codec.readAccount(codec.write(strict))).isEqualTo(strict);
        Account lenient = strict.withPasswordPolicy(new PasswordPolicy(6, false, false, false, false, false, null, null,
                false));
        assertThat(codec.readAccount(codec.write(lenient))).isEqualTo(lenient);
        assertThat(codec.readAccount(codec.write(lenient.withPasswordPolicy(null))).passwordPolicy()).isNull();
    }

    @Test
    void loginProfileHashesAreSealedBoundToTheirAccountAndUser() {
        LoginProfile first = LoginProfile.create("Alice", "$argon2id$current", true, T);
        String stored = codec.write("111122223333", first);
        assertThat(stored).doesNotContain("$argon2id$current").contains("sealed(login-profile:111122223333:alice)")
                .doesNotContain("previousHashes");
        assertThat(codec.readLoginProfile("111122223333", stored)).isEqualTo(first);

        LoginProfile changed = first.withPassword("$argon2id$second", false, T.plusSeconds(60))
                .withPassword("$argon2id$third", false, T.plusSeconds(120));
        String storedChanged = codec.write("111122223333", changed);
        assertThat(storedChanged).doesNotContain("$argon2id$current").doesNotContain("$argon2id$second")
                .contains("sealed(login-profile-history:111122223333:alice)");
        assertThat(codec.readLoginProfile("111122223333", storedChanged)).isEqualTo(changed);
        assertThat(changed.toString()).doesNotContain("argon2id");
    }

    @Test
    void aLoginProfileCopiedToAnotherAccountDoesNotOpen() {
        String stored = codec.write("111122223333", LoginProfile.create("Alice", "$argon2id$current", true, T));
        assertThatThrownBy(() -> codec.readLoginProfile("444455556666", stored))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLoginProfileWrittenBeforeAccountBindingIsStillRead() {
        String legacy = "{\"user\":\"Alice\",\"created\":\"" + T + "\",\"passwordLastChanged\":\"" + T + "\","
                + "\"passwordResetRequired\":false,\"hash\":\"" + MARKING.seal("$argon2id$current", "login-profile:alice")
                + "\"}";
        assertThat(codec.readLoginProfile("111122223333", legacy).passwordHash()).isEqualTo("$argon2id$current");
    }

    @Test
    void theRootPasswordHashIsSealedBoundToItsAccount() {
        Account account = new Account("111122223333", T, List.of())
                .withRootLogin(new Account.RootLogin("Owner@Example.com", "$argon2id$root"));
        String stored = codec.write(account);
        assertThat(stored).doesNotContain("$argon2id$root").contains("sealed(root-password:111122223333)")
                .contains("Owner@Example.com");
        assertThat(codec.readAccount(stored)).isEqualTo(account);
        assertThat(account.rootLogin().toString()).doesNotContain("argon2id");
        assertThat(account.rootLogin().hasEmail(" owner@example.COM")).isTrue();
    }

    @Test
    void timesKeepTheirFractionAndFarYears() {
        for (String time : List.of("2026-01-02T03:04:05.123456789Z", "2026-01-02T03:04:05.120Z", "+12026-01-02T03:04:05Z")) {
            Account account = new Account("111122223333", Instant.parse(time), List.of());
            assertThat(codec.readAccount(codec.write(account))).as(time).isEqualTo(account);
        }
    }

    @Test
    void credentialReportsRoundTripWhileGeneratingAndOnceComplete() {
        CredentialReport generating = CredentialReport.startedAt(T);
        assertThat(codec.readCredentialReport(codec.write(generating))).isEqualTo(generating);
        CredentialReport complete = generating.completed(T.plusSeconds(1), "user,arn\n\"a,b\",x");
        assertThat(codec.readCredentialReport(codec.write(complete))).isEqualTo(complete);
    }

    @Test
    void oidcProvidersRoundTripWithTheirSchemeKept() {
        OidcProvider provider = new OidcProvider("http://localhost:8080/realms/dev", List.of("app", "sts.amazonaws.com"),
                List.of("0123456789abcdef0123456789abcdef01234567"), T, List.of(new Tag("Team", "a"), new Tag("team", "b")));
        OidcProvider back = codec.readOidcProvider(codec.write(provider));
        assertThat(back).isEqualTo(provider);
        assertThat(back.name()).isEqualTo("localhost:8080/realms/dev");
        assertThat(back.arn("111122223333")).isEqualTo("arn:aws:iam::111122223333:oidc-provider/localhost:8080/realms/dev");
    }

    @Test
    void samlProvidersRoundTripWithTheirPrivateKeysSealedToTheProviderAndKey() {
        String document = SamlMetadataSamples.document("urn:idp");
        String pem = "-----BEGIN PRIVATE KEY-----\nMIIEsecret\n-----END PRIVATE KEY-----\n";
        SamlProvider provider = new SamlProvider("Okta", "UUID0123456789ABCDEFGHIJKL", document,
                SamlMetadata.parse(document), T, T.plusSeconds(3600), SamlProvider.AssertionEncryption.REQUIRED,
                List.of(new SamlPrivateKey("KEY0123456789ABCDEFGHIJKLM", pem, T)), List.of(new Tag("k", "v")));
        String stored = codec.write(provider);
        assertThat(stored).doesNotContain("MIIEsecret")
                .contains("sealed(saml-provider-key:UUID0123456789ABCDEFGHIJKL:KEY0123456789ABCDEFGHIJKLM)");
        assertThat(codec.readSamlProvider(stored)).isEqualTo(provider);
        assertThat(provider.toString()).doesNotContain("MIIEsecret");
        assertThat(provider.privateKeys().getFirst().toString()).doesNotContain("MIIEsecret");
    }
}
