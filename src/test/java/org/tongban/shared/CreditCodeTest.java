package org.tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

    private static final String CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    @ParameterizedTest
    @ValueSource(strings = {
            "11100000000013338W", "11220000013544541J", "11430000006122244L", "11330105002500287C",
            "113700000045046442", "11110000000021135M", "11420503087246977F", "11100000MB0341032Y",
            "91370406L24894136J", "11370800MB28559184",
            // demo data
            "11377000HC00000161", "11377000HC0000024U", "91377000HC0000374R"})
    void acceptsRealCodes(String code) {
        assertThat(new CreditCode(code).value()).isEqualTo(code);
    }

    @Test
    void readsTheFieldsOfAMinistryCode() {
        CreditCode ministry = new CreditCode("11100000000013338W");

        assertThat(ministry.registrationAuthority()).isEqualTo('1');
        assertThat(ministry.category()).isEqualTo("11");
        assertThat(ministry.regionCode()).isEqualTo(RegionCode.NATION);
        assertThat(ministry.organisationCode()).isEqualTo("000013338");
    }

    @Test
    void readsTheFieldsOfACompanyCode() {
        CreditCode company = new CreditCode("91370406L24894136J");

        assertThat(company.registrationAuthority()).isEqualTo('9');
        assertThat(company.category()).isEqualTo("91");
        assertThat(company.regionCode()).isEqualTo(new RegionCode("370406"));
        assertThat(company.organisationCode()).isEqualTo("L24894136");
    }

    @Test
    void normalisesLowerCaseAndSpaces() {
        assertThat(new CreditCode(" 11100000mb0341032y ").value()).isEqualTo("11100000MB0341032Y");
    }

    @Test
    void printsAsItsValue() {
        assertThat(new CreditCode("11100000000013338W")).hasToString("11100000000013338W");
    }

    @ParameterizedTest
    @CsvSource({
            "11100000000013338X, credit-code.check-character",
            "11100000000013338, credit-code.format",
            "11100000000013338W0, credit-code.format",
            "'', credit-code.format",
            "11100000000013338-, credit-code.format",
            // I, O, Z, S and V are not in the GB 32100 character set, in either case.
            "1110000000001333I8, credit-code.format",
            "11100000000O13338W, credit-code.format",
            "Z1100000000013338W, credit-code.format",
            "11100000s00013338W, credit-code.format",
            "11100000000013338v, credit-code.format",
            // Its own check character is right, the embedded 组织机构代码 000013339 should end in 8.
            "111000000000133390, credit-code.organisation-code",
            // Both check characters right, but 99 is no province.
            "11990000000013338P, credit-code.region"
    })
    void rejectsEachKindOfMistakeWithItsOwnCode(String raw, String code) {
        assertThatThrownBy(() -> new CreditCode(raw))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "11100000000013338W", "11220000013544541J", "11430000006122244L", "11330105002500287C",
            "113700000045046442", "11110000000021135M", "11420503087246977F", "11100000MB0341032Y",
            "91370406L24894136J", "11370800MB28559184", "11377000HC00000161", "11377000HC0000024U",
            "91377000HC0000374R"})
    void rejectsEverySingleCharacterSubstitution(String valid) {
        for (int position = 0; position < 18; position++) {
            for (char replacement : CHARACTERS.toCharArray()) {
                if (replacement != valid.charAt(position)) {
                    String typo = valid.substring(0, position) + replacement + valid.substring(position + 1);
                    assertThatThrownBy(() -> new CreditCode(typo)).as(typo).isInstanceOf(InvalidValueException.class);
                }
            }
        }
    }
}
