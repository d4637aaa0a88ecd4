package io.remotebank.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class CrcLinesTest {

    private static byte[] framed(String body) {
        return CrcLines.frame(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aWrittenLine_isIntact() {
        byte[] line = framed("{\"action\":\"a.b.c\"}");

        assertThat(CrcLines.intact(line, 0, line.length - 1, new CRC32C())).isTrue();
    }

    @Test
    void everySingleByteChange_isSeen_includingTheCaseOfAHexDigit() {
        // a body whose CRC-32C has a letter in it, so the upper-case variant exists; CRC-32C catches
        // every burst error up to 32 bits, so a changed body byte is always seen
        String body;
        for (int n = 0; ; n++) {
            body = "{\"n\":" + n + "}";
            if (new String(framed(body), 0, 8, StandardCharsets.US_ASCII).matches(".*[a-f].*")) {
                break;
            }
        }
        byte[] pristine = framed(body);
        for (int i = 0; i < pristine.length - 1; i++) {
            for (int v = 0; v < 256; v++) {
                if (v == (pristine[i] & 0xFF)) {
                    continue;
                }
                byte[] changed = pristine.clone();
                changed[i] = (byte) v;
                assertThat(CrcLines.intact(changed, 0, changed.length - 1, new CRC32C()))
                        .as("byte %d changed to %d", i, v)
                        .isFalse();
            }
        }
    }
}
