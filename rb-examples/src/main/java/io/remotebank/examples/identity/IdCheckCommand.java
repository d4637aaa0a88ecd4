package io.remotebank.examples.identity;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remotebank.core.pii.Mask;
import io.remotebank.examples.cli.Echo;
import io.remotebank.examples.cli.ExitCodes;
import io.remotebank.examples.cli.Json;
import io.remotebank.examples.cli.OutputOptions;
import io.remotebank.identity.document.Check;
import io.remotebank.identity.document.CnResidentIdResult;
import io.remotebank.identity.document.Confusable;
import io.remotebank.identity.document.DocumentCheck;
import io.remotebank.identity.document.DocumentValidator;
import io.remotebank.identity.document.HkIdResult;
import io.remotebank.identity.document.MrzResult;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rb id-check}: validates a CN resident ID, a Hong Kong ID or an ICAO 9303 MRZ. */
@API(status = EXPERIMENTAL, since = "0.1")
@Command(
        name = "id-check",
        mixinStandardHelpOptions = true,
        description = {
            "Validate an identity document before any vendor is called: a CN resident identity number",
            "(GB 11643, region against GB/T 2260), a Hong Kong identity card number, or a passport, ID card",
            "or visa machine-readable zone (ICAO 9303 TD1, TD2, TD3, MRV-A, MRV-B). Prints the parsed fields",
            "(personal data masked unless --unmasked; a value longer than 64 characters is shortened) and",
            "every check; exits with 1 when any check fails. Control characters in the input are refused (2)."
        })
public final class IdCheckCommand implements Callable<Integer> {

    private static final String MASK = Mask.FULLY_MASKED;

    /** Exactly one document. */
    static final class Document {
        @Option(
                names = "--cn-id",
                paramLabel = "NUMBER",
                description = "A CN resident identity number (18 or 15 characters).")
        String cnId;

        @Option(
                names = "--hk-id",
                paramLabel = "NUMBER",
                description = "A Hong Kong identity card number, e.g. A123456(3).")
        String hkId;

        @Option(
                names = "--mrz",
                arity = "2..3",
                paramLabel = "LINE",
                description = "The machine-readable zone: 2 lines (TD2, TD3, visas) or 3 (TD1); quote each line.")
        List<String> mrz;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Document document;

    @Option(
            names = "--today",
            paramLabel = "YYYY-MM-DD",
            description =
                    "Validate as of this date (default: today in Asia/Shanghai); decides expiry and future dates.")
    String today;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Spec
    CommandSpec spec;

    /** For picocli. */
    public IdCheckCommand() {}

    @Override
    public Integer call() {
        requirePrintable();
        DocumentValidator validator = DocumentValidator.withClock(clock());
        Report report;
        if (document.cnId != null) {
            report = cn(validator.cnResidentId(document.cnId));
        } else if (document.hkId != null) {
            report = hk(validator.hkId(document.hkId));
        } else {
            report = mrz(validator.mrz(document.mrz));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            out.println(Json.document(report.json()));
        } else {
            report.print(out);
        }
        return report.result.valid() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    /** An escape sequence in an argument would otherwise be echoed to the terminal (exit code 2). */
    private void requirePrintable() {
        CommandLine cl = spec.commandLine();
        if (document.cnId != null) {
            Echo.requirePrintable(cl, "--cn-id", document.cnId);
        }
        if (document.hkId != null) {
            Echo.requirePrintable(cl, "--hk-id", document.hkId);
        }
        if (document.mrz != null) {
            for (int i = 0; i < document.mrz.size(); i++) {
                Echo.requirePrintable(cl, "--mrz line " + (i + 1), document.mrz.get(i));
            }
        }
        if (today != null) {
            Echo.requirePrintable(cl, "--today", today);
        }
    }

    private Clock clock() {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        if (today == null) {
            return Clock.system(zone);
        }
        try {
            return Clock.fixed(LocalDate.parse(today).atStartOfDay(zone).toInstant(), zone);
        } catch (DateTimeParseException e) {
            throw new ParameterException(
                    spec.commandLine(), "--today expects YYYY-MM-DD, got '" + Echo.bounded(today) + "'");
        }
    }

    private boolean unmasked() {
        return output.unmasked();
    }

    private String date(Optional<LocalDate> date) {
        return date.map(d -> unmasked() ? d.toString() : MASK).orElse("");
    }

    private Report cn(CnResidentIdResult r) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("number", unmasked() ? r.number() : r.maskedNumber());
        fields.put("legacy15", String.valueOf(r.legacy15()));
        fields.put(
                "region",
                r.region()
                        .map(c -> unmasked() ? c.toString() : MASK + (c.historical() ? " (historical)" : " (current)"))
                        .orElse(""));
        fields.put("birthDate", date(r.birthDate()));
        fields.put("sex", r.sex().name());
        return new Report("cn-resident-id", "CN resident identity number (GB 11643)", fields, r, List.of());
    }

