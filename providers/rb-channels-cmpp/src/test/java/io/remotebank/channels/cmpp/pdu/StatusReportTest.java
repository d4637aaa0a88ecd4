package io.remotebank.channels.cmpp.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.channels.MessageStatus;
import io.remotebank.channels.cmpp.CmppError;
import io.remotebank.channels.cmpp.CmppException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CMPP 3.0 section 7.4.5.1: the status report in a DELIVER and its Stat codes. */
class StatusReportTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "DELIVRD, DELIVERED, DELIVERED",
        "EXPIRED, EXPIRED, EXPIRED",
        "DELETED, DELETED, FAILED",
        "UNDELIV, UNDELIVERABLE, FAILED",
        "REJECTD, REJECTED, FAILED",
        "MK:0001, GATEWAY_ERROR, FAILED",
        "DB:0008, GATEWAY_ERROR, FAILED"
    })
    void finalStat_mapsToItsOutcomeAndMessageStatus(String stat, ReportOutcome outcome, MessageStatus status) {
        assertThat(ReportOutcome.of(stat)).isEqualTo(outcome);
        assertThat(outcome.messageStatus()).contains(status);
    }

    @ParameterizedTest
    @CsvSource({"ACCEPTD, ACCEPTED", "UNKNOWN, UNKNOWN"})
    void nonFinalStat_hasNoMessageStatus(String stat, ReportOutcome outcome) {
        assertThat(ReportOutcome.of(stat)).isEqualTo(outcome);
        assertThat(outcome.messageStatus()).isEmpty();
    }

    @Test
    void report_tellsItsVersionByLengthAndSurvivesTheRoundTrip() {
        StatusReport report =
                new StatusReport(0xc3d6d792d687beefL, "UNDELIV", "2612072145", "2612072146", "13800138000", 7);

        assertThat(report.encode(CmppVersion.V3_0)).hasSize(71);
        assertThat(report.encode(CmppVersion.V2_0)).hasSize(60);
        assertThat(StatusReport.decode(report.encode(CmppVersion.V3_0))).isEqualTo(report);
        assertThat(StatusReport.decode(report.encode(CmppVersion.V2_0))).isEqualTo(report);
    }

    @Test
    void reportOfAnotherLength_isRefused() {
        assertThatThrownBy(() -> StatusReport.decode(new byte[70]))
                .isInstanceOfSatisfying(
                        CmppException.class, e -> assertThat(e.code()).isEqualTo(CmppError.REPORT_INVALID));
    }

    @Test
    void toString_masksTheNumber() {
        StatusReport report = new StatusReport(1, "DELIVRD", "2612072145", "2612072146", "13800138000", 7);

        assertThat(report.toString()).contains("138****8000").doesNotContain("13800138000");
        assertThat(Deliver.ofReport(1, 2, "1065712345", "13800138000", report, CmppVersion.V3_0)
                        .toString())
                .doesNotContain("13800138000");
    }
}
