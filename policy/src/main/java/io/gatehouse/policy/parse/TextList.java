package io.gatehouse.policy.parse;

import java.util.List;

/**
 * A string-or-array element such as {@code Action}: a single string is a one-item list.
 *
 * @param path  the element's path, e.g. {@code Statement[0].Action}
 * @param at    where the element's name is
 * @param items the strings in document order; items of the wrong JSON type are left out (structure problems)
 */
record TextList(String path, Position at, List<Text> items) {

    TextList {
        items = List.copyOf(items);
    }

    List<String> values() {
        return items.stream().map(Text::value).toList();
    }
}
