package org.tongban.identity;

import org.tongban.shared.AuthorizedBy;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.Violation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 忘记密码: a new password with a one-time code sent to the account's mobile. Whether an account has the number is
 * never told: the same answer, the same rate limits and the same refusal of a wrong code either way. A reset ends the
 * account's open sessions and forgets its failed sign-ins, so that the holder can sign in at once.
 */
@Service
public class PasswordReset {

    /** Who the administration log names for a reset: the holder, proven by the code, not an administrator. */
    static final String ACTOR = "self-service";

    private final Accounts accounts;
    private final OneTimeCodes codes;
    private final PasswordEncoder passwords;
    private final AccountManagement management;
    private final SignInThrottle throttle;
    private final AdministrationLog log;
    private final java.time.Clock clock;

    PasswordReset(Accounts accounts, OneTimeCodes codes, PasswordEncoder passwords, AccountManagement management,
                  SignInThrottle throttle, AdministrationLog log, java.time.Clock clock) {
        this.accounts = accounts;
        this.codes = codes;
        this.passwords = passwords;
        this.management = management;
        this.throttle = throttle;
        this.log = log;
        this.clock = clock;
    }

    /** How long a code stays valid, for the page that asks for it. */
    @AuthorizedBy("anyone: a setting shown on the reset page")
    public Duration codeValidity() {
        return codes.validity();
    }

    /**
     * Sends a code if an applicant account has this mobile; otherwise sends nothing but answers the same.
     *
     * @throws InvalidInputException beside {@code mobile}: not a mobile number, or a rate limit reached
     */
    @AuthorizedBy("anyone: same answer whether or not an account has the mobile; rate-limited")
    public void requestCode(@Nullable String mobile, String clientAddress) {
        String m = mobile(mobile);
        codes.issue(OneTimeCodes.Purpose.PASSWORD_RESET, m, clientAddress, accounts.findByMobile(m).isPresent(),
                "mobile");
    }

    /**
     * Sets the new password if the code is right. The password rules are checked first, so that a weak password
     * does not spend one of the code's tries.
     *
     * @throws InvalidInputException beside {@code mobile}, {@code code} or {@code password}
     */
    @Transactional
    @AuthorizedBy("whoever holds the SMS code sent to the account's mobile")
    public void reset(@Nullable String mobile, @Nullable String code, @Nullable String newPassword) {
        List<Violation> violations = new ArrayList<>();
        String m = mobile == null ? "" : mobile.strip();
        if (!AccountManagement.MOBILE.matcher(m).matches()) {
            violations.add(mobileFormat());
        }
        String c = code == null ? "" : code.strip();
        if (!OneTimeCodes.CODE.matcher(c).matches()) {
            violations.add(Violation.of("code", "sms.code.format", "请填写短信中的 6 位数字验证码"));
        }
        AccountManagement.checkPassword(newPassword, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Optional<Account> account = codes.verify(OneTimeCodes.Purpose.PASSWORD_RESET, m, c)
                ? accounts.findByMobile(m) : Optional.empty();
        if (account.isEmpty()) {
            throw new InvalidInputException(wrongCode());
        }
        Account a = account.get();
        accounts.updatePasswordHash(a.id(), passwords.encode(newPassword));
        throttle.forget(a.id());
        log.account(a.id(), ACTOR, AdministrativeAction.PASSWORD_RESET_BY_SMS, "本人通过手机验证码重设密码",
                clock.instant());
        management.endSessions(a.username());
    }

    static Violation wrongCode() {
        return Violation.of("code", "sms.code.wrong",
                "验证码不正确或已失效。请核对短信，或重新获取验证码（每个验证码只能用一次，输错多次后失效）");
    }

    static Violation mobileFormat() {
        return Violation.of("mobile", "account.mobile.format", "请填写 11 位手机号码，例如 13800138000");
    }

    static String mobile(@Nullable String mobile) {
        String m = mobile == null ? "" : mobile.strip();
        if (!AccountManagement.MOBILE.matcher(m).matches()) {
            throw new InvalidInputException(mobileFormat());
        }
        return m;
    }
}
