package io.gatehouse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.app.cases.CaseReader;
import io.gatehouse.app.cases.EvaluationCase;
import io.gatehouse.policy.PolicyType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark inputs: the case files {@code bench-small.jsonl} (one 3-statement identity policy) and
 * {@code bench-realistic.jsonl} (10 identity policies of 10 statements plus a permissions boundary), in the case
 * format of {@code ../shared/policy-eval/FORMAT.md}, shipped as resources of this module. Benchmarks name a file by
 * its short name, {@code small} or {@code realistic}.
 */
final class BenchmarkInputs {

    /** The policy kinds of the case format whose entries are lists of {@code {name, document}}. */
    private static final Map<String, PolicyType> POLICY_LISTS = Map.of(
            "identity", PolicyType.IDENTITY,
            "permissionsBoundary", PolicyType.BOUNDARY,
            "session", PolicyType.SESSION,
            "endpoint", PolicyType.ENDPOINT);

    private BenchmarkInputs() {}

    /**
     * Reads and compiles every case of a file. Fails when a case cannot be decided, so that a benchmark never
     * silently measures fewer cases than the file holds.
     */
    static List<EvaluationCase> cases(String file) {
        List<EvaluationCase> cases;
        try (BufferedReader reader = open(file)) {
            cases = new CaseReader().readAll(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (EvaluationCase c : cases) {
            if (!c.isDecidable()) {
                throw new IllegalStateException("case " + c.id() + " of " + file + ": " + c.error());
            }
        }
        return cases;
    }

    /** A policy document as JSON text, with the role it plays. */
    record PolicyText(PolicyType type, String json) {}

    /**
     * Every distinct identity, boundary, session and endpoint policy document of a file, once, in order of first
     * appearance (the benchmark files hold identity policies and a boundary).
     */
    static List<PolicyText> policyDocuments(String file) {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, PolicyText> distinct = new LinkedHashMap<>();
        try (BufferedReader reader = open(file)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode policies = mapper.readTree(line).path("policies");
                List<PolicyText> found = new ArrayList<>();
                POLICY_LISTS.forEach((field, type) -> policies.path(field).forEach(
                        named -> found.add(new PolicyText(type, named.path("document").toString()))));
                found.forEach(p -> distinct.putIfAbsent(p.type() + p.json(), p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(distinct.values());
    }

    private static BufferedReader open(String file) {
        String resource = "/bench-" + file + ".jsonl";
        InputStream in = BenchmarkInputs.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("no benchmark input " + resource);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
