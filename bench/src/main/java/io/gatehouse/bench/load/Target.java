package io.gatehouse.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;

/**
 * A server under load: where it listens, how requests to it are signed, how its CPU is read, and whether it
 * verifies signatures (found out before the measurement by a call signed with a wrong secret).
 */
final class Target {

    private final String label;
    private final InetSocketAddress address;
    private final Signer signer;
    private final ProcessCpu cpu;
    private boolean verifiesSignatures;

    Target(String label, URI endpoint, Signer signer, ProcessCpu cpu) {
        this.label = label;
        this.address = new InetSocketAddress(endpoint.getHost(), endpoint.getPort() < 0 ? 80 : endpoint.getPort());
        this.signer = signer;
        this.cpu = cpu;
    }

    String label() {
        return label;
    }

    InetSocketAddress address() {
        return address;
    }

    Signer signer() {
        return signer;
    }

    ProcessCpu cpu() {
        return cpu;
    }

    /** Whether the server refused a request signed with a wrong secret (known after {@link #prepare}). */
    boolean verifiesSignatures() {
        return verifiesSignatures;
    }

    /**
     * Checks that the server answers a correctly signed call, learns whether it refuses a wrongly signed one, and
     * creates the seeded users that are missing.
     *
     * @throws IllegalStateException when the server does not answer as a working IAM endpoint would
     */
    void prepare(int users, Clock clock) throws IOException {
        try (HttpConnection connection = new HttpConnection(address)) {
            String identity = "Action=GetCallerIdentity&" + Scenario.STS_VERSION;
            HttpConnection.Response good = connection.exchange(signer.sign("sts", identity, clock.instant()));
            if (good.status() != 200) {
                throw new IllegalStateException(label + ": GetCallerIdentity answered HTTP " + good.status() + ": "
                        + Responses.excerpt(good));
            }
            HttpConnection.Response forged = connection.exchange(
                    signer.withSecret("not-the-secret-access-key-of-this-account").sign("sts", identity, clock.instant()));
            verifiesSignatures = forged.status() == 403 && forged.body().contains("SignatureDoesNotMatch");
            for (int i = 0; i < users; i++) {
                HttpConnection.Response created = connection.exchange(signer.sign("iam",
                        "Action=CreateUser&" + Scenario.IAM_VERSION + "&UserName=" + Scenario.seededUser(i),
                        clock.instant()));
                if (created.status() != 200 && created.status() != 409) {
                    throw new IllegalStateException(label + ": seeding users, CreateUser answered HTTP "
                            + created.status() + ": " + Responses.excerpt(created));
                }
            }
        }
    }
}
