package io.remotebank.examples.segmentation;

import io.remotebank.segmentation.funnel.FunnelReport;
import io.remotebank.segmentation.funnel.KeyMoment;
import io.remotebank.segmentation.funnel.StageStats;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The HTML report of {@code rb funnel}: one self-contained page, SVG charts inline. */
final class FunnelPage {

    private FunnelPage() {}

    static String render(FunnelReport report, long[][] flows, List<String> tiers, String source, LocalDate asOf) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append(
                        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
                .append("<title>Conversion funnel</title><style>body{font-family:sans-serif;margin:24px;color:#222}")
                .append(
                        "h2{margin-top:32px}table{border-collapse:collapse}td,th{padding:3px 10px;border-bottom:1px solid")
                .append(" #ddd;text-align:right}td:first-child,th:first-child{text-align:left}</style></head><body>\n");
        h.append("<h1>Conversion funnel</h1><p>")
                .append(Charts.esc(String.format("%,d customers from %s, as of %s.", report.customers(), source, asOf)))
                .append("</p>\n");
        List<Long> reached = new ArrayList<>();
        List<Double> conversion = new ArrayList<>();
        report.overall().forEach(s -> {
            reached.add(s.reached());
            conversion.add(s.conversion());
        });
        h.append("<h2>Funnel</h2>").append(Charts.funnel(report.stages(), reached, conversion));
        report.keyMoment()
                .ifPresent(k ->
                        h.append("<p>").append(Charts.esc(moment("Overall", k))).append("</p>"));
        h.append(table(report.overall()));

        h.append("<h2>Cohorts (month of ")
                .append(Charts.esc(report.stages().get(0)))
                .append(")</h2>");
        List<String> months = new ArrayList<>(report.byCohort().keySet());
        double[][] share = new double[months.size()][report.stages().size()];
        String[][] text = new String[months.size()][report.stages().size()];
        for (int r = 0; r < months.size(); r++) {
            List<Long> counts = report.byCohort().get(months.get(r));
            for (int c = 0; c < counts.size(); c++) {
                share[r][c] = counts.get(0) == 0 ? Double.NaN : counts.get(c) / (double) counts.get(0);
                text[r][c] = c == 0 ? String.format("%,d", counts.get(c)) : Charts.pct(share[r][c]);
            }
        }
        h.append(Charts.heatMap("cohort heat map", months, report.stages(), share, text));

        if (!report.bySegment().isEmpty()) {
            h.append("<h2>Segments</h2>");
            List<String> names = new ArrayList<>();
            List<Long> sizes = new ArrayList<>();
            for (Map.Entry<String, List<StageStats>> e : report.bySegment().entrySet()) {
                names.add(e.getKey().isEmpty() ? "(none)" : e.getKey());
                sizes.add(e.getValue().get(0).reached());
            }
            h.append(Charts.bars("segment sizes", names, sizes));
            h.append("<ul>");
            report.bySegment()
                    .keySet()
                    .forEach(s -> report.keyMoment(s)
                            .ifPresent(k -> h.append("<li>")
                                    .append(Charts.esc(moment(s.isEmpty() ? "(none)" : s, k)))
                                    .append("</li>")));
            h.append("</ul>");
        }
        if (flows != null) {
            h.append("<h2>Growth ladder: tier flows (last quarter → now)</h2>");
            double[][] share2 = new double[tiers.size()][tiers.size()];
            String[][] text2 = new String[tiers.size()][tiers.size()];
            for (int i = 0; i < tiers.size(); i++) {
                long row = 0;
                for (long v : flows[i]) {
                    row += v;
                }
                for (int j = 0; j < tiers.size(); j++) {
                    share2[i][j] = row == 0 ? Double.NaN : flows[i][j] / (double) row;
                    text2[i][j] = String.format("%,d", flows[i][j]);
                }
            }
            h.append(Charts.heatMap("tier flows", tiers, tiers, share2, text2));
            h.append("<p>Rows: last quarter's tier; columns: this quarter's, by the retail ladder (promotion at once,")
                    .append(" demotion beyond 10% below a tier's minimums).</p>");
        }
        return h.append("</body></html>\n").toString();
    }

    private static String moment(String who, KeyMoment k) {
        return who + ": the key moment is " + k.from() + " → " + k.to() + ", which keeps " + Charts.pct(k.conversion())
                + String.format(" (%,d lost)", k.lost());
    }

    private static String table(List<StageStats> stats) {
        StringBuilder t = new StringBuilder("<table><tr><th>stage</th><th>reached</th><th>of previous</th>"
                + "<th>of first</th><th>drop-off</th><th>median days</th></tr>");
        for (StageStats s : stats) {
            t.append("<tr><td>")
                    .append(Charts.esc(s.stage()))
                    .append("</td><td>")
                    .append(String.format("%,d", s.reached()))
                    .append("</td><td>")
                    .append(Charts.pct(s.conversion()))
                    .append("</td><td>")
                    .append(Charts.pct(s.fromStart()))
                    .append("</td><td>")
                    .append(String.format("%,d", s.dropOff()))
                    .append("</td><td>")
                    .append(
                            s.medianDays().isPresent()
                                    ? String.format("%.0f", s.medianDays().getAsDouble())
                                    : "–")
                    .append("</td></tr>");
        }
        return t.append("</table>").toString();
    }
}
