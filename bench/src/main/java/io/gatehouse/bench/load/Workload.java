package io.gatehouse.bench.load;

/**
 * What the workers of one scenario send: each iteration is one call (a read) or a few calls in order (a write
 * pair), each with the response it must get. Implementations are shared by all workers and thread-safe.
 */
interface Workload {

    /** The calls of one iteration. */
    int steps();

    /** The signed request of a step of an iteration of a worker. */
    byte[] request(int worker, long iteration, int step);

    /**
     * Why a response is not what its step must get, or {@code null} when it is. Every response's status is checked;
     * with {@code thorough}, also its content (the driver does that on each worker's first iteration, so the checks
     * of content do not weigh on the measurement).
     */
    String check(int worker, long iteration, int step, HttpConnection.Response response, boolean thorough);
}
