package io.gatehouse.policy.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads policy JSON text into a {@link JsonNode} tree with positions, under limits that keep hostile
 * input from exhausting memory or stack.
 *
 * <p>The grammar is strict RFC 8259 JSON (no comments, no single quotes, no trailing commas, nothing
 * after the root value). A name repeated in one object is kept twice; the structure reader refuses it.
 */
final class JsonTreeReader {

    /**
     * Deepest nesting read. A valid policy nests six levels (document, Statement array, statement,
     * Condition, operator, value array); anything deeper is a structure error whatever it holds.
     */
    static final int MAX_DEPTH = 32;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxDocumentLength(PolicyReader.MAX_DOCUMENT_CHARS)
                    .maxNumberLength(PolicyReader.MAX_DOCUMENT_CHARS)
                    .maxStringLength(PolicyReader.MAX_DOCUMENT_CHARS)
                    .maxNameLength(PolicyReader.MAX_DOCUMENT_CHARS)
                    .build())
            .build();

    private JsonTreeReader() {}

    /** The outcome: the root value, or the place of the first syntax error. */
    sealed interface Result {
        record Tree(JsonNode root) implements Result {}

        record SyntaxError(Position at) implements Result {}
    }

    static Result read(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Result.SyntaxError(position(parser.currentLocation()));
            }
            JsonNode root = readValue(parser);
            if (parser.nextToken() != null) {
                return new Result.SyntaxError(position(parser.currentTokenLocation()));
            }
            return new Result.Tree(root);
        } catch (JsonProcessingException e) {
            return new Result.SyntaxError(position(e.getLocation()));
        } catch (IOException e) {
            // Reading from a String does no I/O; a parser failure surfaces here as a syntax error.
            return new Result.SyntaxError(Position.DOCUMENT);
        }
    }

    /** Reads the value whose first token is current; recursion depth is bounded by {@link #MAX_DEPTH}. */
    private static JsonNode readValue(JsonParser parser) throws IOException {
        Position at = position(parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        if (token == null) {
            throw new JsonSyntax(parser, "unexpected end of input");
        }
        return switch (token) {
            case START_OBJECT -> readObject(parser, at);
            case START_ARRAY -> readArray(parser, at);
            case VALUE_STRING -> new JsonNode.Str(parser.getText(), at);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new JsonNode.Num(parser.getText(), at);
            case VALUE_TRUE -> new JsonNode.Bool(true, at);
            case VALUE_FALSE -> new JsonNode.Bool(false, at);
            case VALUE_NULL -> new JsonNode.Null(at);
            default -> throw new JsonSyntax(parser, "unexpected token " + token);
        };
    }

    private static JsonNode readObject(JsonParser parser, Position at) throws IOException {
        List<JsonNode.Member> members = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            Position nameAt = position(parser.currentTokenLocation());
            parser.nextToken();
            members.add(new JsonNode.Member(name, nameAt, readValue(parser)));
        }
        if (token != JsonToken.END_OBJECT) {
            throw new JsonSyntax(parser, "unterminated object");
        }
        return new JsonNode.Obj(members, at);
    }

    private static JsonNode readArray(JsonParser parser, Position at) throws IOException {
        List<JsonNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(readValue(parser)); // a null token (end of input) fails in readValue
        }
        return new JsonNode.Arr(items, at);
    }

    private static Position position(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return Position.DOCUMENT;
        }
        return new Position(location.getLineNr(), Math.max(1, location.getColumnNr()));
    }

    /** A token the grammar does not allow where it stands (the parser reports most such cases itself). */
    private static final class JsonSyntax extends JsonProcessingException {
        private static final long serialVersionUID = 1L;

        JsonSyntax(JsonParser parser, String message) {
            super(message, parser.currentTokenLocation());
        }
    }
}
