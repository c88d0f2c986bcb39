package io.gatehouse.server.oidc;

import java.util.List;
import java.util.Objects;

/**
 * What a verified web identity token says, as AssumeRoleWithWebIdentity uses it.
 *
 * @param issuer        the {@code iss} claim, the provider's issuer URL
 * @param subject       the {@code sub} claim ({@code SubjectFromWebIdentityToken}, {@code PROVIDER:sub})
 * @param audience      the client id the token was issued to: {@code azp} when the token has it, else the {@code aud}
 *                      value that is one of the provider's client ids ({@code Audience}, {@code PROVIDER:aud})
 * @param otherAudience the {@code aud} values when {@code azp} named the client ({@code PROVIDER:oaud}), else empty
 * @param amr           the {@code amr} claim's values ({@code PROVIDER:amr}), perhaps none
 */
public record WebIdentity(String issuer, String subject, String audience, List<String> otherAudience,
                          List<String> amr) {

    public WebIdentity {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(audience, "audience");
        otherAudience = List.copyOf(otherAudience);
        amr = List.copyOf(amr);
    }
}
