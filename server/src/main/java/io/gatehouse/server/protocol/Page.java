package io.gatehouse.server.protocol;

import java.util.List;
import java.util.Objects;

/**
 * One page of a listing and where the next one starts.
 *
 * @param operation the paginated operation
 * @param items     the entities of this page
 * @param marker    the marker of the next page, or {@code null} when this page is the last
 */
public record Page<T>(Operation operation, List<T> items, String marker) {

    public Page {
        Objects.requireNonNull(operation, "operation");
        items = List.copyOf(items);
    }

    /** Whether more entities follow this page. */
    public boolean truncated() {
        return marker != null;
    }

    /**
     * Sets the paginator's members of the output: {@code IsTruncated} always, {@code Marker} only when truncated,
     * as IAM answers.
     *
     * @return {@code output}
     */
    public Struct.Builder writeTo(Struct.Builder output) {
        Paginator paginator = operation.paginator();
        return output.set(paginator.moreResults(), truncated()).set(paginator.outputToken(), marker);
    }
}
