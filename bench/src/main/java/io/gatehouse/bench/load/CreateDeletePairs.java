package io.gatehouse.bench.load;

import java.time.Clock;

/**
 * {@code CreateUser} then {@code DeleteUser} of the same fresh name: each worker's iteration {@code i} creates
 * {@code PREFIX<worker>-<i>}, so no two calls of a run touch the same user. Every request is signed when sent.
 */
final class CreateDeletePairs implements Workload {

    private final Signer signer;
    private final Clock clock;
    private final String prefix;

    CreateDeletePairs(Signer signer, Clock clock, String prefix) {
        this.signer = signer;
        this.clock = clock;
        this.prefix = prefix;
    }

    @Override
    public int steps() {
        return 2;
    }

    @Override
    public byte[] request(int worker, long iteration, int step) {
        String action = step == 0 ? "CreateUser" : "DeleteUser";
        return signer.sign("iam", "Action=" + action + "&" + Scenario.IAM_VERSION + "&UserName=" + name(worker, iteration),
                clock.instant());
    }

    @Override
    public String check(int worker, long iteration, int step, HttpConnection.Response response, boolean thorough) {
        if (response.status() != 200) {
            return (step == 0 ? "CreateUser" : "DeleteUser") + " HTTP " + response.status() + ": "
                    + Responses.excerpt(response);
        }
        String name = name(worker, iteration);
        if (thorough && step == 0 && !response.body().contains("<UserName>" + name + "</UserName>")) {
            return "CreateUser did not answer user " + name;
        }
        return null;
    }

    private String name(int worker, long iteration) {
        return prefix + worker + "-" + iteration;
    }
}
