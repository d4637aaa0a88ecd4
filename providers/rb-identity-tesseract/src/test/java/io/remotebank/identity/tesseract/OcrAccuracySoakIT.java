package io.remotebank.identity.tesseract;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.identity.spi.OcrResult;
import io.remotebank.identity.spi.Outcome;
import io.remotebank.testsupport.RequiresCommand;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The accuracy on the rendered set quoted in docs/benchmarks.md: ICAO's TD3 and TD1 specimens and 38
 * synthetic zones (TD3 and TD1 alternately, correct check digits), each level, rotated by +2.5 and
 * -3 degrees, and with 2% noise: 160 images, about a minute of tesseract. Run it with {@code
 * ./mvnw -Psoak -pl providers/rb-identity-tesseract -am verify -Dit.test=OcrAccuracySoakIT
 * -Dsurefire.failIfNoSpecifiedTests=false -Dtest=none}.
 */
@RequiresCommand(value = "tesseract", debianPackage = "tesseract-ocr")
class OcrAccuracySoakIT {

    private record Variant(String name, double degrees, double noise) {}

    @Test
    void renderedSet_isReadExactlyMostOfTheTime() {
        TesseractOcr ocr = TesseractOcr.builder()
                .clock(Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC))
                .build();
        List<List<String>> zones = new ArrayList<>(List.of(Specimens.TD3, Specimens.TD1));
        zones.addAll(Specimens.synthetic(38, 2026));
        List<Variant> variants = List.of(
                new Variant("level", 0, 0),
                new Variant("rotated +2.5", 2.5, 0),
                new Variant("rotated -3", -3, 0),
                new Variant("noise 2%", 0, 0.02));
        Map<String, int[]> figures = new LinkedHashMap<>(); // exact, pass, count
        int exact = 0;
        int total = 0;
        int seed = 0;
        for (Variant v : variants) {
            int[] f = new int[3];
            for (List<String> zone : zones) {
                OcrResult r = ocr.readNow(MrzImages.render(zone, v.degrees(), v.noise(), seed++));
                boolean same = r.revealMrz().equals(zone);
                f[0] += same ? 1 : 0;
                f[1] += r.check().outcome() == Outcome.PASS ? 1 : 0;
                f[2]++;
                if (!same) {
                    System.err.println(v.name() + ": expected " + zone + " read " + r.revealMrz() + " "
                            + r.check().outcome() + " " + r.corrections());
                }
            }
            figures.put(v.name(), f);
            exact += f[0];
            total += f[2];
        }
        figures.forEach((name, f) -> System.out.printf(
                "OCR accuracy %-13s exact %d/%d (%.1f%%), PASS %d/%d%n",
                name, f[0], f[2], 100.0 * f[0] / f[2], f[1], f[2]));
        System.out.printf("OCR accuracy overall exact %d/%d (%.1f%%)%n", exact, total, 100.0 * exact / total);

        assertThat(exact).isGreaterThanOrEqualTo(total * 3 / 4);
    }
}
