package org.tongban.cases;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of case handling ({@code tongban.cases.*}).
 *
 * @param regionCode                the 6-digit region code at the head of every case number (the city's)
 * @param acceptanceLimit           working days to accept, refuse or send the correction notice (行政许可法 §32: 5)
 * @param dueSoonWorkingDays        a deadline this many working days away or fewer shows yellow and raises
 *                                  {@link CaseDueSoon}
 * @param naturalDeadlinesMoveOffDaysOff a natural-day deadline on a day off moves to the next working day (民法典 §203)
 * @param textMessages              notices to applicants also go by text message ({@link CaseNotifications})
 * @param commitmentCheckDays       working days after an approval on a commitment by which the department checks it
 *                                  (事后核查, {@link CommitmentCheck#dueOn}); a local rule, not a national figure
 */
@ConfigurationProperties("tongban.cases")
record CasesProperties(String regionCode, int acceptanceLimit, int dueSoonWorkingDays,
                              boolean naturalDeadlinesMoveOffDaysOff,
                              @org.springframework.boot.context.properties.bind.DefaultValue("true") boolean textMessages,
                              @org.springframework.boot.context.properties.bind.DefaultValue("20") int commitmentCheckDays) {

    public CasesProperties {
        if (regionCode == null || regionCode.isBlank()) {
            regionCode = "377000";
        }
        if (acceptanceLimit <= 0) {
            acceptanceLimit = 5;
        }
        if (dueSoonWorkingDays <= 0) {
            dueSoonWorkingDays = 2;
        }
        if (commitmentCheckDays < 1 || commitmentCheckDays > 250) {
            throw new IllegalArgumentException("tongban.cases.commitment-check-days should be 1 to 250 working days, not "
                    + commitmentCheckDays);
        }
    }
}
