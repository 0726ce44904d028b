package org.tongban.identity;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh, valid and unused ID numbers, mobiles and addresses, so that each test has accounts of its own. */
public final class TestApplicants {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final AtomicInteger NEXT = new AtomicInteger(100);

    private TestApplicants() {
    }

    public static int next() {
        return NEXT.getAndIncrement();
    }

    /** An ID number of region 377002 born 1977-07-07 with sequence {@code n} (100–999) and a right check digit. */
    public static String idNumber(int n) {
        String body = "37700219770707" + String.format("%03d", n);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    /** A new citizen account with the mobile and ID number of sequence {@code n}. */
    static UUID citizen(AccountManagement accounts, int n, String password) {
        return TestApplicants.importCitizen(accounts, new CitizenRegistration("测试" + n, idNumber(n), mobile(n), password));
    }

    /** An applicant account brought in without a mobile code, as a platform administrator may. */
    static UUID importCitizen(AccountManagement accounts, CitizenRegistration r) {
        return SystemActor.runAs("test", java.util.Set.of(Role.PLATFORM_ADMIN), () -> accounts.importCitizen(r));
    }

    static UUID importEnterprise(AccountManagement accounts, EnterpriseRegistration r) {
        return SystemActor.runAs("test", java.util.Set.of(Role.PLATFORM_ADMIN), () -> accounts.importEnterprise(r));
    }

    public static String mobile(int n) {
        return String.format("1360000%04d", n);
    }

    /** A client address of its own for test {@code n}, and {@code k} more beside it. */
    static String address(int n, int k) {
        return "10." + (n / 250) + "." + (n % 250) + "." + (k + 1);
    }
}
