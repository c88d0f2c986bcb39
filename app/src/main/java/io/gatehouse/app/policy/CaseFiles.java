package io.gatehouse.app.policy;

import io.gatehouse.app.cases.CaseReader;
import io.gatehouse.app.cases.EvaluationCase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads case files for the policy subcommands; {@code -} is standard input. */
final class CaseFiles {

    private CaseFiles() {}

    static List<EvaluationCase> read(String file) throws IOException {
        try (BufferedReader reader = file.equals("-")
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            return new CaseReader().readAll(reader);
        }
    }
}
