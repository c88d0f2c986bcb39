package io.gatehouse.policy.parse;

/**
 * One string of the document (a JSON number or boolean in a condition is kept as its JSON text).
 *
 * @param value the string
 * @param path  where it is, e.g. {@code Statement[1].Action[0]}
 * @param at    where its value starts in the text
 */
record Text(String value, String path, Position at) {}
