package io.remotebank.segmentation.rfm;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.segmentation.rules.SegmentRule;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The usual named RFM segments as an ordinary rule set over {@code r_score}, {@code f_score} and
 * {@code m_score}: a bank that wants other names or cuts copies {@link #DEFAULT} and changes it, or
 * writes its own rules file. Every score triple falls in exactly one segment.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RfmSegments {

    private RfmSegments() {}

    /** The default segments, highest priority first. */
    // tag::rfm-segments[]
    public static final List<SegmentRule> DEFAULT = List.of(
            new SegmentRule("champions", 110, "r_score >= 4 && f_score >= 4 && m_score >= 4"),
            new SegmentRule("loyal", 100, "r_score >= 3 && f_score >= 4"),
            new SegmentRule("cannot_lose_them", 90, "r_score <= 2 && f_score >= 4 && m_score >= 4"),
            new SegmentRule("at_risk", 80, "r_score <= 2 && f_score >= 3"),
            new SegmentRule("potential_loyalists", 70, "r_score >= 4 && f_score >= 2"),
            new SegmentRule("new_customers", 60, "r_score >= 4 && f_score == 1"),
            new SegmentRule("need_attention", 50, "r_score == 3 && f_score >= 2"),
            new SegmentRule("promising", 40, "r_score == 3 && f_score == 1"),
            new SegmentRule("about_to_sleep", 30, "r_score == 2"),
            new SegmentRule("hibernating", 20, "r_score == 1 && (f_score >= 2 || m_score >= 2)"),
            new SegmentRule("lost", 10, "r_score == 1"));
    // end::rfm-segments[]
}
