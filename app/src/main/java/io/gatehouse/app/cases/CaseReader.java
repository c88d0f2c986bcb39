package io.gatehouse.app.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.policy.engine.Outcome;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads cases in the engine-neutral JSON Lines format ({@code ../shared/policy-eval/FORMAT.md}) and compiles
 * each into an {@link EvaluationCase}. A case that cannot be read becomes a case with an error; reading never
 * stops at a bad case.
 */
public final class CaseReader {

    private final ObjectMapper mapper = new ObjectMapper();

    /** Reads every non-blank line of {@code reader}. */
    public List<EvaluationCase> readAll(BufferedReader reader) throws IOException {
        List<EvaluationCase> cases = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (!line.isBlank()) {
                cases.add(read(line, number));
            }
        }
        return cases;
    }

    /** Reads one line; {@code lineNumber} names the case when its id cannot be read. */
    public EvaluationCase read(String line, int lineNumber) {
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (JsonProcessingException e) {
            return new EvaluationCase("line-" + lineNumber, List.of(), null, null, null, List.of(),
                    "line " + lineNumber + " is not JSON: " + e.getOriginalMessage());
        }
        String id = node.path("id").asText("line-" + lineNumber);
        List<String> tags = new ArrayList<>();
        node.path("tags").forEach(t -> tags.add(t.asText()));
        Outcome expected = outcome(node.path("expected").path("decision").asText(null));
        return new CaseCompiler(mapper, id, tags, expected).compile(node);
    }

    private static Outcome outcome(String text) {
        if (text == null) {
            return null;
        }
        for (Outcome outcome : Outcome.values()) {
            if (outcome.text().equals(text)) {
                return outcome;
            }
        }
        return null;
    }
}
