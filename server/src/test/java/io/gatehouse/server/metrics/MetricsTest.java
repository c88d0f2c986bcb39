package io.gatehouse.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.policy.engine.Outcome;
import io.gatehouse.server.error.AwsError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The metrics as a scrape shows them, read by the rules of the Prometheus text format. */
class MetricsTest {

    private final Metrics metrics = new Metrics();
    private final RequestMetrics iam = metrics.service("iam", List.of("CreateUser", "GetUser"));

    @Test
    void requestsAreCountedByActionStatusAndErrorCode() {
        iam.operation("CreateUser").record(null, 1_000);
        iam.operation("CreateUser").record(null, 1_000);
        iam.operation("CreateUser").record(AwsError.ENTITY_ALREADY_EXISTS, 1_000);
        iam.operation("GetUser").record(AwsError.NO_SUCH_ENTITY, 1_000);

        PrometheusScrape scrape = PrometheusScrape.parse(metrics.scrape());
        assertThat(scrape.value("gatehouse_requests_total", "service", "iam", "action", "CreateUser", "status", "200"))
                .isEqualTo(2);
        assertThat(scrape.value("gatehouse_requests_total", "service", "iam", "action", "CreateUser", "status", "409",
                "error_code", "EntityAlreadyExists")).isEqualTo(1);
        assertThat(scrape.value("gatehouse_requests_total", "service", "iam", "action", "GetUser", "status", "404",
                "error_code", "NoSuchEntity")).isEqualTo(1);
        assertThat(scrape.samples().stream().filter(s -> s.name().equals("gatehouse_requests_total"))).hasSize(3);
        assertThat(scrape.types()).containsEntry("gatehouse_requests_total", "counter")
                .containsEntry("gatehouse_request_duration_seconds", "histogram")
                .containsEntry("gatehouse_authorization_decisions_total", "counter");
    }

    @Test
    void anActionTheServiceDoesNotHaveIsCountedAsUnknownSoNoClientMakesSeries() {
        iam.operation("DropAllTables\"}").record(AwsError.INVALID_ACTION, 1_000);
        iam.operation(null).record(AwsError.MISSING_ACTION, 1_000);

        PrometheusScrape scrape = PrometheusScrape.parse(metrics.scrape());
        assertThat(scrape.value("gatehouse_requests_total", "service", "iam", "action", "unknown", "status", "400",
                "error_code", "InvalidAction")).isEqualTo(1);
        assertThat(scrape.value("gatehouse_requests_total", "service", "iam", "action", "unknown", "status", "400",
                "error_code", "MissingAction")).isEqualTo(1);
        assertThat(metrics.scrape()).doesNotContain("DropAllTables");
    }

