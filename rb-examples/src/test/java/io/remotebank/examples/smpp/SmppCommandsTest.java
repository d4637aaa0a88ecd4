package io.remotebank.examples.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.remotebank.channels.smpp.simulator.SmscSimulator;
import io.remotebank.examples.CliTest;
import io.remotebank.examples.RbCli;
import io.remotebank.examples.cli.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SmppCommandsTest extends CliTest {

    private final StringWriter simOut = new StringWriter();
    private SmscSimCommand sim;
    private CompletableFuture<Integer> simExit;

    private int startSimulator(String... extra) throws Exception {
        sim = new SmscSimCommand();
        CommandLine cl = RbCli.configure(new CommandLine(sim));
        cl.setOut(new PrintWriter(simOut, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        String[] args = new String[extra.length + 3];
        args[0] = "--port";
        args[1] = "0";
        args[2] = "--json";
        System.arraycopy(extra, 0, args, 3, extra.length);
        simExit = CompletableFuture.supplyAsync(() -> cl.execute(args));
        return sim.ready().get(10, TimeUnit.SECONDS).get("smpp");
    }

    @AfterEach
    void stopSimulator() throws Exception {
        if (sim != null) {
            sim.requestStop();
            assertThat(simExit.get(10, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
        }
    }

    @Test
    void smscSim_announcesItsPort_andSmsSend_countsEveryMessageAndReceipt() throws Exception {
        int port = startSimulator();
        assertThat(simOut.toString()).contains("\"event\":\"ready\"").contains("\"smpp\":" + port);

        // tag::sms-send[]
        int exit = rb(
                "sms-send",
                "--smsc",
                "127.0.0.1:" + port,
                "--system-id",
                "bank",
                "--password",
                "s3cret",
                "--to",
                "13812345678",
                "--text",
                "Your code is 493817",
                "--count",
                "50",
                "--json");
        // end::sms-send[]

        assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.OK);
        JsonNode json = json();
        assertThat(json.get("sent").asInt()).isEqualTo(50);
        assertThat(json.get("acknowledged").asInt()).isEqualTo(50);
        assertThat(json.get("failed").asInt()).isZero();
        assertThat(json.get("receipts").asInt()).isEqualTo(50);
        assertThat(json.get("ratePerSecond").asDouble()).isPositive();
        assertThat(json.get("to").asText()).isEqualTo("+86138****5678");
        assertThat(out.toString() + err).doesNotContain("s3cret").doesNotContain("13812345678");
    }

    @Test
    void smsSend_text_withAPasswordFile_andARate() throws Exception {
        int port = startSimulator();
        Path pw = Files.writeString(dir.resolve("pw"), "s3cret\n");
        int exit = rb(
                "sms-send",
                "--smsc",
                "127.0.0.1:" + port,
                "--system-id",
                "bank",
                "--password-file",
                pw.toString(),
                "--to",
                "13812345678",
                "--text",
                "验证码 493817",
                "--count",
                "5",
                "--rate",
                "500");
        assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .contains("sent 5, acknowledged 5, failed 0, receipts 5")
                .contains("+86138****5678");
    }

    @TempDir
    Path dir;

    @Test
    void refusedMessages_exitWith1() throws Exception {
        int port = startSimulator("--error-rate", "1");
        int exit = smsSendHi(port, "--count", "3", "--receipt-wait-ms", "0", "--json");
        assertThat(exit).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(json().get("failed").asInt()).isEqualTo(3);
    }

    @Test
    void unreachableSmsc_exitsWith3() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        int exit = smsSendHi(port, "--timeout-s", "1");
        assertThat(exit).isEqualTo(ExitCodes.RUNTIME_ERROR);
        assertThat(err.toString())
                .contains("could not bind to 127.0.0.1:" + port + " as bank within 1 s")
                .contains("channels.smpp.not.bound: cannot connect to 127.0.0.1:" + port);
    }

    @Test
    void aRefusedPassword_exitsWith3_atTheFirstRefusal_namingTheStatusAndTheSmsc() throws Exception {
        try (SmscSimulator smsc = SmscSimulator.builder()
                .credentials("bank", "right".toCharArray())
                .build()
                .start()) {
            int exit = rb(
                    "sms-send",
                    "--smsc",
                    "127.0.0.1:" + smsc.port(),
                    "--system-id",
                    "bank",
                    "--password",
                    "wrong",
                    "--to",
                    "13812345678",
                    "--text",
                    "hi",
                    "--timeout-s",
                    "30");

            assertThat(exit).isEqualTo(ExitCodes.RUNTIME_ERROR);
            // Not retried (SMSCs lock accounts after a few wrong passwords): the reason comes at once.
            assertThat(err.toString())
                    .contains("channels.smpp.bind.refused: the SMSC at 127.0.0.1:" + smsc.port())
                    .contains("ESME_RINVPASWD (0x0000000E)")
                    .doesNotContain("wrong");
            assertThat(out.toString()).isEmpty();
        }
    }

    @Test
    void anSmscThatNeverAnswersTheSubmissions_endsTheRunAtTheTimeout_withExit1_namingTheSequence() throws Exception {
        int port = startSimulator("--latency-ms", "60000"); // binds at once, answers submit_sm a minute later
        int exit = smsSendHi(port, "--count", "3", "--timeout-s", "2", "--json");

        assertThat(exit).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(json().get("timedOut").asInt()).isEqualTo(3);
        assertThat(json().get("failed").asInt()).isEqualTo(3);
        assertThat(json().get("firstFailure").asText()).contains("submit_sm sequence 2");
        assertThat(err.toString())
                .contains("channels.smpp.submit.timeout: 3 of 3 messages had no answer within --timeout-s 2")
                .contains("(last sent as submit_sm sequence 2)")
                .doesNotContain("TimeoutException");
    }

    @Test
    void aPeerThatStopsReadingAfterTheBind_cannotHoldTheRunPastItsTimeout() throws Exception {
        try (HostileSmsc peer = HostileSmsc.start(HostileSmsc.After.NOTHING)) {
            // It answers neither submit_sm nor unbind: the run ends anyway, with its report.
            CompletableFuture<Integer> run =
                    CompletableFuture.supplyAsync(() -> smsSendHi(peer.port(), "--timeout-s", "1", "--json"));

            assertThat(run.get(60, TimeUnit.SECONDS)).isEqualTo(ExitCodes.CHECK_FAILED);
            assertThat(json().get("timedOut").asInt()).isEqualTo(1);
            assertThat(err.toString()).contains("channels.smpp.submit.timeout");
        }
    }

    @Test
    void aPeerThatNeverAnswersTheBind_endsTheRunAtTheTimeout_withExit3() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0)) {
            // The kernel accepts the connection; nobody ever reads the bind.
            int exit = smsSendHi(silent.getLocalPort(), "--timeout-s", "1");

            assertThat(exit).isEqualTo(ExitCodes.RUNTIME_ERROR);
            assertThat(err.toString()).contains("could not bind").contains("no answer yet");
        }
    }

    @Test
    void anSmscFloodingDeliverSm_cannotExhaustTheRun_whichEndsAtItsTimeoutAndReports() throws Exception {
        try (HostileSmsc peer = HostileSmsc.start(HostileSmsc.After.FLOOD_DELIVER_SM)) {
            CompletableFuture<Integer> run =
                    CompletableFuture.supplyAsync(() -> smsSendHi(peer.port(), "--timeout-s", "2", "--json"));

            // The flood never lets up, and the SMSC never answers the submit_sm or the unbind.
            assertThat(run.get(60, TimeUnit.SECONDS)).isEqualTo(ExitCodes.CHECK_FAILED);
            assertThat(json().get("timedOut").asInt()).isEqualTo(1);
            assertThat(peer.written()).isPositive();
        }
    }

    @Test
    void badUsage_exitsWith2() {
        assertThat(rb(
                        "sms-send",
                        "--smsc",
                        "nohost",
                        "--system-id",
                        "b",
                        "--password",
                        "p",
                        "--to",
                        "13812345678",
                        "--text",
                        "x"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("HOST:PORT");
        assertThat(rb("sms-send", "--smsc", "h:1", "--system-id", "b", "--to", "13812345678", "--text", "x"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--password");
        assertThat(rb(
                        "sms-send",
                        "--smsc",
                        "h:1",
                        "--system-id",
                        "b",
                        "--password",
                        "p",
                        "--password-env",
                        "X",
                        "--to",
                        "13812345678",
                        "--text",
                        "x"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(rb("sms-send", "--smsc", "h:1", "--system-id", "b", "--password", "p", "--to", "12", "--text", "x"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).doesNotContain("p\n");
        assertThat(rb(
                        "sms-send",
                        "--smsc",
                        "h:1",
                        "--system-id",
                        "b",
                        "--password",
                        "toolongpassword",
                        "--to",
                        "13812345678",
                        "--text",
                        "x"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).doesNotContain("toolongpassword");
    }

    /** {@code rb sms-send} of "hi" to one number, as bank with password pw, to the SMSC on that port. */
    private int smsSendHi(int port, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "sms-send",
                "--smsc",
                "127.0.0.1:" + port,
                "--system-id",
                "bank",
                "--password",
                "pw",
                "--to",
                "13812345678",
                "--text",
                "hi"));
        args.addAll(List.of(more));
        return rb(args.toArray(String[]::new));
    }
}
