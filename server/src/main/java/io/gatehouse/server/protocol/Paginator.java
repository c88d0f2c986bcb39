package io.gatehouse.server.protocol;

import java.util.Objects;

/**
 * How an operation pages, from botocore's {@code paginators-1.json}.
 *
 * @param inputToken  the request member carrying the marker ({@code Marker})
 * @param outputToken the response member carrying the next marker ({@code Marker})
 * @param limitKey    the request member bounding the page size ({@code MaxItems})
 * @param moreResults the response member telling whether more results follow ({@code IsTruncated})
 */
public record Paginator(String inputToken, String outputToken, String limitKey, String moreResults) {

    public Paginator {
        Objects.requireNonNull(inputToken, "inputToken");
        Objects.requireNonNull(outputToken, "outputToken");
        Objects.requireNonNull(limitKey, "limitKey");
        Objects.requireNonNull(moreResults, "moreResults");
    }
}
