package io.gatehouse.server.state;

import org.pcollections.PSortedMap;
import org.pcollections.TreePMap;

/**
 * An account's identity providers for federation: OpenID Connect providers keyed by their issuer URL without the
 * scheme ({@link OidcProvider#name()}), SAML providers by name. Both keys are case-sensitive, as the ARNs that hold
 * them are; the sorted maps list providers in ARN order.
 *
 * @param oidc OpenID Connect providers
 * @param saml SAML providers
 */
public record IdentityProviders(PSortedMap<String, OidcProvider> oidc, PSortedMap<String, SamlProvider> saml) {

    public static final IdentityProviders EMPTY = new IdentityProviders(TreePMap.empty(), TreePMap.empty());

    /** The OpenID Connect provider of an issuer URL without its scheme, or {@code null}. */
    public OidcProvider oidcProvider(String name) {
        return oidc.get(name);
    }

    /** The SAML provider of this name, or {@code null}. */
    public SamlProvider samlProvider(String name) {
        return saml.get(name);
    }

    /** How many providers of both kinds the account has (GetAccountSummary's {@code Providers}). */
    public int count() {
        return oidc.size() + saml.size();
    }

    public IdentityProviders with(OidcProvider provider) {
        return new IdentityProviders(oidc.plus(provider.name(), provider), saml);
    }

    public IdentityProviders withoutOidc(String name) {
        return new IdentityProviders(oidc.minus(name), saml);
    }

    public IdentityProviders with(SamlProvider provider) {
        return new IdentityProviders(oidc, saml.plus(provider.name(), provider));
    }

    public IdentityProviders withoutSaml(String name) {
        return new IdentityProviders(oidc, saml.minus(name));
    }
}
