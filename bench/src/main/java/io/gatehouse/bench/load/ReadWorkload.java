package io.gatehouse.bench.load;

import java.util.function.Function;

/** One read call per iteration, the same request for every worker (signed once a second). */
final class ReadWorkload implements Workload {

    private final PerSecondRequest request;
    private final Function<String, String> contentCheck;

    /** @param contentCheck why a 200 body is wrong, or {@code null} when it is right */
    ReadWorkload(PerSecondRequest request, Function<String, String> contentCheck) {
        this.request = request;
        this.contentCheck = contentCheck;
    }

    @Override
    public int steps() {
        return 1;
    }

    @Override
    public byte[] request(int worker, long iteration, int step) {
        return request.bytes();
    }

    @Override
    public String check(int worker, long iteration, int step, HttpConnection.Response response, boolean thorough) {
        if (response.status() != 200) {
            return "HTTP " + response.status() + ": " + Responses.excerpt(response);
        }
        return thorough ? contentCheck.apply(response.body()) : null;
    }
}
