package org.tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LicenseIdentifierTest {

    private static final String CONSTRUCTION_WORKER_CERTIFICATE =
            "1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F";

    @ParameterizedTest
    @ValueSource(strings = {
            CONSTRUCTION_WORKER_CERTIFICATE,
            "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U",
            "1.2.156.3005.2.11100000000013338W009.11330105002500287C.2025052201.002.0",
            "1.2.156.3005.2.11100000MB03271699022.340100.000000016.001.9"})
    void acceptsRealIdentifiersAndWritesThemBackUnchanged(String identifier) {
        assertThat(LicenseIdentifier.parse(identifier).value()).isEqualTo(identifier);
    }

    @Test
    void readsTheParts() {
        LicenseIdentifier identifier = LicenseIdentifier.parse(CONSTRUCTION_WORKER_CERTIFICATE);

        assertThat(identifier.typeCode()).isEqualTo("11100000000013338W032");
        assertThat(identifier.definingAuthority()).isEqualTo(new CreditCode("11100000000013338W"));
        assertThat(identifier.issuer()).isEqualTo("11220000013544541J");
        assertThat(identifier.issuerIsCreditCode()).isTrue();
        assertThat(identifier.serial()).isEqualTo("2430599");
        assertThat(identifier.version()).isEqualTo(1);
        assertThat(identifier.checkCharacter()).isEqualTo('F');
        assertThat(identifier).hasToString(CONSTRUCTION_WORKER_CERTIFICATE);
    }

    @Test
    void acceptsALegacyRegionCodeAsIssuerButSaysSo() {
        LicenseIdentifier identifier =
                LicenseIdentifier.parse("1.2.156.3005.2.11100000MB03271699022.340100.000000016.001.9");

        assertThat(identifier.issuer()).isEqualTo("340100");
        assertThat(identifier.issuerIsCreditCode()).isFalse();
        assertThat(identifier.definingAuthority()).isEqualTo(new CreditCode("11100000MB03271699"));
    }

    @Test
    void createsAnIdentifierWithItsCheckCharacter() {
        LicenseIdentifier created = LicenseIdentifier.create(
                "11100000000013338W032", new CreditCode("11220000013544541J"), "2430599", 1);

        assertThat(created.value()).isEqualTo(CONSTRUCTION_WORKER_CERTIFICATE);
    }

    @Test
    void theNextVersionHasTheSameLicenseAndANewCheckCharacter() {
        LicenseIdentifier next = LicenseIdentifier.parse(CONSTRUCTION_WORKER_CERTIFICATE).nextVersion();

        assertThat(next.value())
                .isEqualTo("1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.002.D");
        assertThat(LicenseIdentifier.parse(next.value())).isEqualTo(next);
    }

    @Test
    void refusesToGoBeyondVersion999() {
        LicenseIdentifier last = LicenseIdentifier.create(
                "11100000000013338W032", new CreditCode("11220000013544541J"), "2430599", 999);

        assertThatThrownBy(last::nextVersion)
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("license-id.version-exhausted"));
    }

    @Test
    void readsLowerCaseAsUpperCase() {
        assertThat(LicenseIdentifier.parse(CONSTRUCTION_WORKER_CERTIFICATE.toLowerCase()).value())
                .isEqualTo(CONSTRUCTION_WORKER_CERTIFICATE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.G | license-id.check-character",
            "1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430598.001.F | license-id.check-character",
            "1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.FF | license-id.check-character",
            "1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001. | license-id.check-character",
            "1.2.156.3005.1.11100000000013338W032.11220000013544541J.2430599.001.F | license-id.root",
            "1.2.156.3005.11100000000013338W032.11220000013544541J.2430599.001.F | license-id.root",
            "11100000000013338W032.11220000013544541J.2430599.001.F | license-id.root",
            "1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.F | license-id.format",
            "1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F. | license-id.format",
            "1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.01.F | license-id.version",
            "1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.0001.F | license-id.version",
            "1.2.156.3005.2.11100000000013338W32.11220000013544541J.2430599.001.F | license-id.type-code",
            "1.2.156.3005.2.11100000000013338WA32.11220000013544541J.2430599.001.F | license-id.type-code",
            "1.2.156.3005.2.11100000000013339W032.11220000013544541J.2430599.001.F | license-id.type-code",
            "1.2.156.3005.2.11100000000013338W032.11220000013544541K.2430599.001.F | license-id.issuer",
            "1.2.156.3005.2.11100000000013338W032.990100.2430599.001.F | license-id.issuer",
            "1.2.156.3005.2.11100000000013338W032.3401.2430599.001.F | license-id.issuer",
            "1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430-599.001.F | license-id.serial",
            "1.2.156.3005.2.11100000000013338W032.11220000013544541J..001.F | license-id.serial"
    })
    void rejectsEachKindOfMistakeWithItsOwnCode(String raw, String code) {
        assertThatThrownBy(() -> LicenseIdentifier.parse(raw))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void rejectsASerialLongerThan64Characters() {
        assertThatThrownBy(() -> LicenseIdentifier.create(
                "11100000000013338W032", new CreditCode("11220000013544541J"), "1".repeat(65), 1))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("license-id.serial"));
        assertThat(LicenseIdentifier.create(
                "11100000000013338W032", new CreditCode("11220000013544541J"), "1".repeat(64), 1).serial())
                .hasSize(64);
    }

    @Test
    void theCheckCharacterCatchesEverySingleCharacterChangeOfTheSerial() {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        String prefix = "1.2.156.3005.2.11100000000013338W011.11430000006122244L.";
        String serial = "20230000403";
        for (int position = 0; position < serial.length(); position++) {
            for (char replacement : alphabet.toCharArray()) {
                if (replacement != serial.charAt(position)) {
                    String typo = prefix + serial.substring(0, position) + replacement
                            + serial.substring(position + 1) + ".001.U";
                    assertThatThrownBy(() -> LicenseIdentifier.parse(typo)).as(typo)
                            .isInstanceOf(InvalidValueException.class);
                }
            }
        }
    }
}
