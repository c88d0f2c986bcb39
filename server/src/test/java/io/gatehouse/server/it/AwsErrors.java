package io.gatehouse.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Assertions on the AWS errors an SDK call fails with. */
final class AwsErrors {

    private AwsErrors() {}

    /** The call fails with exactly this error code, HTTP status and message. */
    static void assertError(ThrowingCallable call, String code, int status, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsServiceException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).as("error code").isEqualTo(code);
            assertThat(e.statusCode()).as("HTTP status").isEqualTo(status);
            assertThat(e.awsErrorDetails().errorMessage()).as("message").isEqualTo(message);
        });
    }

    /** The call is denied with IAM's message for a caller that no identity-based policy allows the action. */
    static void assertDenied(ThrowingCallable call, String callerArn, String action, String resource) {
        assertError(call, "AccessDenied", 403, "User: " + callerArn + " is not authorized to perform: " + action
                + " on resource: " + resource + " because no identity-based policy allows the " + action + " action");
    }
}
