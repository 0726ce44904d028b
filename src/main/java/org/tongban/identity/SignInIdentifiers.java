package org.tongban.identity;

import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one way from what someone typed in the sign-in form to an account: user name, mobile, credit code, or ID
 * number (found through its keyed hash). Sign-in, failure counting and throttling all use it, so that wrong passwords
 * count against the account whichever of its identifiers was typed.
 */
@Component
class SignInIdentifiers {

    /** Longer input names no account; it is cut before it reaches the database or the hash. */
    static final int MAX_LENGTH = 64;
    private static final Pattern ID_NUMBER_SHAPE = Pattern.compile("\\d{17}[\\dXx]");

    private final Accounts accounts;
    private final PersonalDataProtection protection;

    SignInIdentifiers(Accounts accounts, PersonalDataProtection protection) {
        this.accounts = accounts;
        this.protection = protection;
    }

    Optional<Account> account(String typed) {
        String login = normalise(typed);
        if (login.isEmpty()) {
            return Optional.empty();
        }
        Optional<Account> found = accounts.findByLogin(login);
        if (found.isEmpty() && ID_NUMBER_SHAPE.matcher(login).matches()) {
            found = accounts.findByIdNumberHash(protection.lookupHash(login.toUpperCase(Locale.ROOT)));
        }
        return found;
    }

    /**
     * What failures are counted against: the account, or for an identifier that names none, a keyed hash of it (never
     * the typed text, which is sometimes a password typed into the wrong field).
     */
    String subject(String typed) {
        return account(typed).map(a -> subjectOf(a.id()))
                .orElseGet(() -> "typed:" + protection.lookupHash("sign-in:" + normalise(typed).toUpperCase(Locale.ROOT)));
    }

    static String subjectOf(java.util.UUID accountId) {
        return "account:" + accountId;
    }

    private static String normalise(String typed) {
        String login = typed == null ? "" : typed.strip();
        return login.length() > MAX_LENGTH ? login.substring(0, MAX_LENGTH) : login;
    }
}
