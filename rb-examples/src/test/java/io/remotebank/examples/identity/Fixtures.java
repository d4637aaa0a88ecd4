package io.remotebank.examples.identity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Document images for rb ocr-mrz, rendered by rb-identity-tesseract's test renderer (the MRZ in a
 * monospaced font under a line of visual-zone text) and kept as files.
 */
final class Fixtures {

    /** ICAO 9303 Part 4's TD3 specimen, its expiry moved to 2034: what td3-*.png show. */
    static final List<String> TD3 =
            List.of("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F3412318ZE184226B<<<<<18");

    private Fixtures() {}

    static Path image(Path dir, String name) throws IOException {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("test resource " + name + " is missing");
            }
            Path file = dir.resolve(name);
            Files.copy(in, file);
            return file;
        }
    }
}
