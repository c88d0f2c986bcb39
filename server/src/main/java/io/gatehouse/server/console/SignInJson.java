package io.gatehouse.server.console;

import io.gatehouse.server.protocol.JsonObjects;
import io.gatehouse.server.session.Session;
import io.gatehouse.server.session.SessionPrincipal;
import io.gatehouse.server.session.Sessions;
import java.time.format.DateTimeFormatter;

/** The JSON bodies the sign-in endpoint answers with. */
final class SignInJson {

    private SignInJson() {}

    /** {@code {"error": …, "message": …}}. */
    static String error(String error, String message) {
        return JsonObjects.write(json -> {
            json.writeStringField("error", error);
            json.writeStringField("message", message);
        });
    }

    /** The password must be changed first: {@code {"error": "PasswordChangeRequired", "reason": …, "message": …}}. */
    static String changeRequired(String reason) {
        return JsonObjects.write(json -> {
            json.writeStringField("error", "PasswordChangeRequired");
            json.writeStringField("reason", reason);
            json.writeStringField("message", "Your password must be changed: send the request again with newPassword.");
        });
    }

    /**
     * A signed-in principal and its console session's credentials, named as STS names them:
     * {@code {"accountId", "arn", "userName"?, "credentials": {"accessKeyId", "secretAccessKey", "sessionToken",
     * "expiration"}}}.
     */
    static String signedIn(String accountId, SessionPrincipal principal, Sessions.Issued issued) {
        Session session = issued.content().session();
        return JsonObjects.write(json -> {
            json.writeStringField("accountId", accountId);
            json.writeStringField("arn", principal.arn());
            if (principal.userName() != null) {
                json.writeStringField("userName", principal.userName());
            }
            json.writeObjectFieldStart("credentials");
            json.writeStringField("accessKeyId", session.accessKeyId());
            json.writeStringField("secretAccessKey", issued.content().secretAccessKey());
            json.writeStringField("sessionToken", issued.token());
            json.writeStringField("expiration", DateTimeFormatter.ISO_INSTANT.format(session.expiresAt()));
            json.writeEndObject();
        });
    }
}
