package io.gatehouse.server.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import io.gatehouse.server.iam.CredentialReportLifecycle.Generate;
import io.gatehouse.server.state.CredentialReport;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The report's states against the clock: no report, a generation under way or abandoned, a report within its four
 * hours and one past them, as GenerateCredentialReport and GetCredentialReport see each.
 */
class CredentialReportLifecycleTest {

    private static final Instant T = Instant.parse("2026-03-04T05:06:07Z");
    private static final CredentialReport GENERATING = CredentialReport.startedAt(T);
    private static final CredentialReport DONE = GENERATING.completed(T.plusSeconds(1), "user,arn");

    @Test
    void withoutAReportGenerateStartsOneSayingNoneExistsAndGetSaysItIsNotPresent() {
        Generate first = CredentialReportLifecycle.onGenerate(null, T);
        assertThat(first).isEqualTo(Generate.STARTED_FIRST);
        assertThat(first.starts()).isTrue();
        assertThat(first.state()).isEqualTo("STARTED");
        assertThat(first.description()).isEqualTo("No report exists. Starting a new report generation task");
        assertThat(error(null, T)).isEqualTo(AwsError.REPORT_NOT_PRESENT);
    }

    @Test
    void whileAGenerationIsUnderWayGenerateAnswersInProgressAndGetReportInProgress() {
        Instant later = T.plus(CredentialReport.GENERATION_TIMEOUT).minusSeconds(1);
        Generate again = CredentialReportLifecycle.onGenerate(GENERATING, later);
        assertThat(again).isEqualTo(Generate.IN_PROGRESS);
        assertThat(again.starts()).isFalse();
        assertThat(again.state()).isEqualTo("INPROGRESS");
        assertThat(error(GENERATING, later)).isEqualTo(AwsError.REPORT_IN_PROGRESS);
    }

    @Test
    void aGenerationPastItsTimeoutIsAbandonedAndReplacedAsIfThereWereNoReport() {
        Instant timedOut = T.plus(CredentialReport.GENERATION_TIMEOUT);
        assertThat(CredentialReportLifecycle.onGenerate(GENERATING, timedOut)).isEqualTo(Generate.STARTED_FIRST);
        assertThat(error(GENERATING, timedOut)).isEqualTo(AwsError.REPORT_NOT_PRESENT);
    }

    @Test
    void aReportServesForFourHoursDuringWhichGenerateMakesNoOther() {
        Instant last = DONE.generated().plus(Duration.ofHours(4)).minusSeconds(1);
        Generate again = CredentialReportLifecycle.onGenerate(DONE, last);
        assertThat(again).isEqualTo(Generate.COMPLETE);
        assertThat(again.starts()).isFalse();
        assertThat(again.state()).isEqualTo("COMPLETE");
        assertThat(again.description()).isNull();
        assertThat(CredentialReportLifecycle.readable(DONE, last)).isSameAs(DONE);
    }

    @Test
    void afterFourHoursTheReportHasExpiredAndGenerateStartsANewOne() {
        Instant expired = DONE.generated().plus(Duration.ofHours(4));
        Generate again = CredentialReportLifecycle.onGenerate(DONE, expired);
        assertThat(again).isEqualTo(Generate.STARTED_AGAIN);
        assertThat(again.starts()).isTrue();
        assertThat(again.state()).isEqualTo("STARTED");
        assertThat(again.description()).isNull();
        assertThat(error(DONE, expired)).isEqualTo(AwsError.REPORT_EXPIRED);
    }

    @Test
    void theErrorsCarryIamsCodesAndStatuses() {
        assertThat(AwsError.REPORT_NOT_PRESENT.code()).isEqualTo("ReportNotPresent");
        assertThat(AwsError.REPORT_NOT_PRESENT.status()).isEqualTo(410);
        assertThat(AwsError.REPORT_IN_PROGRESS.code()).isEqualTo("ReportInProgress");
        assertThat(AwsError.REPORT_IN_PROGRESS.status()).isEqualTo(404);
        assertThat(AwsError.REPORT_EXPIRED.code()).isEqualTo("ReportExpired");
        assertThat(AwsError.REPORT_EXPIRED.status()).isEqualTo(410);
    }

    private static AwsError error(CredentialReport stored, Instant now) {
        AwsException thrown = catchThrowableOfType(AwsException.class,
                () -> CredentialReportLifecycle.readable(stored, now));
        assertThat(thrown).isNotNull();
        return thrown.error();
    }
}
