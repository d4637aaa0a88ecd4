package io.remotebank.identity.document;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Validates identity documents before any vendor is called: CN resident identity numbers (GB
 * 11643-1999 with the GB/T 2260 region table), Hong Kong identity card numbers and ICAO 9303
 * machine-readable zones.
 *
 * <p>Results are values: a bad document is a result whose failed checks say why; only bad
 * arguments (null) throw {@link DocumentException}. "Today" (birth dates not in the future, the
 * century of MRZ dates, expiry) comes from the injected clock. Instances are immutable and
 * thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class DocumentValidator {

    private final Clock clock;
    private final RegionCodes regions;

    private DocumentValidator(Clock clock, RegionCodes regions) {
        this.clock = clock;
        this.regions = regions;
    }

    /** The system clock in Asia/Shanghai (the date on which a Chinese customer's birthday falls) and the shipped region table. */
    public static DocumentValidator ofDefaults() {
        return new DocumentValidator(Clock.system(java.time.ZoneId.of("Asia/Shanghai")), RegionCodes.gbt2260());
    }

    /**
     * A validator on the given clock and the shipped region table.
     *
     * @param clock where "today" comes from
     * @return the validator
     */
    public static DocumentValidator withClock(Clock clock) {
        return new DocumentValidator(DocumentException.required(clock, "clock"), RegionCodes.gbt2260());
    }

    /**
     * The same validator with another region table, e.g. a fresher one.
     *
     * @param regions the table
     * @return a new validator
     */
    public DocumentValidator withRegions(RegionCodes regions) {
        return new DocumentValidator(clock, DocumentException.required(regions, "regions"));
    }

    /** The region table in use. */
    public RegionCodes regions() {
        return regions;
    }

    /**
     * Validates a CN resident identity number, 18 characters or the 15-digit legacy form; surrounding
     * white space is ignored.
     *
     * @param number the number as typed or read
     * @return the parts and the checks
     * @throws DocumentException when {@code number} is null
     */
    public CnResidentIdResult cnResidentId(String number) {
        return CnResidentIds.validate(DocumentException.required(number, "number"), today(), regions);
    }

    /**
     * Validates a Hong Kong identity card number, as printed ({@code A123456(3)}) or bare ({@code
     * A1234563}); surrounding white space is ignored.
     *
     * @param number the number
     * @return the parts and the checks
     * @throws DocumentException when {@code number} is null
     */
    public HkIdResult hkId(String number) {
        return HkIds.validate(DocumentException.required(number, "number"));
    }

    /**
     * Validates a machine-readable zone. Lines are taken exactly as given: no character is changed,
     * trimmed or upper-cased; characters OCR probably misread are reported in {@link
     * MrzResult#confusables()}.
     *
     * @param lines two or three lines
     * @return the fields and the checks
     * @throws DocumentException when {@code lines} or one of them is null
     */
    public MrzResult mrz(List<String> lines) {
        DocumentException.required(lines, "lines");
        for (int i = 0; i < lines.size(); i++) {
            DocumentException.required(lines.get(i), "line " + (i + 1));
        }
        return MrzReader.read(List.copyOf(lines), today());
    }

    /**
     * Validates a machine-readable zone.
     *
     * @param lines two or three lines
     * @return the fields and the checks
     * @throws DocumentException when {@code lines} or one of them is null
     */
    public MrzResult mrz(String... lines) {
        return mrz(java.util.Arrays.asList(DocumentException.required(lines, "lines")));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** E.g. {@code DocumentValidator[RegionCodes[6737 codes, 3216 current]]}. */
    @Override
    public String toString() {
        return "DocumentValidator[" + regions + "]";
    }
}
