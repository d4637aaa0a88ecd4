package io.remotebank.examples.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.remotebank.examples.CliTest;
import io.remotebank.examples.cli.ExitCodes;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KycCommandTest extends CliTest {

    @TempDir
    Path dir;

    @Test
    void pass_printsEveryStepAndTheDecision_exitZero() {
        // tag::kyc-pass[]
        int exit = rb("kyc", "--flow", "class2", "--simulate", "pass");
        // end::kyc-pass[]

        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .contains(
                        "document-ocr", "document-validation", "registry", "liveness", "face-match", "Decision:  pass")
                .doesNotContain("ERIKSSON", "L898902C3");
    }

    @Test
    void vendorDown_showsEveryAttemptOnTheDownRegistryAndTheFailover_json() throws IOException {
        assertThat(rb("kyc", "--simulate", "vendor-down", "--json")).isEqualTo(ExitCodes.OK);

        JsonNode json = json();
        assertThat(json.get("decision").asText()).isEqualTo("pass");
        assertThat(json.get("attempts").findValuesAsText("vendor")).contains("sim-registry-a", "sim-registry-b");
        assertThat(json.get("attempts").findValues("vendor").stream()
                        .filter(v -> v.asText().equals("sim-registry-a"))
                        .count())
                .isGreaterThan(1); // retried before failing over
        assertThat(json.get("audit").toString()).contains("identity.attempt.recorded");
    }

    @Test
    void review_decisionIsReview_exitZero() throws IOException {
        assertThat(rb("kyc", "--simulate", "review", "--json")).isEqualTo(ExitCodes.OK);

        JsonNode json = json();
        assertThat(json.get("decision").asText()).isEqualTo("review");
        assertThat(json.get("status").asText()).isEqualTo("awaiting_review");
    }

    @Test
    void fail_exitsOne() throws IOException {
        assertThat(rb("kyc", "--simulate", "fail", "--json")).isEqualTo(ExitCodes.CHECK_FAILED);

        assertThat(json().get("decision").asText()).isEqualTo("fail");
    }

    @Test
    void unknownScenario_isAUsageError() {
        assertThat(rb("kyc", "--simulate", "maybe")).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).contains("expected pass, review, fail or vendor-down");
    }

    @Test
    void review_listsTheCaseFromTheStore_andDecidesIt() throws IOException {
        Path store = dir.resolve("flows.log");
        assertThat(rb("kyc", "--flow", "video", "--simulate", "pass", "--store", store.toString(), "--json"))
                .isEqualTo(ExitCodes.OK);
        String flow = json().get("flow").asText();

        // tag::kyc-review[]
        int listed = rb("kyc", "review", "--store", store.toString());
        // end::kyc-review[]
        assertThat(listed).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("1 case(s) awaiting review", flow);

        assertThat(rb(
                        "kyc",
                        "review",
                        "--store",
                        store.toString(),
                        "--decide",
                        flow,
                        "--verdict",
                        "pass",
                        "--reason",
                        "witnessed on video",
                        "--reviewer",
                        "A-wang",
                        "--json"))
                .isEqualTo(ExitCodes.OK);
        assertThat(json().get("decidedBy").asText()).isEqualTo("reviewer:A-wang");

        assertThat(rb("kyc", "review", "--store", store.toString(), "--json")).isEqualTo(ExitCodes.OK);
        assertThat(json().get("pending")).isEmpty();
    }

    @Test
    void review_ofAFlowNotAwaitingReview_isAUsageError() {
        Path store = dir.resolve("flows.log");
        assertThat(rb("kyc", "--simulate", "pass", "--store", store.toString())).isEqualTo(ExitCodes.OK);

        assertThat(rb(
                        "kyc",
                        "review",
                        "--store",
                        store.toString(),
                        "--decide",
                        "kyc-unknown",
                        "--verdict",
                        "pass",
                        "--reason",
                        "x",
                        "--reviewer",
                        "A-wang"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("does not await review");
    }

    @Test
    void review_withoutAStore_isAUsageError() {
        assertThat(rb("kyc", "review", "--store", dir.resolve("none.log").toString()))
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void review_ofAStoreAnotherProcessHasOpen_isRefused_exitThree() {
        Path store = dir.resolve("flows.log");
        assertThat(rb("kyc", "--flow", "video", "--simulate", "pass", "--store", store.toString()))
                .isEqualTo(ExitCodes.OK);

        try (io.remotebank.identity.flow.FlowStores.FileStore held =
                io.remotebank.identity.flow.FlowStores.file(store)) {
            assertThat(rb("kyc", "review", "--store", store.toString())).isEqualTo(ExitCodes.RUNTIME_ERROR);
        }
        assertThat(err.toString()).contains("is open in another process or store");
    }
}