    private Report hk(HkIdResult r) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("number", unmasked() ? r.printed() : r.maskedNumber());
        return new Report("hk-id", "Hong Kong identity card number", fields, r, List.of());
    }

    private Report mrz(MrzResult r) {
        return mrzReport(r, unmasked());
    }

    /** The MRZ report, shared with {@code rb ocr-mrz}: fields masked unless {@code unmasked}. */
    static Report mrzReport(MrzResult r, boolean unmasked) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("format", r.format().map(Enum::name).orElse("unrecognised"));
        fields.put("documentCode", r.documentCode());
        fields.put("issuingState", r.issuingState());
        fields.put("name", unmasked ? r.name() : Mask.name(r.name().replace(",", "")));
        fields.put("documentNumber", unmasked ? r.documentNumber() : Mask.idNumber(r.documentNumber()));
        fields.put("nationality", r.nationality());
        fields.put(
                "birthDate",
                r.birthDate().map(d -> unmasked ? d.toString() : MASK).orElse(""));
        fields.put("sex", r.sex().name());
        fields.put("expiryDate", r.expiryDate().map(LocalDate::toString).orElse(""));
        fields.put("optionalData", unmasked || r.optionalData().isEmpty() ? r.optionalData() : MASK);
        fields.put("optionalData2", unmasked || r.optionalData2().isEmpty() ? r.optionalData2() : MASK);
        return new Report("mrz", "ICAO 9303 machine-readable zone", fields, r, r.confusables());
    }

    /** What one document printed as, text or JSON. */
    record Report(
            String kind, String title, Map<String, String> fields, DocumentCheck result, List<Confusable> confusables) {

        void print(PrintWriter out) {
            out.println("Document:    " + title);
            fields.forEach((name, value) -> out.printf("%-12s %s%n", name + ":", Echo.bounded(value)));
            out.println("Checks:");
            for (Check check : result.checks()) {
                out.println("  " + check);
            }
            for (Confusable c : confusables) {
                out.println("  OCR?  " + c);
            }
            long failed = result.failures().size();
            out.println("Result:      " + (failed == 0 ? "VALID" : "INVALID (" + failed + " check(s) failed)"));
        }

        ObjectNode json() {
            ObjectNode json = Json.object().put("document", kind).put("valid", result.valid());
            ObjectNode f = json.putObject("fields");
            fields.forEach((name, value) -> f.put(name, Echo.bounded(value)));
            ArrayNode checks = json.putArray("checks");
            for (Check check : result.checks()) {
                checks.addObject()
                        .put("name", check.name())
                        .put("passed", check.passed())
                        .put("reason", check.reason());
            }
            ArrayNode ocr = json.putArray("confusables");
            for (Confusable c : confusables) {
                ocr.addObject()
                        .put("line", c.line())
                        .put("column", c.column())
                        .put("field", c.field())
                        .put("found", String.valueOf(c.found()))
                        .put("suggested", String.valueOf(c.suggested()));
            }
            return json;
        }
    }
}
