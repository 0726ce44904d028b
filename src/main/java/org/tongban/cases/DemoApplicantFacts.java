package org.tongban.cases;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.stereotype.Component;
import org.tongban.catalog.VerifiedFact;
import org.tongban.identity.AccountManagement;
import org.tongban.identity.Role;

import java.util.HashMap;
import java.util.Map;

/**
 * The demo city's {@link ApplicantFacts}: the ID number and credit code of the real-name account, and, standing in
 * for the household registry, the region in the ID number's address code (in the demo city everybody is registered
 * where their number was issued; in a real city that is often not so, which is why a deployment replaces this).
 */
@Component
@ConditionalOnMissingBean(value = ApplicantFacts.class, ignored = DemoApplicantFacts.class)
class DemoApplicantFacts implements ApplicantFacts {

    private final AccountManagement accounts;

    DemoApplicantFacts(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @Override
    public Map<String, String> verified(Applicant applicant) {
        boolean atCounter = AccountManagement.currentPrincipal().map(p -> p.has(Role.WINDOW_CLERK)).orElse(false);
        if (atCounter) {
            return of(accounts.idNumberAtCounter(applicant.accountId(), "秒批条件核验（窗口代为申请）").orElse(null),
                    accounts.applicantAtCounter(applicant.accountId()).map(a -> a.creditCode()).orElse(null));
        }
        return of(accounts.ownIdNumber("秒批条件核验（申请人本人申请）").orElse(null),
                accounts.currentAccount().map(a -> a.creditCode()).orElse(null));
    }

    /** The facts the demo city knows from an account's ID number and credit code (either may be missing). */
    static Map<String, String> of(@Nullable String idNumber, @Nullable String creditCode) {
        Map<String, String> facts = new HashMap<>();
        if (idNumber != null) {
            facts.put(VerifiedFact.ID_NUMBER.key(), idNumber);
            facts.put(VerifiedFact.HOUSEHOLD_REGION.key(), idNumber.substring(0, 6));
        }
        if (creditCode != null) {
            facts.put(VerifiedFact.CREDIT_CODE.key(), creditCode);
        }
        return facts;
    }
}
