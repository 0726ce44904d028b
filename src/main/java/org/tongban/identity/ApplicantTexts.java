package org.tongban.identity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.tongban.shared.AuthorizedBy;

import java.util.UUID;

/**
 * Text messages to an applicant's registered mobile, for the platform's own notices (办件进度): the mobile stays in
 * identity, and callers name the account. Sent through the {@link SmsGateway}; a refusal by the gateway is thrown,
 * so that an event listener calling this fails and the event publication registry delivers again.
 */
@Service
public class ApplicantTexts {

    private final Accounts accounts;
    private final ObjectProvider<SmsGateway> gateways;

    ApplicantTexts(Accounts accounts, ObjectProvider<SmsGateway> gateways) {
        this.accounts = accounts;
        this.gateways = gateways;
    }

    /**
     * Sends {@code text} to the account's mobile.
     *
     * @return whether a message went: {@code false} for an account without a mobile, or a staff account
     */
    @AuthorizedBy("the platform: notices to an applicant about their own cases, sent by event listeners, never on a request")
    public boolean send(UUID accountId, String text) {
        return accounts.findById(accountId)
                .filter(a -> a.kind() != AccountKind.STAFF && a.mobile() != null && a.mobile().matches("1\\d{10}"))
                .map(a -> {
                    gateways.getIfAvailable(LoggingSmsGateway::new).send(a.mobile(), text);
                    return true;
                })
                .orElse(false);
    }
}
