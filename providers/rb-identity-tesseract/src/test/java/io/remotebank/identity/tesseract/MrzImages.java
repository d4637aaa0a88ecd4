package io.remotebank.identity.tesseract;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Document images the tests render: a header line of visual-zone text and the MRZ lines in a
 * monospaced font (no OCR-B here), optionally rotated and sprinkled with noise, as PNG.
 */
final class MrzImages {

    private MrzImages() {}

    /**
     * Renders a document.
     *
     * @param lines the MRZ lines
     * @param degrees rotation, positive clockwise
     * @param noise fraction of pixels flipped to a random grey (0 for none)
     * @param seed the noise's seed
     * @return PNG bytes
     */
    static byte[] render(List<String> lines, double degrees, double noise, long seed) {
        Font font = new Font(Font.MONOSPACED, Font.BOLD, 30);
        int longest = lines.stream().mapToInt(String::length).max().orElse(0);
        int width = 80 + longest * 19;
        int lineHeight = 44;
        int height = 200 + lines.size() * lineHeight;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.transform(AffineTransform.getRotateInstance(Math.toRadians(degrees), width / 2.0, height / 2.0));
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 22));
            g.drawString("Specimen travel document  Nationality Utopian", 40, 60);
            g.setFont(font);
            int y = 150;
            for (String line : lines) {
                g.drawString(line, 40, y);
                y += lineHeight;
            }
        } finally {
            g.dispose();
        }
        if (noise > 0) {
            Random random = new Random(seed);
            int flips = (int) (width * height * noise);
            for (int i = 0; i < flips; i++) {
                int v = random.nextInt(256);
                image.setRGB(random.nextInt(width), random.nextInt(height), new Color(v, v, v).getRGB());
            }
        }
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
