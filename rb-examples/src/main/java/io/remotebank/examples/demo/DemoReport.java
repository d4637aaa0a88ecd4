package io.remotebank.examples.demo;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The bank day's figures and its self-contained HTML report: the narrative, the script's checks and
 * three SVG charts (the routing queue over the morning, the message outcomes, the scores). No
 * scripts, fonts or images are fetched: the file can be mailed or archived as it is.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class DemoReport {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /**
     * A customer's score.
     *
     * @param customer the customer, masked
     * @param score the propensity score
     * @param reason the first reason code
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public record Score(String customer, double score, String reason) {}

    /**
     * The routing queue's length at one moment.
     *
     * @param at when
     * @param waiting calls waiting (including offered ones)
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public record QueueSample(Instant at, int waiting) {}

    private final List<Score> scores = new ArrayList<>();
    private final List<QueueSample> queue = new ArrayList<>();
    private final Map<String, Integer> messageOutcomes = new LinkedHashMap<>();
    private final List<String> sipLadder = new ArrayList<>();
    private long arrived;
    private long answered;
    private long abandoned;
    private double serviceLevel = Double.NaN;
    private Instant starArrival;
    private String auditRoot = "";
    private long auditSize;

    DemoReport() {}

    void score(String customer, double score, String reason) {
        scores.add(new Score(customer, score, reason));
    }

    void queueSample(Instant at, int waiting) {
        queue.add(new QueueSample(at, waiting));
    }

    void starArrival(Instant at) {
        starArrival = at;
    }

    void routing(long arrived, long answered, long abandoned, double serviceLevel) {
        this.arrived = arrived;
        this.answered = answered;
        this.abandoned = abandoned;
        this.serviceLevel = serviceLevel;
    }

    void message(String outcome) {
        messageOutcomes.merge(outcome, 1, Integer::sum);
    }

    void sip(String line) {
        sipLadder.add(line);
    }

    void auditRoot(String root, long size) {
        this.auditRoot = root;
        this.auditSize = size;
    }

    /** @return the scores, in the order computed */
    public List<Score> scores() {
        return List.copyOf(scores);
    }

    /** @return the queue's length every 15 seconds of the morning */
    public List<QueueSample> queue() {
        return List.copyOf(queue);
    }

    /** @return how many messages ended how ("delivered", "suppressed", "deferred"...) */
    public Map<String, Integer> messageOutcomes() {
        return Map.copyOf(messageOutcomes);
    }

    /** @return the SIP messages of the video call, in order, one line each */
    public List<String> sipLadder() {
        return List.copyOf(sipLadder);
    }

    /** @return the audit trail's SM3 root (hex) at the end of the day */
    public String auditRoot() {
        return auditRoot;
    }

    Path write(Path file, List<Narrator.Line> lines, List<Expectation> checks) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, html(lines, checks), StandardCharsets.UTF_8);
        return file;
    }

    private String html(List<Narrator.Line> lines, List<Expectation> checks) {
        boolean passed = !checks.isEmpty() && checks.stream().allMatch(Expectation::passed);
        StringBuilder h = new StringBuilder(32_768);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>RemoteBank SDK: a bank day</title><style>")
                .append("body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:980px;color:#1b1f24}")
                .append("h1{font-size:1.6em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ddd}")
                .append("table{border-collapse:collapse;width:100%}td,th{padding:3px 8px;border-bottom:1px solid #eee;")
                .append("text-align:left;vertical-align:top}.pass{color:#1a7f37}.fail{color:#cf222e;font-weight:bold}")
                .append("code,pre{font:12px ui-monospace,monospace}.t{color:#57606a;white-space:nowrap}")
                .append(".grid{display:flex;flex-wrap:wrap;gap:24px}svg text{font:11px system-ui,sans-serif}")
                .append("</style></head><body>\n");
        h.append("<h1>A day in a small remote bank</h1>\n<p>")
                .append(
                        passed
                                ? "<span class=\"pass\">Every step happened as scripted.</span>"
                                : "<span class=\"fail\">Some steps did not happen as scripted.</span>")
                .append(" Audit trail: ")
                .append(auditSize)
                .append(" events, SM3 root <code>")
                .append(esc(auditRoot))
                .append("</code>.</p>\n");

        h.append("<h2>The routing queue over the morning</h2>\n").append(queueChart());
        h.append("<p>")
                .append(arrived)
                .append(" calls arrived, ")
                .append(answered)
                .append(" answered, ")
                .append(abandoned)
                .append(" abandoned; service level (answered within 2 minutes / offered) ")
                .append(Double.isNaN(serviceLevel) ? "n/a" : String.format(Locale.ROOT, "%.0f%%", serviceLevel * 100))
                .append(".</p>\n");
        h.append("<div class=\"grid\"><div><h2>Propensity scores</h2>\n")
                .append(scoreChart())
                .append("</div><div><h2>Message outcomes</h2>\n")
                .append(messageChart())
                .append("</div></div>\n");

        if (!sipLadder.isEmpty()) {
            h.append("<h2>The video call's SIP messages</h2>\n<pre>");
            sipLadder.forEach(line -> h.append(esc(line)).append('\n'));
            h.append("</pre>\n");
        }

        h.append("<h2>What the script expected</h2>\n<table><tr><th>act</th><th>expectation</th><th></th>")
                .append("<th>observed</th></tr>\n");
        for (Expectation c : checks) {
            h.append("<tr><td>")
                    .append(c.act())
                    .append("</td><td>")
                    .append(esc(c.text()))
                    .append("</td><td class=\"")
                    .append(c.passed() ? "pass\">passed" : "fail\">FAILED")
                    .append("</td><td>")
                    .append(c.passed() ? "" : esc(c.observed()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n<h2>The narrative</h2>\n<table>\n");
        for (Narrator.Line line : lines) {
            h.append("<tr><td class=\"t\">")
                    .append(line.time())
                    .append("</td><td>")
                    .append(esc(line.text()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n<p class=\"t\">Personal data is masked throughout; the scripted clock starts on ")
                .append("30 November 2026 at 09:00 Beijing time.</p>\n</body></html>\n");
        return h.toString();
    }

    private String queueChart() {
        int width = 900;
        int height = 240;
        int left = 40;
        int bottom = 24;
        int top = 12;
        if (queue.size() < 2) {
            return "<p>(no samples)</p>\n";
        }
        Instant start = queue.get(0).at();
        long span = Math.max(
                1, Duration.between(start, queue.get(queue.size() - 1).at()).toSeconds());
        int max =
                Math.max(1, queue.stream().mapToInt(QueueSample::waiting).max().orElse(1));
        double xs = (width - left - 10) / (double) span;
        double ys = (height - bottom - top) / (double) max;
        StringBuilder s = new StringBuilder();
        s.append(svgOpen(width, height, "Calls waiting in the video account-opening queue, by time of day"));
        for (int y = 0; y <= max; y += Math.max(1, max / 5)) {
            double py = height - bottom - y * ys;
            s.append(line(left, py, width - 10, py, "#eee")).append(text(left - 6, py + 4, "end", Integer.toString(y)));
        }
        for (long t = 0; t <= span; t += 300) {
            double px = left + t * xs;
            s.append(line(px, height - bottom, px, height - bottom + 4, "#999"))
                    .append(text(px, height - 6, "middle", time(start.plusSeconds(t))));
        }
        if (starArrival != null) {
            double px = left + Duration.between(start, starArrival).toSeconds() * xs;
            s.append(line(px, top, px, height - bottom, "#cf222e"))
                    .append(text(px + 4, top + 10, "start", "the scored video call arrives"));
        }
        s.append("<polyline fill=\"none\" stroke=\"#0969da\" stroke-width=\"2\" points=\"");
        for (QueueSample sample : queue) {
            double px = left + Duration.between(start, sample.at()).toSeconds() * xs;
            double py = height - bottom - sample.waiting() * ys;
            s.append(num(px)).append(',').append(num(py)).append(' ');
        }
        s.append("\"/>").append(line(left, height - bottom, width - 10, height - bottom, "#333"));
        return s.append("</svg>\n").toString();
    }

    private String scoreChart() {
        int width = 420;
        int rowHeight = 34;
        int height = 20 + rowHeight * Math.max(1, scores.size());
        StringBuilder s = new StringBuilder(svgOpen(width, height, "Propensity score of each applicant, 0 to 100"));
        int y = 10;
        for (Score score : scores) {
            double w = Math.max(0, Math.min(100, score.score())) * 2.4;
            s.append(text(90, y + 16, "end", score.customer()))
                    .append("<rect x=\"96\" y=\"")
                    .append(y + 4)
                    .append("\" width=\"")
                    .append(num(w))
                    .append("\" height=\"18\" fill=\"#2da44e\"/>")
                    .append(text(
                            100 + w, y + 17, "start", BankDayDemo.fmt(score.score()) + " (" + score.reason() + ")"));
            y += rowHeight;
        }
        return s.append("</svg>\n").toString();
    }

    private String messageChart() {
        int width = 420;
        int height = 200;
        int max = Math.max(
                1,
                messageOutcomes.values().stream()
                        .mapToInt(Integer::intValue)
                        .max()
                        .orElse(1));
        int n = Math.max(1, messageOutcomes.size());
        int slot = (width - 20) / n;
        StringBuilder s = new StringBuilder(svgOpen(width, height, "Messages by outcome"));
        int i = 0;
        for (Map.Entry<String, Integer> e : messageOutcomes.entrySet()) {
            double h = (height - 50) * e.getValue() / (double) max;
            int x = 10 + i * slot + slot / 4;
            s.append("<rect x=\"")
                    .append(x)
                    .append("\" y=\"")
                    .append(num(height - 24 - h))
                    .append("\" width=\"")
                    .append(slot / 2)
                    .append("\" height=\"")
                    .append(num(h))
                    .append("\" fill=\"#8250df\"/>")
                    .append(text(x + slot / 4.0, height - 28 - h, "middle", Integer.toString(e.getValue())))
                    .append(text(x + slot / 4.0, height - 8, "middle", e.getKey()));
            i++;
        }
        return s.append("</svg>\n").toString();
    }

    private static String svgOpen(int width, int height, String title) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" + width + "\" height=\"" + height
                + "\" viewBox=\"0 0 " + width + " " + height + "\"><title>" + esc(title) + "</title>";
    }

    private static String line(double x1, double y1, double x2, double y2, String colour) {
        return "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2)
                + "\" stroke=\"" + colour + "\"/>";
    }

    private static String text(double x, double y, String anchor, String content) {
        return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\">" + esc(content)
                + "</text>";
    }

    private static String time(Instant at) {
        return LocalTime.ofInstant(at, BankDayDemo.BANK_ZONE).format(HH_MM);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String esc(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
