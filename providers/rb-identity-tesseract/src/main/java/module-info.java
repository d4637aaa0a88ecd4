/**
 * RemoteBank SDK identity, Tesseract provider: a {@link io.remotebank.identity.spi.DocumentOcrProvider}
 * that reads the ICAO 9303 machine-readable zone of a document image with the {@code tesseract}
 * command line (Debian {@code tesseract-ocr}), deskews the image first, corrects the reading by the
 * MRZ's field rules and check digits, and validates it with rb-identity-verify's {@code
 * DocumentValidator}.
 */
module io.remotebank.identity.tesseract {
    requires transitive io.remotebank.identity;
    requires transitive io.remotebank.core;
    requires static transitive org.apiguardian.api;
    requires java.desktop;

    exports io.remotebank.identity.tesseract;
}
