package io.gatehouse.server.sts;

import io.gatehouse.server.api.Call;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.session.TemporaryKeyIds;

/** STS operations that tell who someone is: GetCallerIdentity and GetAccessKeyInfo. */
final class IdentityOperations {

    private IdentityOperations() {}

    /**
     * Who the caller is; needs no permission and cannot be denied (STS API Reference, GetCallerIdentity). With the
     * credentials of GetSessionToken it names the user (or root user) who got them, as AWS does.
     */
    static Struct getCallerIdentity(Call call) {
        return call.output()
                .set("UserId", call.caller().userId())
                .set("Account", call.caller().accountId())
                .set("Arn", call.caller().arn())
                .build();
    }

    /**
     * The account an access key id belongs to, whoever's it is (STS API Reference, GetAccessKeyInfo); policies may
     * deny {@code sts:GetAccessKeyInfo}. A temporary key id names its account itself ({@link TemporaryKeyIds}); a
     * long-term one is looked up. An id neither of these knows is refused as an invalid key.
     */
    static Struct getAccessKeyInfo(Call call) {
        call.authorize("*", context -> {});
        String accessKeyId = call.input().string("AccessKeyId");
        String account = TemporaryKeyIds.accountOf(accessKeyId);
        if (account == null) {
            account = call.state().accountOfKey(accessKeyId);
        }
        if (account == null) {
            throw AwsError.INVALID_CLIENT_TOKEN_ID.exception();
        }
        return call.output().set("Account", account).build();
    }
}