    @Test
    void latencyFallsIntoTheFirstBucketItDoesNotExceed() {
        iam.operation("GetUser").record(null, 100_000);      // exactly 0.1 ms
        iam.operation("GetUser").record(null, 100_001);      // just above
        iam.operation("GetUser").record(null, 3_000_000);    // 3 ms
        iam.operation("GetUser").record(null, 60_000_000_000L); // a minute: above every bound

        PrometheusScrape scrape = PrometheusScrape.parse(metrics.scrape());
        String name = "gatehouse_request_duration_seconds_bucket";
        assertThat(scrape.value(name, "service", "iam", "action", "GetUser", "le", "0.0001")).isEqualTo(1);
        assertThat(scrape.value(name, "service", "iam", "action", "GetUser", "le", "0.00025")).isEqualTo(2);
        assertThat(scrape.value(name, "service", "iam", "action", "GetUser", "le", "0.0025")).isEqualTo(2);
        assertThat(scrape.value(name, "service", "iam", "action", "GetUser", "le", "0.005")).isEqualTo(3);
        assertThat(scrape.value(name, "service", "iam", "action", "GetUser", "le", "10")).isEqualTo(3);
        assertThat(scrape.value(name, "service", "iam", "action", "GetUser", "le", "+Inf")).isEqualTo(4);
        assertThat(scrape.value("gatehouse_request_duration_seconds_count", "service", "iam", "action", "GetUser"))
                .isEqualTo(4);
        assertThat(scrape.value("gatehouse_request_duration_seconds_sum", "service", "iam", "action", "GetUser"))
                .isCloseTo(60.003200001, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(scrape.samples()).as("operations without requests show no histogram")
                .noneMatch(s -> "CreateUser".equals(s.labels().get("action")));
    }

    @Test
    void decisionsAreCountedByActionAndResult() {
        metrics.authorizations().record("iam:GetUser", Outcome.ALLOWED);
        metrics.authorizations().record("iam:GetUser", Outcome.EXPLICITLY_DENIED);
        metrics.authorizations().record("iam:CreateUser", Outcome.IMPLICITLY_DENIED);

        PrometheusScrape scrape = PrometheusScrape.parse(metrics.scrape());
        String name = "gatehouse_authorization_decisions_total";
        assertThat(scrape.value(name, "action", "iam:GetUser", "result", "allow")).isEqualTo(1);
        assertThat(scrape.value(name, "action", "iam:GetUser", "result", "explicit_deny")).isEqualTo(1);
        assertThat(scrape.value(name, "action", "iam:CreateUser", "result", "implicit_deny")).isEqualTo(1);
        assertThat(scrape.samples().stream().filter(s -> s.name().equals(name))).hasSize(3);
    }

    @Test
    void processAndJvmBasicsAreThere() {
        PrometheusScrape scrape = PrometheusScrape.parse(metrics.scrape());
        assertThat(scrape.types()).containsKeys("process_cpu_seconds_total", "process_start_time_seconds",
                "jvm_memory_used_bytes", "jvm_threads_current", "jvm_gc_collections_total", "jvm_runtime_info");
        assertThat(scrape.value("jvm_memory_used_bytes", "area", "heap")).isPositive();
        assertThat(scrape.value("process_start_time_seconds")).isPositive();
    }

    @Test
    void labelValuesAndHelpAreEscaped() {
        assertThat(PrometheusText.labels("a", "x\"y\\z\nw")).isEqualTo("a=\"x\\\"y\\\\z\\nw\"");
        PrometheusText text = new PrometheusText();
        text.family("m", "gauge", "back\\slash and\nnewline");
        text.sample("m", PrometheusText.labels("a", "q\"uote"), 1.5);
        PrometheusScrape scrape = PrometheusScrape.parse(text.text());
        assertThat(scrape.helps()).containsEntry("m", "back\\\\slash and\\nnewline");
        assertThat(scrape.samples()).singleElement().satisfies(s -> {
            assertThat(s.labels()).containsEntry("a", "q\"uote");
            assertThat(s.value()).isEqualTo(1.5);
        });
    }

    @Test
    void numbersAreWrittenInTheFormatsSyntax() {
        assertThat(PrometheusText.number(3.0)).isEqualTo("3");
        assertThat(PrometheusText.number(0.00025)).isEqualTo("2.5E-4");
        assertThat(PrometheusText.number(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(PrometheusText.number(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
        assertThat(PrometheusText.number(Double.NaN)).isEqualTo("NaN");
    }

    @Test
    void theFormatReaderRefusesWhatPrometheusWouldRefuse() {
        assertThatThrownBy(() -> PrometheusScrape.parse("x 1\n")).hasMessageContaining("no declared family");
        assertThatThrownBy(() -> PrometheusScrape.parse("# HELP x h\n# TYPE x gauge\nx{a=b} 1\n"))
                .hasMessageContaining("malformed labels");
        assertThatThrownBy(() -> PrometheusScrape.parse("# HELP x h\n# TYPE x gauge\nx one\n"))
                .hasMessageContaining("not a number");
        assertThatThrownBy(() -> PrometheusScrape.parse("# TYPE x gauge\nx 1\n")).hasMessageContaining("no HELP");
        assertThatThrownBy(() -> PrometheusScrape.parse("# HELP x h\n# TYPE x gauge\nx 1\nx 2\n"))
                .hasMessageContaining("appeared before");
        assertThatThrownBy(() -> PrometheusScrape.parse(
                "# HELP x h\n# TYPE x gauge\n# HELP y h\n# TYPE y gauge\nx 1\ny 1\nx{a=\"b\"} 1\n"))
                .hasMessageContaining("stand together");
        assertThatThrownBy(() -> PrometheusScrape.parse("# HELP h h\n# TYPE h histogram\nh_bucket{le=\"1\"} 2\n"
                + "h_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 1\n")).hasMessageContaining("cumulative");
        assertThatThrownBy(() -> PrometheusScrape.parse("# HELP h h\n# TYPE h histogram\nh_bucket{le=\"1\"} 1\n"
                + "h_bucket{le=\"+Inf\"} 2\nh_sum 1\nh_count 3\n")).hasMessageContaining("_count");
    }
}
