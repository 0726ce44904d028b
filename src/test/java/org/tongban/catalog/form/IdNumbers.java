package org.tongban.catalog.form;

/** Valid ID numbers for tests: the 17 digits given, with their GB 11643 check character. */
public final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private IdNumbers() {
    }

    /** A valid number for someone registered in {@code region} (6 digits), born on {@code birthDate} (yyyyMMdd). */
    public static String of(String region, String birthDate) {
        String body = region + birthDate + "301";
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }
}
