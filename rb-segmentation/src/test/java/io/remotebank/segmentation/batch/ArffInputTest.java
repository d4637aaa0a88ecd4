package io.remotebank.segmentation.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.segmentation.SegmentationError;
import io.remotebank.segmentation.SegmentationException;
import io.remotebank.segmentation.profile.ProfileBatch;
import io.remotebank.segmentation.profile.ProfileType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArffInputTest {

    private static final String HEADER = """
            % a loan book in the shape of the German Credit data
            @relation 'loan book'
            @attribute checking { '<0', '0<=X<200', 'no checking'}
            @attribute months numeric
            @attribute purpose { 'new car', radio/tv, education}
            @attribute amount real
            @attribute note string
            @attribute class { good, bad}

            @data
            """;

    private static ArffInput arff(String text) throws IOException {
        return ArffInput.of(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void headerBecomesASchema_andRowsAreTyped_withQuotesAndMissingValues() throws IOException {
        try (ArffInput in = arff(HEADER
                + "'<0',6,radio/tv,1169,'it\\'s',good\n"
                + "% a comment between rows\n"
                + "'no checking', 48 ,'new car',?,\"a, b\",bad\n"
                + "?,12,education,2096.5,?,good\n")) {
            assertThat(in.relation()).isEqualTo("loan book");
            assertThat(in.schema().fields())
                    .extracting(f -> f.name() + ":" + f.type())
                    .containsExactly(
                            "checking:STRING",
                            "months:DOUBLE",
                            "purpose:STRING",
                            "amount:DOUBLE",
                            "note:STRING",
                            "class:STRING");
            ProfileBatch b = in.schema().newBatch(2);
            assertThat(in.next(b)).isEqualTo(2);
            assertThat(b.ids()).containsExactly("1", "2");
            assertThat(b.toMap(0))
                    .containsEntry("checking", "<0")
                    .containsEntry("months", 6.0)
                    .containsEntry("note", "it's")
                    .containsEntry("purpose", "radio/tv")
                    .containsEntry("class", "good");
            assertThat(b.toMap(1)).containsEntry("note", "a, b").doesNotContainKey("amount");
            assertThat(in.next(b)).isEqualTo(1);
            assertThat(b.ids()[0]).isEqualTo("3");
            assertThat(b.toMap(0)).doesNotContainKeys("checking", "note").containsEntry("amount", 2096.5);
            assertThat(in.next(b)).isZero();
            assertThat(b.rows()).isZero();
        }
        assertThat(ProfileType.STRING.schemaName()).isEqualTo("string");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "'<0',6,radio/tv,1169,x,average       | ARFF line 11: attribute 'class': a value outside its declared set",
                "'<0',6,radio/tv,1169,x               | ARFF line 11: expected 6 values, found 5",
                "'<0',six,radio/tv,1169,x,good        | ARFF line 11: ",
                "{0 '<0', 5 good}                     | ARFF line 11: sparse rows are not supported",
                "'<0,6,radio/tv,1169,x,good           | ARFF line 11: a quoted value is not closed",
            })
    void badRow_isRefusedWithItsLine(String row, String message) throws IOException {
        try (ArffInput in = arff(HEADER + row + "\n")) {
            ProfileBatch b = in.schema().newBatch(4);
            assertThatThrownBy(() -> in.next(b))
                    .isInstanceOf(SegmentationException.class)
                    .hasMessageContaining(message)
                    .satisfies(e ->
                            assertThat(((SegmentationException) e).code()).isEqualTo(SegmentationError.INPUT_INVALID));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "@attribute opened date 'yyyy-MM-dd'  | type 'date 'yyyy-MM-dd'' is not supported",
                "@attribute 'bad name' numeric        | field name 'bad name'",
                "@attribute months numeric            | attribute 'months' is declared twice",
                "@attribute x { a, b                  | the nominal values' brace is not closed",
                "@frobnicate                          | expected @relation, @attribute or @data",
            })
    void badHeader_isRefusedWithItsLine(String line, String message) {
        String text = "@relation r\n@attribute months numeric\n" + line + "\n@data\n";
        assertThatThrownBy(() -> arff(text))
                .isInstanceOf(SegmentationException.class)
                .hasMessageContaining("ARFF line 3: ")
                .hasMessageContaining(message);
    }

    @Test
    void fileWithoutData_isRefused() {
        assertThatThrownBy(() -> arff("@relation r\n@attribute a numeric\n"))
                .hasMessageContaining("the file ends before @data");
    }
}
