package io.gatehouse.server.protocol;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The page a paginated request asks for, read from the members its paginator names ({@code Marker},
 * {@code MaxItems}). The model's validation has already held {@code MaxItems} to 1..1000.
 *
 * <p>A listing sorts its entities by a position (a name, a key), selects those after {@link #after()} and hands
 * {@link #page} at least {@code maxItems + 1} of them when there are that many, which tells truncation without
 * counting:
 * <pre>{@code
 * PageRequest page = PageRequest.of(request);
 * List<User> following = store.usersAfter(page.after(), page.maxItems() + 1);
 * Page<User> users = page.page(following, User::name);
 * users.writeTo(out.set("Users", users.items().stream().map(this::toStruct).toList()));
 * }</pre>
 *
 * @param operation the paginated operation
 * @param after     the position the marker carries, or {@code null} for the first page
 * @param maxItems  the page size
 */
public record PageRequest(Operation operation, String after, int maxItems) {

    /** IAM's page size when a request names none. */
    public static final int DEFAULT_MAX_ITEMS = 100;

    public PageRequest {
        Objects.requireNonNull(operation, "operation");
        if (operation.paginator() == null) {
            throw new IllegalArgumentException(operation.name() + " does not paginate");
        }
        if (maxItems < 1) {
            throw new IllegalArgumentException("maxItems must be positive: " + maxItems);
        }
    }

    /**
     * The page a request asks for.
     *
     * @throws IllegalArgumentException       when the operation does not paginate
     * @throws io.gatehouse.server.error.AwsException {@code ValidationError: Invalid Marker.} when the marker was
     *                                        not issued by this operation
     */
    public static PageRequest of(QueryRequest request) {
        Operation operation = request.operation();
        Paginator paginator = operation.paginator();
        if (paginator == null) {
            throw new IllegalArgumentException(operation.name() + " does not paginate");
        }
        String marker = request.input().string(paginator.inputToken());
        Integer maxItems = request.input().integer(paginator.limitKey());
        return new PageRequest(operation, marker == null ? null : Markers.decode(operation.name(), marker),
                maxItems == null ? DEFAULT_MAX_ITEMS : maxItems);
    }

    /**
     * The page of {@code following}, the entities after {@link #after()} in order: the first {@link #maxItems()}
     * of them, with a marker at the last when more follow.
     */
    public <T> Page<T> page(List<T> following, Function<? super T, String> position) {
        if (following.size() <= maxItems) {
            return new Page<>(operation, List.copyOf(following), null);
        }
        List<T> items = List.copyOf(following.subList(0, maxItems));
        return new Page<>(operation, items, Markers.encode(operation.name(), position.apply(items.getLast())));
    }
}
