package io.remotebank.identity.tesseract.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import org.apiguardian.api.API;

/**
 * Straightens a photographed document before OCR. Tesseract reads an MRZ almost exactly when it is
 * level but confuses {@code <}, {@code S} and {@code K} when it is skewed by a few degrees, so the
 * skew is measured first: the dark pixels are projected onto rows for each candidate angle, and the
 * angle whose rows are most sharply peaked (the largest sum of squared row counts) is the text's.
 */
@API(status = INTERNAL, since = "0.1")
public final class Deskew {

    /** The largest skew looked for, in degrees, either way. */
    static final double MAX_DEGREES = 6.0;

    private static final double STEP_DEGREES = 0.2;

    private Deskew() {}

    /** A grey copy, binarised at the mean of darkest and lightest tones (enough for printed text). */
    public static BufferedImage grey(BufferedImage image) {
        BufferedImage grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return grey;
    }

    /**
     * The skew of the text in degrees (positive: the lines fall to the right).
     *
     * @param grey a grey image
     * @return the skew
     */
    public static double measure(BufferedImage grey) {
        int w = grey.getWidth();
        int h = grey.getHeight();
        int threshold = threshold(grey);
        // Sample dark pixels: every row (sampling rows too would favour the angle 0, where the
        // sampled rows fall in bins of their own), every other column.
        int[] xs = new int[(w / 2 + 1) * h];
        int[] ys = new int[xs.length];
        int n = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x += 2) {
                if ((grey.getRaster().getSample(x, y, 0)) < threshold) {
                    xs[n] = x;
                    ys[n] = y;
                    n++;
                }
            }
        }
        if (n == 0) {
            return 0;
        }
        double best = 0;
        double bestScore = -1;
        int pad = (int) Math.ceil(w * Math.tan(Math.toRadians(MAX_DEGREES))) + 1;
        long[] rows = new long[h + 2 * pad];
        for (double a = -MAX_DEGREES; a <= MAX_DEGREES + 1e-9; a += STEP_DEGREES) {
            java.util.Arrays.fill(rows, 0);
            double t = Math.tan(Math.toRadians(a));
            for (int i = 0; i < n; i++) {
                int row = (int) Math.round(ys[i] - xs[i] * t) + pad;
                if (row >= 0 && row < rows.length) {
                    rows[row]++;
                }
            }
            double score = 0;
            for (long r : rows) {
                score += (double) r * r;
            }
            if (score > bestScore) {
                bestScore = score;
                best = a;
            }
        }
        return best;
    }

    /**
     * Rotates a grey image so that a text skewed by {@code degrees} is level, on a white background.
     *
     * @param grey the image
     * @param degrees its skew, from {@link #measure}
     * @return the straightened image (the same when the skew is below a tenth of a degree)
     */
    public static BufferedImage level(BufferedImage grey, double degrees) {
        if (Math.abs(degrees) < 0.1) {
            return grey;
        }
        int w = grey.getWidth();
        int h = grey.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(grey, AffineTransform.getRotateInstance(-Math.toRadians(degrees), w / 2.0, h / 2.0), null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * A 3x3 median of a grey image: removes the speckle of a noisy photo or scan (isolated pixels
     * that Tesseract would read as fillers or break characters on) and keeps strokes.
     *
     * @param grey the image
     * @return the filtered image
     */
    public static BufferedImage denoise(BufferedImage grey) {
        int w = grey.getWidth();
        int h = grey.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        var in = grey.getRaster();
        var o = out.getRaster();
        int[] window = new int[9];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int k = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    int yy = Math.min(h - 1, Math.max(0, y + dy));
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = Math.min(w - 1, Math.max(0, x + dx));
                        window[k++] = in.getSample(xx, yy, 0);
                    }
                }
                java.util.Arrays.sort(window);
                o.setSample(x, y, 0, window[4]);
            }
        }
        return out;
    }

    private static int threshold(BufferedImage grey) {
        int min = 255;
        int max = 0;
        for (int y = 0; y < grey.getHeight(); y += 3) {
            for (int x = 0; x < grey.getWidth(); x += 3) {
                int v = grey.getRaster().getSample(x, y, 0);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return (min + max) / 2;
    }
}
