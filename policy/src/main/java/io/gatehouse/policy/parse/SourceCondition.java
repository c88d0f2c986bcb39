package io.gatehouse.policy.parse;

/**
 * One condition key under one operator as read: {@code "StringLike": {"s3:prefix": ["home/*"]}}.
 *
 * @param operator the operator name and where it is
 * @param key      the condition key and where it is
 * @param values   the values (JSON numbers and booleans as their text)
 */
record SourceCondition(Text operator, Text key, TextList values) {}
