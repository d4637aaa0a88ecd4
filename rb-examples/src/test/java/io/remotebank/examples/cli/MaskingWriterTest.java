package io.remotebank.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MaskingWriterTest {

    private final StringWriter sink = new StringWriter();
    private final MaskingWriter writer = new MaskingWriter(sink);

    @Test
    void completeLines_arePassedOnMasked() throws IOException {
        writer.write("call 13812345678\nid 110105194912310021\n");

        assertThat(sink.toString()).isEqualTo("call 138****5678\nid 1****************1\n");
    }

    @Test
    void aNumberWrittenInPieces_isStillSeenWhole() throws IOException {
        writer.write("call 138");
        writer.flush();
        assertThat(sink.toString()).isEmpty();

        writer.write("12345678 now\n");

        assertThat(sink.toString()).isEqualTo("call 138****5678 now\n");
    }

    @Test
    void close_passesOnTheLastLine_withoutClosingTheSink() throws IOException {
        writer.write("last 13812345678");
        writer.close();
        sink.write("!");

        assertThat(sink.toString()).isEqualTo("last 138****5678!");
        assertThatThrownBy(() -> writer.write("more")).isInstanceOf(IOException.class);
    }

    @Test
    void anEndlessLine_isPassedOnAtItsLastDelimiter() throws IOException {
        StringBuilder cells = new StringBuilder();
        while (cells.length() <= MaskingWriter.MAX_PENDING) {
            cells.append("13812345678,");
        }
        writer.write(cells.toString());
        writer.write("1381234");

        assertThat(sink.toString())
                .hasSize(cells.length())
                .doesNotContain("13812345678")
                .endsWith("138****5678,");
        writer.write("5678\n");
        assertThat(sink.toString()).endsWith("138****5678,138****5678\n");
    }
}
