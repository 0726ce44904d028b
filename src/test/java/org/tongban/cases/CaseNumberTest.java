package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.tongban.shared.InvalidValueException;

class CaseNumberTest {

    @Test
    void aNumberCarriesRegionDateSequenceAndACheckCharacter() {
        CaseNumber n = CaseNumber.of("370602", LocalDate.of(2026, 9, 30), 123);
        assertThat(n.value()).hasSize(23).startsWith("37060220260930" + "00000123");
        assertThat(n.receivedOn()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(CaseNumber.parse(n.grouped())).isEqualTo(n);
    }

    @Test
    void theCheckCharacterIsTheOneOfTheCitizenIdNumber() {
        // ISO 7064 MOD 11-2 over the first 17 digits of the standard's example ID number gives X.
        assertThat(CaseNumber.checkCharacter("11010519491231002")).isEqualTo('X');
    }

    @Test
    void oneMistypedDigitIsCaught() {
        String good = CaseNumber.of("370602", LocalDate.of(2026, 9, 30), 123).value();
        for (int i = 0; i < 22; i++) {
            char wrong = good.charAt(i) == '9' ? '0' : (char) (good.charAt(i) + 1);
            String typo = good.substring(0, i) + wrong + good.substring(i + 1);
            assertThatThrownBy(() -> new CaseNumber(typo)).isInstanceOf(InvalidValueException.class);
        }
    }

    @Test
    void swappedNeighboursAreCaught() {
        String good = CaseNumber.of("370602", LocalDate.of(2026, 9, 30), 123).value();
        String swapped = good.substring(0, 18) + good.charAt(19) + good.charAt(18) + good.substring(20);
        assertThat(swapped).isNotEqualTo(good);
        assertThatThrownBy(() -> new CaseNumber(swapped)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void theSequenceWrapsWithinItsEightDigits() {
        assertThat(CaseNumber.of("370602", LocalDate.of(2026, 9, 30), 100_000_001L).value().substring(14, 22))
                .isEqualTo("00000001");
    }
}
