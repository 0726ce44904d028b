package org.tongban.cases;

import org.jspecify.annotations.Nullable;
import org.tongban.shared.IdNumber;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.InvalidValueException;
import org.tongban.shared.PlainText;
import org.tongban.shared.Violation;

import java.time.Clock;
import java.util.UUID;

/**
 * An application a counter clerk takes in (窗口收件): for which applicant account, the application itself, the
 * service centre whose counter took it, and what authorises the clerk to act (帮办代办).
 *
 * @param acceptingCentre the code of the 政务服务中心 (any centre, whatever the handling department: 收受分离)
 */
public record CounterApplication(UUID applicantAccountId, Application application, String acceptingCentre,
                                 Authorisation authorisation) {

    /**
     * What a request left out that the counter page always sends (an API client's JSON may omit anything), each
     * named as the page names its field: the applicant, the application, the centre, who stands at the counter.
     */
    java.util.List<Violation> missing() {
        var problems = new java.util.ArrayList<Violation>();
        if (applicantAccountId == null) {
            problems.add(Violation.of("applicant", "case.counter.applicant", "请先按证件号码查找或登记申请人"));
        }
        if (application == null) {
            problems.add(Violation.of("application", "case.counter.application", "请填写申请的事项、申请表和材料"));
        }
        if (acceptingCentre == null || acceptingCentre.isBlank()) {
            problems.add(Violation.of("acceptingCentre", "case.counter.centre", "请选择收件的政务服务中心"));
        }
        if (authorisation == null || authorisation.kind() == null) {
            problems.add(Violation.of("kind", "case.counter.authorisation", "请选择办理人身份"));
        }
        return problems;
    }

    /**
     * Who stands at the counter and on what authority: the applicant in person, their legal representative, an agent
     * holding a power of attorney (委托代理人, whose name and ID number are recorded, masked), or the centre's own
     * 帮办代办 service on the applicant's written authorisation.
     */
    public record Authorisation(Kind kind, @Nullable String agentName, @Nullable String agentIdNumber) {

        public enum Kind {
            APPLICANT_IN_PERSON("申请人本人到场办理"),
            LEGAL_REPRESENTATIVE("法定代表人到场办理"),
            AGENT("委托代理人持授权委托书办理"),
            ASSISTED("帮办代办：申请人已签署授权书，由窗口代为申请");

            private final String description;

            Kind(String description) {
                this.description = description;
            }

            public String description() {
                return description;
            }
        }

        /**
         * What the case records: the kind, and for an agent the name and masked ID number. An agent without a
         * name or with an ID number that is not one is refused, naming the field.
         */
        public String description() {
            if (kind != Kind.AGENT) {
                return kind.description();
            }
            return kind.description() + "：" + agentName + "（身份证 " + agentIdNumber + "）";
        }

        /**
         * The agent's particulars checked (the ID number's birth date against {@code clock}), the ID number masked:
         * the case keeps what it shows, never the clear number.
         */
        public Authorisation checked(Clock clock) {
            if (kind != Kind.AGENT) {
                return new Authorisation(kind, null, null);
            }
            var problems = new java.util.ArrayList<Violation>();
            PlainText.check("agentName", agentName, true, 60).ifPresent(problems::add);
            IdNumber id = null;
            try {
                id = IdNumber.parse(agentIdNumber == null ? "" : agentIdNumber.strip().toUpperCase(java.util.Locale.ROOT),
                        clock);
            } catch (InvalidValueException e) {
                problems.add(Violation.of("agentIdNumber", e.code(), e.getMessage()));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            return new Authorisation(kind, agentName.strip(), id.masked());
        }
    }
}
