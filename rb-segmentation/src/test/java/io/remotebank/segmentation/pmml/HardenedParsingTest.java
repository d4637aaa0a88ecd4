package io.remotebank.segmentation.pmml;

import static io.remotebank.segmentation.pmml.Models.parse;
import static io.remotebank.segmentation.pmml.Models.pmml;
import static io.remotebank.segmentation.pmml.Models.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.segmentation.SegmentationError;
import io.remotebank.segmentation.SegmentationException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hostile and malformed documents are refused with a precise error, and nothing is fetched. */
class HardenedParsingTest {

    private static PmmlException refused(String xml) {
        try {
            parse(xml);
        } catch (PmmlException e) {
            return e;
        }
        throw new AssertionError("accepted");
    }

    @Test
    void dtd_isRefused() {
        PmmlException e = refused("<?xml version=\"1.0\"?>\n<!DOCTYPE PMML [<!ENTITY a \"aaaa\">]>\n"
                + "<PMML xmlns=\"http://www.dmg.org/PMML-4_4\" version=\"4.4\"/>");
        assertThat(e.code()).isEqualTo(SegmentationError.PMML_MALFORMED);
        assertThat(e.getMessage()).contains("DTD");
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void externalEntity_isRefusedAndNotFetched(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        PmmlException e = refused(
                "<?xml version=\"1.0\"?>\n<!DOCTYPE PMML [<!ENTITY x SYSTEM \"" + secret.toUri()
                        + "\">]>\n<PMML xmlns=\"http://www.dmg.org/PMML-4_4\" version=\"4.4\"><Header description=\"&x;\"/></PMML>");
        assertThat(e.code()).isEqualTo(SegmentationError.PMML_MALFORMED);
        assertThat(e.getMessage()).doesNotContain("TOP-SECRET");
    }

    @Test
    void billionLaughs_isRefused() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE PMML [<!ENTITY l0 \"ha\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"");
            dtd.append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        PmmlException e = refused(dtd + "<PMML version=\"4.4\"><Header description=\"&l9;\"/></PMML>");
        assertThat(e.code()).isEqualTo(SegmentationError.PMML_MALFORMED);
    }

    @Test
    void undeclaredEntity_isRefused() {
        assertThat(refused("<PMML version=\"4.4\"><Header description=\"&nbsp;\"/></PMML>")
                        .code())
                .isEqualTo(SegmentationError.PMML_MALFORMED);
    }

    @Test
    void tooManyBytes_isRefused() {
        String big = text("sample-scorecard.pmml");
        PmmlReader small = PmmlReader.builder().maxBytes(1024).build();
        InputStream in = new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> small.read(in))
                .isInstanceOf(PmmlException.class)
                .extracting(e -> ((PmmlException) e).code())
                .isEqualTo(SegmentationError.PMML_TOO_LARGE);
    }

