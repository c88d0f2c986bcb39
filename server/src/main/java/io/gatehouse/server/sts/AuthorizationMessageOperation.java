package io.gatehouse.server.sts;

import io.gatehouse.server.api.Call;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.protocol.Struct;

/**
 * DecodeAuthorizationMessage (STS API Reference): decodes the encoded authorization details some AWS services put in
 * their AccessDenied messages. Gatehouse's own API words its denials as IAM and STS do, in plain text, and encodes
 * none, so no message is one it encoded: after the caller is authorized ({@code sts:DecodeAuthorizationMessage} on
 * {@code *}, as the reference says), every message is refused as AWS refuses one it cannot decode.
 */
final class AuthorizationMessageOperation {

    private AuthorizationMessageOperation() {}

    static Struct decodeAuthorizationMessage(Call call) {
        call.authorize("*", context -> {});
        throw AwsError.INVALID_AUTHORIZATION_MESSAGE.exception("Invalid authorization message");
    }
}
