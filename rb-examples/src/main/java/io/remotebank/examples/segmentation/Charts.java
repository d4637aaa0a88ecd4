package io.remotebank.examples.segmentation;

import java.util.List;
import java.util.Locale;

/**
 * SVG charts drawn as text, inline in a self-contained HTML page: no script, no font, no image and
 * no style sheet is fetched from anywhere. Every label is escaped.
 */
final class Charts {

    private Charts() {}

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String pct(double share) {
        return Double.isNaN(share) ? "–" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** A funnel: one centred bar per stage, its width the stage's count, labelled with count and conversion. */
    static String funnel(List<String> stages, List<Long> reached, List<Double> conversion) {
        int w = 720;
        int rowH = 46;
        int h = stages.size() * rowH + 10;
        long max = Math.max(1, reached.isEmpty() ? 1 : reached.get(0));
        StringBuilder s = svg(w, h, "conversion funnel");
        for (int i = 0; i < stages.size(); i++) {
            double width = Math.max(2, (w - 300) * reached.get(i) / (double) max);
            double x = 130 + ((w - 300) - width) / 2;
            int y = 5 + i * rowH;
            s.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
                    x,
                    y,
                    width,
                    rowH - 8,
                    color(1 - i / (double) Math.max(1, stages.size()))));
            s.append(text(10, y + rowH / 2 + 1, esc(stages.get(i)), "start"));
            String label = String.format(Locale.ROOT, "%,d", reached.get(i))
                    + (i == 0 ? "" : "  (" + pct(conversion.get(i)) + " of previous)");
            s.append(text(w - 160, y + rowH / 2 + 1, esc(label), "start"));
        }
        return s.append("</svg>").toString();
    }

    /** Horizontal bars with a value label each. */
    static String bars(String title, List<String> labels, List<Long> values) {
        int w = 720;
        int rowH = 24;
        int h = labels.size() * rowH + 10;
        long max = 1;
        for (long v : values) {
            max = Math.max(max, v);
        }
        StringBuilder s = svg(w, h, title);
        for (int i = 0; i < labels.size(); i++) {
            int y = 5 + i * rowH;
            double width = Math.max(1, (w - 330) * values.get(i) / (double) max);
            s.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"200\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#3b7dd8\"/>",
                    y,
                    width,
                    rowH - 6));
            s.append(text(195, y + rowH / 2 + 1, esc(labels.get(i)), "end"));
            s.append(text(205 + width, y + rowH / 2 + 1, String.format(Locale.ROOT, "%,d", values.get(i)), "start"));
        }
        return s.append("</svg>").toString();
    }

    /** A heat map: a cell per row and column, its colour the share (0 to 1), its text given. */
    static String heatMap(String title, List<String> rows, List<String> columns, double[][] share, String[][] text) {
        int cellW = Math.max(70, Math.min(110, 600 / Math.max(1, columns.size())));
        int cellH = 22;
        int left = 150;
        int top = 26;
        int w = left + cellW * columns.size() + 10;
        int h = top + cellH * rows.size() + 10;
        StringBuilder s = svg(w, h, title);
        for (int c = 0; c < columns.size(); c++) {
            s.append(text(left + c * cellW + cellW / 2, 16, esc(columns.get(c)), "middle"));
        }
        for (int r = 0; r < rows.size(); r++) {
            int y = top + r * cellH;
            s.append(text(left - 6, y + cellH / 2 + 1, esc(rows.get(r)), "end"));
            for (int c = 0; c < columns.size(); c++) {
                int x = left + c * cellW;
                double v = share[r][c];
                s.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"#fff\"/>",
                        x,
                        y,
                        cellW,
                        cellH,
                        Double.isNaN(v) ? "#eeeeee" : color(v)));
                s.append(text(x + cellW / 2, y + cellH / 2 + 1, esc(text[r][c]), "middle"));
            }
        }
        return s.append("</svg>").toString();
    }

    private static StringBuilder svg(int w, int h, String title) {
        return new StringBuilder(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\""
                        + " aria-label=\"%s\" font-family=\"sans-serif\" font-size=\"12\">",
                w,
                h,
                w,
                h,
                esc(title)));
    }

    private static String text(double x, double y, String escaped, String anchor) {
        return String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" dominant-baseline=\"middle\">%s</text>",
                x,
                y,
                anchor,
                escaped);
    }

    /** From pale (0) to deep blue (1). */
    static String color(double share) {
        double t = Math.max(0, Math.min(1, share));
        int r = (int) Math.round(230 - t * 190);
        int g = (int) Math.round(240 - t * 130);
        int b = (int) Math.round(250 - t * 50);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }
}
