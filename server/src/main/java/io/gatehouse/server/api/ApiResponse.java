package io.gatehouse.server.api;

import java.nio.charset.StandardCharsets;

/**
 * What the API answers: status, content type, the request id header and the body.
 *
 * @param status      HTTP status
 * @param contentType the body's media type
 * @param requestId   the request id, also sent as {@code x-amzn-RequestId}
 * @param body        the body
 */
public record ApiResponse(int status, String contentType, String requestId, byte[] body) {

    static ApiResponse xml(int status, String requestId, String xml) {
        return new ApiResponse(status, "text/xml", requestId, xml.getBytes(StandardCharsets.UTF_8));
    }
}
