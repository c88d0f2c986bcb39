package io.gatehouse.app.policy;

import com.fasterxml.jackson.core.JsonGenerator;
import io.gatehouse.app.cases.EvaluationCase;
import io.gatehouse.policy.engine.Decision;
import io.gatehouse.policy.engine.StatementRef;
import java.io.IOException;

/**
 * Writes one line of {@code eval-cases} output: {@code {"id":…,"decision":…}} plus the explanation the engine
 * gives, or {@code {"id":…,"decision":null,"error":…}}.
 */
final class DecisionJson {

    private DecisionJson() {}

    static void write(JsonGenerator json, EvaluationCase evaluationCase, Decision decision) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", evaluationCase.id());
        if (decision == null) {
            json.writeNullField("decision");
            json.writeStringField("error", evaluationCase.error());
            json.writeEndObject();
            return;
        }
        json.writeStringField("decision", decision.outcome().text());
        if (decision.decidedBy() != null) {
            json.writeStringField("decidedBy", decision.decidedBy().cliName());
        }
        if (decision.serviceRule() != null) {
            json.writeStringField("serviceRule", decision.serviceRule());
        }
        json.writeObjectFieldStart("policyResults");
        for (var entry : decision.results().asMap().entrySet()) {
            json.writeStringField(entry.getKey().cliName(), entry.getValue().name());
        }
        json.writeEndObject();
        json.writeArrayFieldStart("matchedStatements");
        for (StatementRef statement : decision.matchedStatements()) {
            json.writeStartObject();
            json.writeStringField("policyType", statement.policyType().cliName());
            json.writeStringField("policy", statement.policyName());
            json.writeNumberField("index", statement.index());
            if (statement.sid() != null) {
                json.writeStringField("sid", statement.sid());
            }
            json.writeStringField("effect", statement.effect().text());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("missingContextKeys");
        for (String key : decision.missingContextKeys()) {
            json.writeString(key);
        }
        json.writeEndArray();
        if (!evaluationCase.grammarErrors().isEmpty()) {
            json.writeArrayFieldStart("grammarErrors");
            for (String error : evaluationCase.grammarErrors()) {
                json.writeString(error);
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }
}
