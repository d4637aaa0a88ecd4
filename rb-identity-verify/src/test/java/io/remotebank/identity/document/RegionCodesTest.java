package io.remotebank.identity.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RegionCodesTest {

    private final RegionCodes table = RegionCodes.gbt2260();

    @Test
    void shippedTable_holdsCurrentAndHistoricalCodes() {
        assertThat(table.size()).isGreaterThan(6_500);
        assertThat(table.currentCount()).isBetween(3_150L, 3_300L);
        assertThat(table.lookup("110105")).contains(RegionCode.current("110105"));
        // Xuanwu district, Beijing, merged into Xicheng in 2010.
        assertThat(table.lookup("110104")).contains(RegionCode.historical("110104", 1980, 2010));
        // Pudong New Area and the 2021 Hangzhou districts are current; Hangzhou's Xiacheng retired 2021.
        assertThat(table.lookup("310115").orElseThrow().historical()).isFalse();
        assertThat(table.lookup("330113").orElseThrow().historical()).isFalse();
        assertThat(table.lookup("330103").orElseThrow().historical()).isTrue();
        assertThat(table.lookup("999999")).isEmpty();
    }

    @Test
    void parse_readsBothLineForms_andSkipsComments() {
        RegionCodes parsed = RegionCodes.parse(List.of("# comment", "", "110105", "110104,1980,2010"));

        assertThat(parsed.size()).isEqualTo(2);
        assertThat(parsed.currentCount()).isEqualTo(1);
        assertThat(parsed.lookup("110104").orElseThrow().lastYear()).isEqualTo(OptionalInt.of(2010));
        assertThat(parsed.toString()).isEqualTo("RegionCodes[2 codes, 1 current]");
    }

    @Test
    void parse_rejectsBadLines_naming_theLine() {
        assertThatThrownBy(() -> RegionCodes.parse(List.of("110105", "11010")))
                .isInstanceOf(DocumentException.class)
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> RegionCodes.parse(List.of("110105,1980"))).hasMessageContaining("CODE,FIRST,LAST");
        assertThatThrownBy(() -> RegionCodes.parse(List.of("110105,2010,1980"))).hasMessageContaining("line 1");
        assertThatThrownBy(() -> RegionCodes.parse(List.of("110105,x,1980"))).hasMessageContaining("line 1");
        assertThatThrownBy(() -> RegionCodes.parse(List.of("110105", "110105"))).hasMessageContaining("twice");
    }

    @Test
    void aValidatorWithAnotherTable_usesIt() {
        DocumentValidator validator = DocumentValidator.ofDefaults().withRegions(RegionCodes.parse(List.of("990105")));

        assertThat(validator
                        .cnResidentId("11010519491231002X")
                        .check("region")
                        .orElseThrow()
                        .passed())
                .isFalse();
        assertThat(validator.regions().size()).isEqualTo(1);
    }

    @Test
    void regionCode_toString_showsStatusAndYears() {
        assertThat(RegionCode.historical("132401", 1980, 1994)).hasToString("132401 (historical, 1980-1994)");
        assertThat(RegionCode.current("110105")).hasToString("110105 (current)");
        assertThatThrownBy(() -> new RegionCode("110105", true, OptionalInt.empty(), OptionalInt.empty()))
                .isInstanceOf(DocumentException.class);
    }
}
