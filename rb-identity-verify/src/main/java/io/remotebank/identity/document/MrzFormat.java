package io.remotebank.identity.document;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** The ICAO 9303 machine-readable zone layouts. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum MrzFormat {
    /** Size-1 card (ID cards): three lines of 30 characters (9303 Part 5). */
    TD1(3, 30),
    /** Size-2 card or document: two lines of 36 characters (9303 Part 6). */
    TD2(2, 36),
    /** Passport booklet: two lines of 44 characters (9303 Part 4). */
    TD3(2, 44),
    /** Full-size visa: two lines of 44 characters, no composite check digit (9303 Part 7). */
    MRV_A(2, 44),
    /** Small visa: two lines of 36 characters, no composite check digit (9303 Part 7). */
    MRV_B(2, 36);

    private final int lines;
    private final int length;

    MrzFormat(int lines, int length) {
        this.lines = lines;
        this.length = length;
    }

    /** How many lines the zone has. */
    public int lines() {
        return lines;
    }

    /** How many characters each line has. */
    public int length() {
        return length;
    }
}
