package io.remotebank.identity.tesseract;

import io.remotebank.identity.tesseract.internal.MrzText;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** MRZs for the rendered set: ICAO's specimens and synthetic ones with correct check digits. */
final class Specimens {

    /** ICAO 9303 Part 4's TD3 specimen, its expiry moved to 2034 (check digits recomputed). */
    static final List<String> TD3 =
            List.of("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F3412318ZE184226B<<<<<18");

    /** ICAO 9303 Part 5's TD1 specimen. */
    static final List<String> TD1 = List.of(
            "I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<");

    private static final String[] SURNAMES = {"WANG", "LI", "ZHANG", "LIU", "CHEN", "YANG", "HUANG", "ZHAO"};
    private static final String[] GIVEN = {"WEI", "FANG", "NA", "MIN", "JING", "LEI", "YAN", "QIANG"};

    private Specimens() {}

    static List<List<String>> synthetic(int count, long seed) {
        Random r = new Random(seed);
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(i % 2 == 0 ? td3(r) : td1(r));
        }
        return out;
    }

    private static String digits(Random r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + r.nextInt(10)));
        }
        return b.toString();
    }

    private static String date(Random r, int fromYear, int years) {
        int y = (fromYear + r.nextInt(years)) % 100;
        return String.format("%02d%02d%02d", y, 1 + r.nextInt(12), 1 + r.nextInt(28));
    }

    private static String pad(String s, int n) {
        return (s + "<".repeat(n)).substring(0, n);
    }

    private static int cd(String s) {
        return MrzText.checkDigit(s);
    }

    private static String name(Random r) {
        return SURNAMES[r.nextInt(SURNAMES.length)] + "<<" + GIVEN[r.nextInt(GIVEN.length)];
    }

    private static List<String> td3(Random r) {
        String number = "E" + digits(r, 8);
        String birth = date(r, 1950, 50);
        String expiry = date(r, 2028, 10);
        String personal = pad(digits(r, 6), 14);
        String line1 = pad("P<CHN" + name(r), 44);
        String head = number + cd(number) + "CHN" + birth + cd(birth) + (r.nextBoolean() ? "M" : "F") + expiry
                + cd(expiry) + personal + cd(personal);
        String composite = head.substring(0, 10) + head.substring(13, 20) + head.substring(21, 43);
        return List.of(line1, head + cd(composite));
    }

    private static List<String> td1(Random r) {
        String number = "C" + digits(r, 8);
        String birth = date(r, 1950, 50);
        String expiry = date(r, 2028, 10);
        String line1 = pad("I<CHN" + number + cd(number), 30);
        String line2 = birth + cd(birth) + (r.nextBoolean() ? "M" : "F") + expiry + cd(expiry) + "CHN";
        line2 = pad(line2, 29);
        String composite =
                line1.substring(5, 30) + line2.substring(0, 7) + line2.substring(8, 15) + line2.substring(18, 29);
        return List.of(line1, line2 + cd(composite), pad(name(r), 30));
    }
}
