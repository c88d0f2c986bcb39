package io.gatehouse.policy.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading the principal of a request from the forms AWS writes it in. */
class PrincipalTest {

    @Test
    void readsIamAndStsArns() {
        assertThat(Principal.parse("arn:aws:iam::111122223333:user/division/alice"))
                .isEqualTo(new Principal(Principal.Kind.USER, "arn:aws:iam::111122223333:user/division/alice", "aws", "111122223333", "alice"));
        assertThat(Principal.parse("arn:aws-cn:iam::111122223333:root").kind()).isEqualTo(Principal.Kind.ROOT);
        Principal session = Principal.parse("arn:aws:sts::111122223333:assumed-role/app/i-0abc");
        assertThat(session.kind()).isEqualTo(Principal.Kind.ASSUMED_ROLE);
        assertThat(session.name()).isEqualTo("app");
        assertThat(session.roleArnWithoutPath()).isEqualTo("arn:aws:iam::111122223333:role/app");
        assertThat(Principal.parse("arn:aws:sts::111122223333:federated-user/bob").kind()).isEqualTo(Principal.Kind.FEDERATED_USER);
        assertThat(Principal.parse("arn:aws:iam::111122223333:saml-provider/corp").kind()).isEqualTo(Principal.Kind.FEDERATED);
    }

    @Test
    void readsAccountIdsServicesProvidersAndCanonicalUsers() {
        assertThat(Principal.parse("111122223333").id()).isEqualTo("arn:aws:iam::111122223333:root");
        assertThat(Principal.parse("lambda.amazonaws.com").kind()).isEqualTo(Principal.Kind.SERVICE);
        assertThat(Principal.parse("cognito-identity.amazonaws.com").kind()).isEqualTo(Principal.Kind.FEDERATED);
        assertThat(Principal.parse("79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be").kind())
                .isEqualTo(Principal.Kind.CANONICAL_USER);
        assertThat(Principal.parse(null)).isEqualTo(Principal.ANONYMOUS);
    }

    @Test
    void anArnWithoutAValidAccountIsNotAnAccountPrincipal() {
        assertThat(Principal.parse("arn:aws:iam::ACCOUNT:user/alice").isAccountPrincipal()).isFalse();
        assertThat(Principal.parse("arn:aws:sts::111122223333:assumed-role/no-session").isAccountPrincipal()).isFalse();
    }
}
