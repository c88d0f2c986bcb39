package io.gatehouse.server.iam;

import io.gatehouse.server.protocol.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.pcollections.PSortedMap;

/**
 * The entities a page of a listing starts with, in the order IAM lists them. Each method hands back up to
 * {@code maxItems + 1} entities after the request's marker, which is what {@link PageRequest#page} needs to tell
 * whether more follow.
 */
final class Listings {

    private Listings() {}

    /**
     * Entities of a sorted map (keyed by {@link io.gatehouse.server.state.Names#key}) that pass a filter, after the
     * marker's key: only the map's tail is walked, so a page costs its own size plus the entities filtered out.
     */
    static <T> List<T> matching(PSortedMap<String, T> entities, PageRequest request, Predicate<T> filter) {
        var after = request.after() == null ? entities : entities.tailMap(request.after(), false);
        List<T> following = new ArrayList<>();
        for (T entity : after.values()) {
            if (filter.test(entity)) {
                following.add(entity);
                if (following.size() > request.maxItems()) {
                    break;
                }
            }
        }
        return following;
    }

    /**
     * Entities of a short list sorted by their positions, after the marker's position.
     *
     * @param sorted   the entities in ascending order of {@code position}
     * @param position the position a marker carries for an entity
     */
    static <T> List<T> following(List<T> sorted, PageRequest request, Function<T, String> position) {
        List<T> following = new ArrayList<>();
        for (T entity : sorted) {
            if (request.after() == null || position.apply(entity).compareTo(request.after()) > 0) {
                following.add(entity);
                if (following.size() > request.maxItems()) {
                    break;
                }
            }
        }
        return following;
    }
}