    @Test
    void tooDeep_andTooManyElements_areRefused() {
        String deep = "<PMML version=\"4.4\">" + "<Header>".repeat(20) + "</Header>".repeat(20) + "</PMML>";
        assertThatThrownBy(() -> PmmlReader.builder().maxDepth(10).build().parse(deep))
                .hasMessageContaining("nested deeper than 10");
        assertThatThrownBy(() -> PmmlReader.builder().maxElements(5).build().parse(text("sample-scorecard.pmml")))
                .hasMessageContaining("more than 5 elements");
        assertThatThrownBy(() -> PmmlReader.builder()
                        .maxTextLength(64)
                        .build()
                        .parse("<PMML version=\"4.4\"><Header description=\"" + "x".repeat(100) + "\"/></PMML>"))
                .hasMessageContaining("longer than 64");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "<html/>|the root element must be <PMML>",
                "<PMML version=\"3.2\"/>|PMML version '3.2' is not supported",
                "<PMML xmlns=\"urn:other\" version=\"4.4\"/>|is not PMML 4.x",
                "<PMML version=\"4.4\"><Header/>|not well-formed",
                "|not well-formed",
            })
    void notPmml4_isRefused(String xml, String message) {
        assertThatThrownBy(() -> parse(xml == null ? "" : xml))
                .isInstanceOf(PmmlException.class)
                .hasMessageContaining(message);
    }

    @Test
    void unsupportedModel_isRefused_withNameAndLine() {
        PmmlException e = refused("<PMML xmlns=\"http://www.dmg.org/PMML-4_4\" version=\"4.4\">\n<Header/>\n"
                + "<DataDictionary/>\n<NeuralNetwork functionName=\"regression\"/>\n</PMML>");
        assertThat(e.code()).isEqualTo(SegmentationError.PMML_UNSUPPORTED);
        assertThat(e.element()).isEqualTo("NeuralNetwork");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).startsWith("segmentation.pmml.unsupported: <NeuralNetwork> at line 4:");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // an unsupported expression inside a DerivedField
                "TextIndex|<TransformationDictionary><DerivedField name=\"t\" dataType=\"double\" optype=\"continuous\">"
                        + "<TextIndex textField=\"x\"/></DerivedField></TransformationDictionary>",
                "DefineFunction|<TransformationDictionary><DefineFunction name=\"f\"/></TransformationDictionary>",
                "ModelVerification|<RegressionModel functionName=\"regression\"><MiningSchema><MiningField name=\"x\"/>"
                        + "<MiningField name=\"y\" usageType=\"target\"/></MiningSchema><ModelVerification/>"
                        + "<RegressionTable intercept=\"1\"/></RegressionModel>",
            })
    void unsupportedElement_isNamed(String element, String body) {
        String xml = pmml(
                "<DataField name=\"x\" dataType=\"double\" optype=\"continuous\"/>"
                        + "<DataField name=\"y\" dataType=\"double\" optype=\"continuous\"/>",
                body.contains("RegressionModel")
                        ? body
                        : body + "<RegressionModel functionName=\"regression\"><MiningSchema><MiningField name=\"x\"/>"
                                + "</MiningSchema><RegressionTable intercept=\"1\"/></RegressionModel>");
        PmmlException e = refused(xml);
        assertThat(e.element()).isEqualTo(element);
        assertThat(e.code()).isEqualTo(SegmentationError.PMML_UNSUPPORTED);
        assertThat(e.line()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "missingValueStrategy=\"someday\"|missingValueStrategy=\"someday\" is not supported",
                "noTrueChildStrategy=\"guess\"|noTrueChildStrategy=\"guess\" is not supported",
            })
    void unsupportedAttributeValue_isNamed(String attribute, String message) {
        String xml = text("golfing-tree.pmml")
                .replace("functionName=\"classification\"", "functionName=\"classification\" " + attribute);
        assertThatThrownBy(() -> parse(xml)).isInstanceOf(PmmlException.class).hasMessageContaining(message);
    }

    @Test
    void undefinedField_isInvalid() {
        String xml = text("linear-regression.pmml")
                .replace("<NumericPredictor name=\"age\"", "<NumericPredictor name=\"agee\"");
        PmmlException e = refused(xml);
        assertThat(e.code()).isEqualTo(SegmentationError.PMML_INVALID);
        assertThat(e.getMessage()).contains("'agee' is not defined");
    }

    @Test
    void extensions_areIgnored() {
        String xml = text("linear-regression.pmml")
                .replace(
                        "<Header copyright=\"DMG.org\"/>",
                        "<Header><Extension name=\"x\"><Anything><Deep/></Anything></Extension></Header>")
                .replace("<RegressionTable", "<Extension extender=\"vendor\"/><RegressionTable");
        assertThat(parse(xml).inputs()).hasSize(3);
    }

    @Test
    void builder_refusesOutOfRangeLimits() {
        assertThatThrownBy(() -> PmmlReader.builder().maxBytes(1))
                .isInstanceOf(SegmentationException.class)
                .hasMessageContaining("maxBytes must be 1024 to");
        assertThatThrownBy(() -> PmmlReader.builder().maxDepth(1)).hasMessageContaining("maxDepth");
        assertThatThrownBy(() -> PmmlReader.builder().maxElements(0)).hasMessageContaining("maxElements");
        assertThatThrownBy(() -> PmmlReader.builder().maxTextLength(1)).hasMessageContaining("maxTextLength");
    }

    @Test
    void readsFiles(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.pmml");
        Files.writeString(file, text("linear-regression.pmml"));
        assertThat(PmmlReader.ofDefaults().read(file).modelName()).isEqualTo("Sample for linear regression");
        assertThatThrownBy(() -> PmmlReader.ofDefaults().read(dir.resolve("none.pmml")))
                .isInstanceOf(java.io.UncheckedIOException.class);
    }
}
