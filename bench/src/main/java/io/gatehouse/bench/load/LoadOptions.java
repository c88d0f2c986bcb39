package io.gatehouse.bench.load;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The load driver's command line.
 *
 * @param targets     the servers by label, in the order they are measured within a round
 * @param serverPids  process ids of servers by label, for their CPU time (optional)
 */
record LoadOptions(Map<String, URI> targets, Map<String, Long> serverPids, String accessKeyId,
                   String secretAccessKey, String region, List<Scenario> scenarios, Duration warmup,
                   Duration duration, int connections, int users, int rounds) {

    static final String USAGE = """
            usage: LoadDriver --target LABEL=http://HOST:PORT [--target LABEL=URL ...] | --endpoint URL
                              [--access-key ID] [--secret-key SECRET] [--region us-east-1]
                              [--scenarios GetUser,ListUsers,GetCallerIdentity,CreateUser+DeleteUser,AssumeRole,RoleSession:GetCallerIdentity]
                              [--duration SECONDS] [--warmup SECONDS] [--connections N] [--users N]
                              [--rounds N] [--pid LABEL=PID ...]
              Credentials default to AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY. With two targets the report
              gives the ratio of the first to the second. --pid lets the report give the server's CPU per call.""";

    static LoadOptions parse(String[] args, Map<String, String> environment) {
        Map<String, URI> targets = new LinkedHashMap<>();
        Map<String, Long> pids = new LinkedHashMap<>();
        String accessKey = environment.get("AWS_ACCESS_KEY_ID");
        String secret = environment.get("AWS_SECRET_ACCESS_KEY");
        String region = "us-east-1";
        List<Scenario> scenarios = Arrays.asList(Scenario.values());
        Duration warmup = Duration.ofSeconds(5);
        Duration duration = Duration.ofSeconds(20);
        int connections = 16;
        int users = 100;
        int rounds = 1;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                throw new IllegalArgumentException("");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value of " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--target" -> targets.put(label(value), uri(value.substring(value.indexOf('=') + 1)));
                case "--endpoint" -> targets.put("server", uri(value));
                case "--pid" -> pids.put(label(value), Long.parseLong(value.substring(value.indexOf('=') + 1)));
                case "--access-key" -> accessKey = value;
                case "--secret-key" -> secret = value;
                case "--region" -> region = value;
                case "--scenarios", "--scenario" -> {
                    List<Scenario> chosen = new ArrayList<>();
                    for (String name : value.split(",")) {
                        chosen.add(Scenario.parse(name.strip()));
                    }
                    scenarios = chosen;
                }
                case "--duration" -> duration = Duration.ofSeconds(positive(option, value));
                case "--warmup" -> warmup = Duration.ofSeconds(nonNegative(option, value));
                case "--connections" -> connections = positive(option, value);
                case "--users" -> users = positive(option, value);
                case "--rounds" -> rounds = positive(option, value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("name a server with --target or --endpoint");
        }
        if (accessKey == null || secret == null) {
            throw new IllegalArgumentException("give credentials with --access-key and --secret-key");
        }
        if (users > 100) {
            throw new IllegalArgumentException("--users is at most 100, ListUsers' default page");
        }
        return new LoadOptions(Collections.unmodifiableMap(targets), Map.copyOf(pids), accessKey, secret, region,
                List.copyOf(scenarios), warmup, duration, connections, users, rounds);
    }

    private static String label(String value) {
        int equals = value.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException("expected LABEL=VALUE, not " + value);
        }
        return value.substring(0, equals);
    }

    private static URI uri(String text) {
        URI uri = URI.create(text);
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("an endpoint is http://HOST:PORT, not " + text);
        }
        return uri;
    }

    private static int nonNegative(String option, String value) {
        int n = Integer.parseInt(value);
        if (n < 0) {
            throw new IllegalArgumentException(option + " must not be negative");
        }
        return n;
    }

    private static int positive(String option, String value) {
        int n = Integer.parseInt(value);
        if (n <= 0) {
            throw new IllegalArgumentException(option + " must be positive");
        }
        return n;
    }
}
