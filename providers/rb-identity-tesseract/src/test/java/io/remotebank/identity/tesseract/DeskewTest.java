package io.remotebank.identity.tesseract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.remotebank.identity.tesseract.internal.Deskew;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeskewTest {

    @ParameterizedTest
    @ValueSource(doubles = {-4.0, -2.5, 0.0, 1.5, 3.0})
    void skewOfARenderedDocument_isMeasuredWithinHalfADegree(double degrees) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(MrzImages.render(Specimens.TD3, degrees, 0, 1)));

        assertThat(Deskew.measure(Deskew.grey(image))).isCloseTo(degrees, within(0.5));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-3.0, 2.5})
    void levelledImage_measuresLevel(double degrees) throws IOException {
        BufferedImage grey =
                Deskew.grey(ImageIO.read(new ByteArrayInputStream(MrzImages.render(Specimens.TD1, degrees, 0, 1))));

        BufferedImage level = Deskew.level(grey, Deskew.measure(grey));

        assertThat(Deskew.measure(level)).isCloseTo(0.0, within(0.5));
    }
}
