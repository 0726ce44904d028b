package org.tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.tongban.shared.RegionCode.Level;

class RegionCodeTest {

    @ParameterizedTest
    @CsvSource({
            "100000, NATION",
            "110000, PROVINCE",
            "370000, PROVINCE",
            "110100, PREFECTURE",
            "377000, PREFECTURE",
            "419000, PREFECTURE",
            "110105, COUNTY",
            "377002, COUNTY",
            "510100000000, PREFECTURE",
            "510104000000, COUNTY",
            "510104020000, TOWNSHIP",
            "510104020001, VILLAGE",
            "820000, PROVINCE",
            "710000, PROVINCE"
    })
    void knowsTheLevelOfEachForm(String code, Level level) {
        assertThat(new RegionCode(code).level()).isEqualTo(level);
    }

    @ParameterizedTest
    @CsvSource({
            "001234, region-code.province",
            "991234, region-code.province",
            "101234, region-code.province",
            "831234, region-code.province",
            "990105000000, region-code.province",
            "12345, region-code.format",
            "1101050, region-code.format",
            "1101050000001, region-code.format",
            "11010A, region-code.format",
            "'', region-code.format",
            "１１０１０５, region-code.format",
            "110105000001, region-code.structure",
            "100000001000, region-code.structure"
    })
    void rejectsEachKindOfMistakeWithItsOwnCode(String raw, String code) {
        assertThatThrownBy(() -> new RegionCode(raw))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void aPrefectureContainsItsCountiesAndTheirVillagesButNotItsNeighbours() {
        RegionCode prefecture = new RegionCode("377000");

        assertThat(prefecture.contains(new RegionCode("377002"))).isTrue();
        assertThat(prefecture.contains(new RegionCode("377002003004"))).isTrue();
        assertThat(prefecture.contains(new RegionCode("370100"))).isFalse();
        assertThat(prefecture.contains(new RegionCode("370000"))).isFalse();
    }

    @Test
    void aProvinceContainsItsPrefecturesAndTheNationContainsEverything() {
        assertThat(new RegionCode("510000").contains(new RegionCode("510100000000"))).isTrue();
        assertThat(new RegionCode("510000").contains(new RegionCode("110105"))).isFalse();
        assertThat(RegionCode.NATION.contains(new RegionCode("820000"))).isTrue();
    }

    @Test
    void aTownshipContainsItsVillagesButACountyIsNotInsideItsTownship() {
        RegionCode township = new RegionCode("510104020000");

        assertThat(township.contains(new RegionCode("510104020001"))).isTrue();
        assertThat(township.contains(new RegionCode("510104021001"))).isFalse();
        assertThat(township.contains(new RegionCode("510104"))).isFalse();
    }

    @Test
    void aRegionContainsItselfInEitherForm() {
        RegionCode county = new RegionCode("110105");

        assertThat(county.contains(county)).isTrue();
        assertThat(county.contains(new RegionCode("110105000000"))).isTrue();
        assertThat(new RegionCode("110105000000").contains(county)).isTrue();
    }

    @Test
    void convertsBetweenTheSixAndTwelveDigitForms() {
        assertThat(new RegionCode("510100").toTwelveDigits()).isEqualTo(new RegionCode("510100000000"));
        assertThat(new RegionCode("510104020001").county()).isEqualTo(new RegionCode("510104"));
        assertThat(new RegionCode("110105").county()).isEqualTo(new RegionCode("110105"));
        assertThat(new RegionCode("510104020001").toTwelveDigits()).isEqualTo(new RegionCode("510104020001"));
    }

    @Test
    void keepsTheFormItWasGivenIn() {
        assertThat(new RegionCode("110105")).isNotEqualTo(new RegionCode("110105000000"));
        assertThat(new RegionCode(" 110105 ")).hasToString("110105");
    }
}
