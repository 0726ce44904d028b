package org.tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdNumberTest {

    private static final Clock NOV_22_2026 = Clock.fixed(
            ZonedDateTime.of(2026, 11, 22, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant(),
            ZoneId.of("Asia/Shanghai"));

    @Test
    void acceptsTheStandardsOwnExampleAndReadsItsParts() {
        IdNumber number = IdNumber.parse("11010519491231002X", NOV_22_2026);

        assertThat(number.value()).isEqualTo("11010519491231002X");
        assertThat(number.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(number.sex()).isEqualTo(Sex.FEMALE);
        assertThat(number.regionCode()).isEqualTo(new RegionCode("110105"));
    }

    @Test
    void acceptsABirthInThe1880s() {
        IdNumber number = IdNumber.parse("440524188001010014", NOV_22_2026);

        assertThat(number.birthDate()).isEqualTo(LocalDate.of(1880, 1, 1));
        assertThat(number.sex()).isEqualTo(Sex.MALE);
    }

    @Test
    void normalisesALowerCaseXAndSurroundingSpaces() {
        assertThat(IdNumber.parse(" 11010519491231002x ", NOV_22_2026).value()).isEqualTo("11010519491231002X");
    }

    @Test
    void masksTheMiddleTenCharacters() {
        assertThat(new IdNumber("11010519491231002X").masked()).isEqualTo("1101**********002X");
    }

    @Test
    void neverPrintsTheFullNumber() {
        IdNumber number = new IdNumber("11010519491231002X");

        assertThat(number.toString()).isEqualTo("1101**********002X");
        assertThat("申请人 " + number).doesNotContain("19491231");
    }

    @Test
    void convertsALegacyFifteenDigitNumberByAddingTheCenturyAndCheckDigit() {
        IdNumber number = IdNumber.fromLegacy15("110105491231002");

        assertThat(number.value()).isEqualTo("11010519491231002X");
        assertThat(number.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010549123100", "1101054912310021", "11010549123100A", "110105491331002"})
    void rejectsLegacyNumbersThatAreNotFifteenDigitsOrNotADate(String legacy) {
        assertThatThrownBy(() -> IdNumber.fromLegacy15(legacy)).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @CsvSource({
            "110105194912310021, id-number.check-digit",
            "110105194912310039, id-number.check-digit",
            "110105194902300020, id-number.birth-date",
            "110105179912310016, id-number.birth-date",
            "990105194912310023, id-number.region",
            "100000194912310020, id-number.region",
            "000000194912310020, id-number.region",
            "11010519491231002, id-number.format",
            "11010519491231002X1, id-number.format",
            "1101051949123100X2, id-number.format",
            "11010519491231002A, id-number.format",
            "11010519491231002Ｘ, id-number.format",
            "'', id-number.format"
    })
    void rejectsEachKindOfMistakeWithItsOwnCode(String raw, String code) {
        assertThatThrownBy(() -> IdNumber.parse(raw, NOV_22_2026))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void rejectsABirthDateAfterToday() {
        // Correct check digit, born 2027-12-31.
        assertThatThrownBy(() -> IdNumber.parse("110105202712310014", NOV_22_2026))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("id-number.birth-date-future"));
    }

    @Test
    void acceptsABirthDateOfToday() {
        String bornToday = withCheckDigit("11010520261122001");

        assertThat(IdNumber.parse(bornToday, NOV_22_2026).birthDate()).isEqualTo(LocalDate.of(2026, 11, 22));
    }

    @Test
    void explainsTheCheckDigitFailureInChinese() {
        assertThatThrownBy(() -> new IdNumber("110105194912310021")).hasMessage("身份证号码校验位不正确");
    }

    @Test
    void keepsTheNumberOutOfErrorMessages() {
        assertThatThrownBy(() -> new IdNumber("110105194902300020"))
                .hasMessageNotContaining("19490230")
                .hasNoCause();
    }

    @Test
    void rejectsEveryOtherCheckCharacter() {
        for (char check : "0123456789X".toCharArray()) {
            if (check != 'X') {
                assertThatThrownBy(() -> new IdNumber("11010519491231002" + check))
                        .isInstanceOf(InvalidValueException.class);
            }
        }
    }

    @Test
    void rejectsEverySingleDigitSubstitution() {
        String valid = "440524188001010014";
        for (int position = 0; position < 17; position++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                if (digit != valid.charAt(position)) {
                    String typo = valid.substring(0, position) + digit + valid.substring(position + 1);
                    assertThatThrownBy(() -> new IdNumber(typo)).as(typo).isInstanceOf(InvalidValueException.class);
                }
            }
        }
    }

    /** The GB 11643 check, written out independently of the production code. */
    private static String withCheckDigit(String body) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += Character.digit(body.charAt(i), 10) * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }
}
