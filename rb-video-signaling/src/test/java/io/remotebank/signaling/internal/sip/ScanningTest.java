package io.remotebank.signaling.internal.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScanningTest {

    @Test
    void indexOfLf_findsTheFirstLf_atEveryOffsetAndLength() {
        // Every position of the LF relative to the eight-byte words, with bytes on either side that
        // differ from LF by one bit and by borrow-prone values (0x0B, 0x09, 0x8A, 0x00, 0xFF).
        byte[] fillers = {'a', 0x0B, 0x09, (byte) 0x8A, 0x00, (byte) 0xFF, '\r'};
        for (byte filler : fillers) {
            for (int len = 0; len <= 40; len++) {
                for (int start = 0; start <= Math.min(len, 9); start++) {
                    for (int lf = -1; lf < len; lf++) {
                        byte[] b = new byte[len + 8];
                        java.util.Arrays.fill(b, filler);
                        java.util.Arrays.fill(b, len, b.length, (byte) '\n'); // beyond the limit
                        if (lf >= 0) {
                            b[lf] = '\n';
                            if (lf + 3 < len) {
                                b[lf + 3] = '\n'; // a later LF must not win
                            }
                        }
                        int expected = reference(b, start, len);
                        assertThat(MessageScanner.indexOfLf(b, start, len))
                                .as("filler %s len %d start %d lf %d", filler, len, start, lf)
                                .isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void indexOfLf_agreesWithALoop_onRandomBytes() {
        Random r = new Random(42);
        for (int n = 0; n < 2000; n++) {
            byte[] b = new byte[r.nextInt(64)];
            for (int i = 0; i < b.length; i++) {
                b[i] = r.nextInt(8) == 0 ? (byte) '\n' : (byte) r.nextInt(256);
            }
            int start = b.length == 0 ? 0 : r.nextInt(b.length + 1);
            assertThat(MessageScanner.indexOfLf(b, start, b.length)).isEqualTo(reference(b, start, b.length));
        }
    }

    private static int reference(byte[] b, int start, int length) {
        for (int i = start; i < length; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    @Test
    void token_sharesCommonTokens_andCopiesOthers() {
        byte[] b = "xxINVITE branch timer Timer zz".getBytes(StandardCharsets.US_ASCII);
        assertThat(Methods.token(b, 2, 8)).isSameAs("INVITE");
        assertThat(Methods.token(b, 9, 15)).isSameAs("branch");
        assertThat(Methods.token(b, 16, 21)).isSameAs("timer");
        // Tokens are case-sensitive: another spelling is a new string with the same text.
        assertThat(Methods.token(b, 22, 27)).isEqualTo("Timer").isNotSameAs("timer");
        assertThat(Methods.token(b, 28, 30)).isEqualTo("zz");
        assertThat(Methods.of(b, 2, 8)).isSameAs("INVITE");
        // every shared token is found (whatever its slot), and a near miss is not
        byte[] all = "INVITE ACK BYE CANCEL OPTIONS REGISTER branch rport received tag lr transport maddr"
                .getBytes(StandardCharsets.US_ASCII);
        int from = 0;
        for (int i = 0; i <= all.length; i++) {
            if (i == all.length || all[i] == ' ') {
                String t = new String(all, from, i - from, StandardCharsets.US_ASCII);
                assertThat(Methods.token(all, from, i)).isSameAs(t.intern());
                from = i + 1;
            }
        }
        byte[] near = "INVITF branci".getBytes(StandardCharsets.US_ASCII);
        assertThat(Methods.token(near, 0, 6)).isEqualTo("INVITF");
        assertThat(Methods.token(near, 7, 13)).isEqualTo("branci");
    }

    @Test
    void name_sharesTheCanonicalSpelling_andKeepsOthersAsWritten() {
        byte[] b = "Via via v V X-Foo Call-ID call-id".getBytes(StandardCharsets.US_ASCII);
        assertThat(HeaderNames.name(b, 0, 3, HeaderNames.kind(b, 0, 3))).isSameAs("Via");
        assertThat(HeaderNames.name(b, 4, 7, HeaderNames.kind(b, 4, 7))).isEqualTo("via");
        assertThat(HeaderNames.name(b, 8, 9, HeaderNames.kind(b, 8, 9))).isEqualTo("v");
        assertThat(HeaderNames.name(b, 10, 11, HeaderNames.kind(b, 10, 11))).isEqualTo("V");
        assertThat(HeaderNames.name(b, 12, 17, HeaderNames.kind(b, 12, 17))).isEqualTo("X-Foo");
        assertThat(HeaderNames.name(b, 18, 25, HeaderNames.kind(b, 18, 25))).isSameAs("Call-ID");
        assertThat(HeaderNames.name(b, 26, 33, HeaderNames.kind(b, 26, 33))).isEqualTo("call-id");
    }

    @Test
    void classify_findsEveryKnownName_inAnyCase_atEveryPlaceInTheBuffer() {
        for (int k = 1; k <= HeaderNames.AUTHENTICATION_INFO; k++) {
            String canonical = HeaderNames.canonical(k);
            String[] spellings = {
                canonical,
                canonical.toLowerCase(java.util.Locale.ROOT),
                canonical.toUpperCase(java.util.Locale.ROOT),
                canonical.substring(0, canonical.length() - 1) + "_",
                canonical + "s"
            };
            for (int s = 0; s < spellings.length; s++) {
                byte[] name = spellings[s].getBytes(StandardCharsets.US_ASCII);
                for (int pad = 0; pad <= 9; pad++) {
                    // the name with pad bytes before it and 0..8 after it, so that both the
                    // word-at-a-time and the byte-by-byte comparison run
                    for (int tail = 0; tail <= 8; tail++) {
                        byte[] b = new byte[pad + name.length + tail];
                        java.util.Arrays.fill(b, (byte) ':');
                        System.arraycopy(name, 0, b, pad, name.length);
                        int c = HeaderNames.classify(b, pad, pad + name.length);
                        String what = spellings[s] + " pad " + pad + " tail " + tail;
                        if (s >= 3) {
                            assertThat(c & HeaderNames.KIND_MASK).as(what).isNotEqualTo(k);
                        } else {
                            assertThat(c & HeaderNames.KIND_MASK).as(what).isEqualTo(k);
                            boolean exact = s == 0 || spellings[s].equals(canonical);
                            assertThat((c & HeaderNames.CANONICAL_SPELLING) != 0)
                                    .as(what)
                                    .isEqualTo(exact);
                            assertThat(HeaderNames.kind(b, pad, pad + name.length))
                                    .isEqualTo(k);
                            String n = HeaderNames.name(b, pad, pad + name.length, c);
                            assertThat(n).isEqualTo(spellings[s]);
                            if (exact) {
                                assertThat(n).isSameAs(canonical);
                            }
                        }
                    }
                }
            }
        }
        byte[] compact = "v".getBytes(StandardCharsets.US_ASCII);
        assertThat(HeaderNames.classify(compact, 0, 1)).isEqualTo(HeaderNames.VIA | HeaderNames.CANONICAL_SPELLING);
        assertThat(HeaderNames.classify(compact, 0, 0)).isEqualTo(HeaderNames.OTHER);
    }
}
