package io.remotebank.signaling.sip;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the torture messages kept as exact bytes under {@code torture/}. */
final class Torture {

    private Torture() {}

    static byte[] load(String rfc, String name) {
        String path = "torture/" + rfc + "/" + name + ".dat";
        try (InputStream in = Torture.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
