package io.remotebank.segmentation.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.segmentation.profile.ProfileBatch;
import io.remotebank.segmentation.rules.RuleSet;
import io.remotebank.segmentation.rules.SegmentRule;
import io.remotebank.testsupport.PeerPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The German Credit data (Debian's {@code weka} ships it as {@code credit-g.arff}) as a real input:
 * read through {@link ArffInput} and segmented by rules. {@code -Drb.germanCredit=FILE} points at
 * another copy; without the file the test is skipped, or fails with {@code RB_REQUIRE_PEERS=1}.
 */
class GermanCreditIT {

    static final Path DEBIAN = Path.of("/usr/share/doc/weka/examples/credit-g.arff");

    @Test
    void germanCredit_readsAThousandApplicants_andSegmentsThem() throws IOException {
        Path file = Path.of(System.getProperty("rb.germanCredit", DEBIAN.toString()));
        if (!Files.isReadable(file)) {
            PeerPolicy.fromEnvironment().missing("no " + file + " (Debian package weka)");
        }
        try (ArffInput in = ArffInput.open(file)) {
            assertThat(in.relation()).isEqualTo("german_credit");
            assertThat(in.schema().size()).isEqualTo(21);
            RuleSet rules = RuleSet.compile(
                    in.schema(),
                    List.of(
                            new SegmentRule("overdrawn-long", 3, "checking_status == '<0' && duration > 24.0"),
                            new SegmentRule("no-savings", 2, "savings_status == 'no known savings'"),
                            new SegmentRule("young", 1, "age < 25.0")));
            ProfileBatch b = in.schema().newBatch(256);
            long rows = 0;
            long good = 0;
            long[] segments = new long[4];
            int classField = in.schema().indexOf("class");
            for (int n; (n = in.next(b)) > 0; ) {
                int[] seg = new int[n];
                rules.assign(b, Instant.EPOCH, seg);
                for (int r = 0; r < n; r++) {
                    segments[seg[r] + 1]++;
                    if ("good".equals(b.texts(classField)[r])) {
                        good++;
                    }
                }
                rows += n;
            }
            // the data set's documented shape: 1,000 applicants, 700 good and 300 bad
            assertThat(rows).isEqualTo(1000);
            assertThat(good).isEqualTo(700);
            assertThat(segments[1] + segments[2] + segments[3]).isPositive();
        }
    }
}
