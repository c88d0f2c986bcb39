package io.gatehouse.bench.load;

/** Short renderings of responses for error reports. */
final class Responses {

    private static final int EXCERPT = 300;

    private Responses() {
    }

    /** The start of a response's body on one line. */
    static String excerpt(HttpConnection.Response response) {
        String body = response.body().replaceAll("\\s+", " ").strip();
        return body.length() <= EXCERPT ? body : body.substring(0, EXCERPT) + "...";
    }
}
