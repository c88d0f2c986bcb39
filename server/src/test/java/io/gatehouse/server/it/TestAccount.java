package io.gatehouse.server.it;

import io.gatehouse.server.Bootstrap;
import io.gatehouse.server.state.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * An account of its own on a test server, with its root user's access key: a test that counts or lists what an
 * account holds (its summary, its authorization details, its credential report) works in one, so other tests on the
 * same server do not disturb it.
 *
 * @param id   the account id
 * @param root its root user's access key
 */
record TestAccount(String id, AwsCredentials root) {

    private static final AtomicInteger ACCOUNTS = new AtomicInteger();

    /** A new account on the server, as {@code gatehouse accounts create} adds one. */
    static TestAccount create(TestServer server) {
        String id = String.format("31%010d", ACCOUNTS.incrementAndGet());
        Bootstrap.RootCredentials root = Bootstrap.createAccount(server.server().state(), new Ids(), Clock.systemUTC(),
                id, null, null);
        return new TestAccount(id, AwsBasicCredentials.create(root.accessKeyId(), root.secretAccessKey()));
    }

    /** An IAM client of the account's root user. */
    IamClient iam(TestServer server) {
        return server.iam(root);
    }

    /** An IAM ARN of the account ({@code user/alice}). */
    String arn(String resource) {
        return "arn:aws:iam::" + id + ":" + resource;
    }

    /** When the account was created. */
    Instant created(TestServer server) {
        return server.server().state().current().account(id).account().created();
    }
}
