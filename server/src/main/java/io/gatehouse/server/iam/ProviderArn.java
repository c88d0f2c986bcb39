package io.gatehouse.server.iam;

import io.gatehouse.server.api.Call;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.state.Arns;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The identity provider ARNs requests name: {@code arn:PARTITION:iam::ACCOUNT:oidc-provider/URL-WITHOUT-SCHEME} and
 * {@code arn:PARTITION:iam::ACCOUNT:saml-provider/NAME}, in the request's partition.
 *
 * @param canonical the ARN in canonical form, which the call is authorized on
 * @param accountId the account the ARN names
 * @param name      the provider's key in that account: the issuer URL without its scheme, or the SAML name
 */
record ProviderArn(String canonical, String accountId, String name) {

    private static final Pattern OIDC = Pattern.compile("arn:aws:iam::(\\d{12}):oidc-provider/(.+)");
    private static final Pattern SAML = Pattern.compile("arn:aws:iam::(\\d{12}):saml-provider/([\\w._-]+)");

    /** The OpenID Connect provider ARN a request names; anything else is refused before authorization. */
    static ProviderArn oidc(Call call, String arn) {
        return parse(call, arn, OIDC);
    }

    /** The SAML provider ARN a request names; anything else is refused before authorization. */
    static ProviderArn saml(Call call, String arn) {
        return parse(call, arn, SAML);
    }

    /** Whether the ARN names a provider of the caller's own account (another account's are never found). */
    boolean inAccountOf(Call call) {
        return accountId.equals(call.caller().accountId());
    }

    private static ProviderArn parse(Call call, String arn, Pattern pattern) {
        String canonical = Arns.canonical(arn, call.caller().partition());
        Matcher matcher = canonical == null ? null : pattern.matcher(canonical);
        if (matcher == null || !matcher.matches()) {
            throw AwsError.INVALID_INPUT.exception("ARN %s is not valid.", arn);
        }
        return new ProviderArn(canonical, matcher.group(1), matcher.group(2));
    }
}
