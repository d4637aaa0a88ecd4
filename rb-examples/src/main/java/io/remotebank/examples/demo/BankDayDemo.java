package io.remotebank.examples.demo;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remotebank.core.CustomerId;
import io.remotebank.core.audit.Actor;
import io.remotebank.core.audit.AuditEvent;
import io.remotebank.core.audit.AuditStores;
import io.remotebank.core.audit.AuditTrail;
import io.remotebank.core.audit.AuditVerification;
import io.remotebank.core.audit.AuditVerifier;
import io.remotebank.core.audit.Checkpoint;
import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.crypto.FieldEncryption;
import io.remotebank.core.crypto.KeyId;
import io.remotebank.core.crypto.KeyProviders;
import io.remotebank.core.crypto.PublicKeyInfo;
import io.remotebank.core.pii.Mask;
import io.remotebank.core.pii.PiiKind;
import io.remotebank.core.pii.Sensitive;
import io.remotebank.core.spi.AuditStore;
import io.remotebank.core.spi.KeyProvider;
import io.remotebank.examples.cli.ExitCodes;
import io.remotebank.examples.cli.Json;
import io.remotebank.examples.cli.OutputOptions;
import io.remotebank.identity.document.Check;
import io.remotebank.identity.document.CnResidentIdResult;
import io.remotebank.identity.document.DocumentValidator;
import io.remotebank.identity.document.MrzResult;
import io.remotebank.segmentation.model.Evaluator;
import io.remotebank.segmentation.model.Result;
import io.remotebank.segmentation.pmml.PmmlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * {@code rb demo bank-day}, the main demo: a scripted day in a small remote bank, in one process, on
 * the SDK's embedded defaults and through public APIs only. Its code is meant to be read: each act
 * shows how a bank wires one module to the others.
 *
 * <ol>
 *   <li>A customer asks for a video call to open an account; their ID number and passport MRZ are
 *       validated (rb-identity-verify), and a second customer's bad ID number is refused with the
 *       reason.
 *   <li>A propensity scorecard (PMML, rb-segmentation) scores both; the score becomes the routing
 *       priority of the call in the routing engine (rb-routing), where agents with skills and
 *       languages serve a morning's queue. The first agent offered the call misses it, the call
 *       keeps its place, the second agent accepts.
 *   <li>The customer's app calls the agent's endpoint over SIP on loopback (rb-video-signaling):
 *       INVITE with an SDP offer, the answer, ACK, a DTMF INFO, BYE.
 *   <li>Messages go out through the messaging API (rb-channels) and the SMPP client to the SMSC
 *       simulator: a notification with its delivery receipt, a marketing message suppressed for want
 *       of consent, and one deferred by quiet hours at 21:00.
 *   <li>Every decision is in one SM2-signed SM3 audit trail (rb-core), verified at the end with
 *       nothing but the public key.
 * </ol>
 *
 * <p>The console shows the narrative with the bank's time; {@code report.html} in the report
 * directory holds the same story with charts. The run exits 0 only when every step happened as
 * scripted.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class BankDayDemo implements Demo {

    /** The bank's zone: quiet hours and the narrative's times are in Beijing time. */
    static final ZoneId BANK_ZONE = ZoneId.of("Asia/Shanghai");

    /** The scripted day starts on Monday 30 November 2026 at 09:00 in Beijing. */
    static final Instant DAY_START =
            LocalDateTime.of(2026, 11, 30, 9, 0).atZone(BANK_ZONE).toInstant();

    static final int ACTS = 5;

    private final Path reportDirectory;

    /** The demo as {@code rb demo} runs it: the report goes to {@code target/rb-demo}. */
    public BankDayDemo() {
        this(Path.of("target", "rb-demo"));
    }

    /**
     * A demo that writes its report and audit trail under the given directory.
     *
     * @param reportDirectory where {@code report.html} and the audit trail go; created if needed
     */
    public BankDayDemo(Path reportDirectory) {
        this.reportDirectory = reportDirectory;
    }

    @Override
    public String name() {
        return "bank-day";
    }

    @Override
    public String summary() {
        return "a day in a small remote bank: ID checks, scoring, routing, a SIP video call, SMS, the audit trail";
    }

    @Override
    public int run(PrintWriter out, PrintWriter err, OutputOptions output) throws Exception {
        Outcome outcome = play(out, output);
        if (output.json()) {
            out.println(Json.document(outcome.toJson()));
        } else {
            out.println();
            out.println(
                    outcome.passed()
                            ? "Every step happened as scripted."
                            : "Some steps did not happen as scripted; see UNEXPECTED above.");
            out.println("Report: " + outcome.report().toAbsolutePath());
        }
        out.flush();
        return outcome.passed() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    /**
     * Plays the day and writes the report.
     *
     * @param out where the narrative goes (nothing is printed in JSON mode)
     * @param output {@code --json} / {@code --unmasked}
     * @return what happened
     * @throws Exception when a module fails in a way the script does not expect
     */
    public Outcome play(PrintWriter out, OutputOptions output) throws Exception {
        Path auditDirectory = reportDirectory.resolve("audit-trail");
        Path outboxDirectory = reportDirectory.resolve("outbox");
        Demos.deleteRecursively(auditDirectory); // each run starts a fresh day
        Demos.deleteRecursively(outboxDirectory);
        Files.createDirectories(auditDirectory);
        Files.createDirectories(outboxDirectory);

        DemoClock clock = new DemoClock(DAY_START, BANK_ZONE);
        Narrator narrator = new Narrator(out, output.json(), clock, ACTS);
        Checks checks = new Checks(narrator);
        Customers customers = new Customers();

        // One audit trail for the whole bank: SM3 hashes, SM2-signed checkpoints, keys in memory.
        CryptoSuite suite = CryptoSuite.sm();
        KeyProvider keys = KeyProviders.inMemory();
        KeyId signer = KeyId.of("audit/signer");
        keys.generate(signer, suite.signingKeyType());
        PublicKeyInfo publicKey = keys.publicKey(signer);

        DemoReport report = new DemoReport();
        try (AuditTrail trail = AuditTrail.builder(AuditStores.directory(auditDirectory))
                .suite(suite)
                .signer(keys, signer)
                .fieldEncryption(FieldEncryption.create(keys, suite)) // personal data encrypted per customer (SM4)
                .clock(clock)
                .scheduler(clock.scheduler()) // its group commit and time checkpoints on the day's time
                .groupCommitInterval(Duration.ofSeconds(1)) // appends do not wait for it; fewer wake-ups
                .checkpointEvery(100)
                .open()) {
            checks.act(1);
            narrator.act("Video account opening: identity documents");
            identity(clock, trail, narrator, checks, customers);

            checks.act(2);
            narrator.act("Scoring and routing the video call");
            scores(trail, narrator, checks, customers, report);
            RoutingAct routing = new RoutingAct(clock, trail, narrator, checks, customers);
            RoutingAct.Connected connected = routing.playMorning(report);

            checks.act(3);
            narrator.act("The video call over SIP on loopback");
            new CallAct(trail, narrator, checks, customers, report).play(connected);
            routing.finish(connected, report);

            checks.act(4);
            narrator.act("Messages: SMS through SMPP, consent and quiet hours");
            new MessagingAct(
                            clock,
                            trail,
                            narrator,
                            checks,
                            customers,
                            report,
                            SmsChannel.smppToSimulator(),
                            outboxDirectory)
                    .play();

            checks.act(5);
            narrator.act("The audit trail");
            Checkpoint checkpoint = trail.checkpoint();
            narrator.say(checkpoint.size() + " events, signed with SM2 by " + checkpoint.keyId());
            report.auditRoot(checkpoint.root(), checkpoint.size());
        }
        AuditVerification verification;
        try (AuditStore store = AuditStores.directoryReadOnly(auditDirectory)) {
            verification = AuditVerifier.trusting(publicKey).verify(store);
        }
        checks.expect(
                "the audit trail verifies with nothing but the public key",
                verification.intact(),
                verification.intact() ? "intact" : verification.problems().toString());
        narrator.say("verified with the public key alone: " + (verification.intact() ? "INTACT" : "TAMPERED") + ", "
                + verification.anchoredSize() + " events anchored");
        narrator.say("root (SM3): " + report.auditRoot());

        Path html = report.write(reportDirectory.resolve("report.html"), narrator.lines(), checks.all());
        return new Outcome(checks.allPassed(), html, report.auditRoot(), checks.all(), report);
    }

    // ---------------------------------------------------------------- act 1: identity documents

    private static void identity(
            DemoClock clock, AuditTrail trail, Narrator narrator, Checks checks, Customers customers) {
        DocumentValidator validator = DocumentValidator.withClock(clock);

        Customers.Applicant zhang = customers.zhang();
        narrator.say(Mask.name(zhang.name()) + " opens the bank's app and asks to open an account by video.");
        CnResidentIdResult id = validator.cnResidentId(zhang.idNumber());
        MrzResult passport = validator.mrz(zhang.mrz());
        narrator.say("ID number " + id.maskedNumber() + ": " + verdict(id.valid(), id.failures()));
        narrator.say("passport MRZ (" + passport.format().map(Enum::name).orElse("unknown layout") + ", "
                + passport.nationality() + "): " + verdict(passport.valid(), passport.failures()));
        checks.expect(
                "the first customer's ID number and passport MRZ are valid",
                id.valid() && passport.valid(),
                id.failures() + " " + passport.failures());
        auditDocuments(trail, zhang, id.valid() && passport.valid(), "all checks passed");

        Customers.Applicant zhao = customers.zhao();
        narrator.say(Mask.name(zhao.name()) + " asks too, and types an ID number with a wrong last character.");
        CnResidentIdResult bad = validator.cnResidentId(zhao.idNumber());
        String reason = bad.failures().stream().map(Check::toString).findFirst().orElse("none");
        narrator.say("ID number " + bad.maskedNumber() + ": refused, " + reason);
        checks.expect(
                "the second customer's ID number is refused with the check character as the reason",
                !bad.valid() && bad.failures().stream().anyMatch(c -> c.name().equals("check-character")),
                bad.failures().toString());
        auditDocuments(trail, zhao, bad.valid(), reason);
    }

    private static String verdict(boolean valid, List<Check> failures) {
        return valid ? "valid" : "REFUSED " + failures;
    }

    private static void auditDocuments(AuditTrail trail, Customers.Applicant who, boolean accepted, String reason) {
        trail.append(AuditEvent.builder("identity.document.checked", Actor.system("video-account-opening"))
                .subject(who.id())
                .detail("decision", accepted ? "accepted" : "refused")
                .detail("reason", reason)
                .detail("idNumber", Sensitive.of(who.idNumber(), PiiKind.ID_NUMBER))
                .build());
    }

    // ---------------------------------------------------------------- act 2a: scoring

    private static void scores(
            AuditTrail trail, Narrator narrator, Checks checks, Customers customers, DemoReport report)
            throws IOException {
        Evaluator scorecard;
        try (InputStream pmml = BankDayDemo.class.getResourceAsStream("account-opening-propensity.pmml")) {
            if (pmml == null) {
                throw new IOException("the demo's scorecard account-opening-propensity.pmml is missing from the jar");
            }
            scorecard = PmmlReader.ofDefaults().read(pmml);
        }
        Result result = scorecard.newResult();
        for (Customers.Applicant applicant : List.of(customers.zhang(), customers.zhao())) {
            scorecard.score(applicant.features(), result);
            double score = result.number(result.indexOf("score"));
            String reason = result.isMissing(result.indexOf("reason1")) ? "-" : result.text(result.indexOf("reason1"));
            applicant.score(score);
            report.score(Mask.name(applicant.name()), score, reason);
            narrator.say("propensity of " + Mask.name(applicant.name()) + ": " + fmt(score) + " (first reason code "
                    + reason + ")");
            trail.append(AuditEvent.builder("segmentation.score.computed", Actor.system("account-opening-propensity"))
                    .subject(applicant.id())
                    .detail("model", "AccountOpeningPropensity")
                    .detail("score", fmt(score))
                    .detail("reason", reason)
                    .build());
        }
        checks.expect(
                "the scorecard ranks the applicant with income and products above the one without",
                customers.zhang().score() > customers.zhao().score(),
                fmt(customers.zhang().score()) + " vs " + fmt(customers.zhao().score()));
    }

    static String fmt(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format("%.2f", value);
    }

    /**
     * What the day produced.
     *
     * @param passed whether every scripted step happened
     * @param report the HTML report
     * @param auditRoot the audit trail's SM3 root at the end of the day (hex)
     * @param checks every expectation of the script with what was observed
     * @param figures the day's figures
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public record Outcome(boolean passed, Path report, String auditRoot, List<Expectation> checks, DemoReport figures) {

        /** Copies the list. */
        public Outcome {
            checks = List.copyOf(checks);
        }

        ObjectNode toJson() {
            ObjectNode root = Json.object()
                    .put("demo", "bank-day")
                    .put("passed", passed)
                    .put("report", report.toAbsolutePath().toString())
                    .put("auditRoot", auditRoot);
            ArrayNode steps = root.putArray("checks");
            for (Expectation check : checks) {
                steps.addObject()
                        .put("act", check.act())
                        .put("expectation", check.text())
                        .put("passed", check.passed())
                        .put("observed", check.observed());
            }
            ObjectNode messages = root.putObject("messages");
            figures.messageOutcomes().forEach(messages::put);
            return root;
        }
    }

    /** The day's customers; they are all invented, their documents made to pass or fail. */
    static final class Customers {
        private final Applicant zhang = new Applicant(
                CustomerId.of("C30001"),
                "张伟",
                "110105199003150017",
                List.of("P<CHNZHANG<<WEI<<<<<<<<<<<<<<<<<<<<<<<<<<<<<", "E123456782CHN9003152M3306208<<<<<<<<<<<<<<06"),
                Map.of("age", 36, "monthlyIncome", 25_000.0, "productsHeld", 1, "channel", "app"),
                "13812345678");
        private final Applicant zhao = new Applicant(
                CustomerId.of("C30002"),
                "赵敏",
                "440305198507220043",
                List.of(),
                Map.of("age", 22, "monthlyIncome", 6_000.0, "productsHeld", 0, "channel", "wechat"),
                "13912345678");
        private final Applicant li =
                new Applicant(CustomerId.of("C10077"), "李娜", "", List.of(), Map.of(), "13712345678");

        /** The customer who opens an account. */
        Applicant zhang() {
            return zhang;
        }

        /** The customer whose ID number is refused. */
        Applicant zhao() {
            return zhao;
        }

        /** An existing customer who never consented to marketing. */
        Applicant li() {
            return li;
        }

        /** One customer of the day. */
        static final class Applicant {
            private final CustomerId id;
            private final String name;
            private final String idNumber;
            private final List<String> mrz;
            private final Map<String, Object> features;
            private final String mobile;
            private volatile double score = Double.NaN;

            Applicant(
                    CustomerId id,
                    String name,
                    String idNumber,
                    List<String> mrz,
                    Map<String, Object> features,
                    String mobile) {
                this.id = id;
                this.name = name;
                this.idNumber = idNumber;
                this.mrz = mrz;
                this.features = features;
                this.mobile = mobile;
            }

            CustomerId id() {
                return id;
            }

            String name() {
                return name;
            }

            String idNumber() {
                return idNumber;
            }

            List<String> mrz() {
                return mrz;
            }

            Map<String, Object> features() {
                return features;
            }

            String mobile() {
                return mobile;
            }

            double score() {
                return score;
            }

            void score(double value) {
                this.score = value;
            }

            @Override
            public String toString() {
                return id + " " + Mask.name(name);
            }
        }
    }
}
