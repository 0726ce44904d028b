package org.tongban.catalog;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.jspecify.annotations.Nullable;
import org.tongban.shared.WorkingDayCalendar;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Everything a version of a service item (事项) says: the national elements of an implementation list entry
 * (实施清单, REFERENCE.md §3.4) that the public guide (办事指南) shows. Stored whole per version, so that a case can
 * bind to exactly what was in force, and exchanged in the same shape (docs/catalogue-format.md).
 *
 * <p>Besides the national elements, what applying needs: the {@link ApplicationForm application form} (申请表), per
 * material whether a commitment may replace it ({@link Material#commitmentAllowed}, 告知承诺), how far the limit may
 * be extended ({@code extension}, 延长审批) and the {@link InstantApproval 秒批 rule}.
 *
 * @param extension       延长审批: how much longer the case may take when the department head approves an extension,
 *                        as the law allows it (行政许可法 §42: 20 working days, extended by 10); null when the item
 *                        allows none. Only for a 承诺件 with a statutory limit ({@link ItemRules}); whether the law
 *                        allows this much cannot be checked here, so it is configured data that legal review reads.
 * @param applicationForm what the applicant is asked; {@link ApplicationForm#NONE} when nothing
 * @param instantApproval the 秒批 rule; {@link InstantApproval#NONE} when the item offers none
 */
public record ItemContent(
        String basicCode,
        String implementationCode,
        @Nullable String handleItemCode,
        String name,
        List<String> aliases,
        List<String> keywords,
        @Nullable Type type,
        String departmentCreditCode,
        List<ExerciseLevel> exerciseLevels,
        @Nullable PowerSource powerSource,
        @Nullable String entrustingDepartment,
        String summary,
        String legalBasis,
        String acceptanceConditions,
        @Nullable TimeLimit statutoryLimit,
        @Nullable TimeLimit committedLimit,
        @Nullable TimeLimit extension,
        @Nullable CaseType caseType,
        @Nullable Integer visits,
        @Nullable OnlineDepth onlineDepth,
        List<HandlingForm> handlingForms,
        @Nullable String onlineAddress,
        @Nullable Scope scope,
        @Nullable String quantityLimit,
        List<Audience> audiences,
        List<ServiceObject> serviceObjects,
        List<String> themes,
        @Nullable String resultName,
        @Nullable ResultType resultType,
        @Nullable Attachment resultSample,
        @Nullable String location,
        @Nullable String officeHours,
        @Nullable String phone,
        @Nullable String complaintPhone,
        List<Step> steps,
        List<SpecialProcedure> specialProcedures,
        List<String> intermediaryServices,
        List<Material> materials,
        ApplicationForm applicationForm,
        InstantApproval instantApproval,
        List<Fee> fees,
        List<Faq> faqs) {

    public ItemContent {
        aliases = listOrEmpty(aliases);
        keywords = listOrEmpty(keywords);
        // Sets in substance: kept in one order, so that the order they were ticked or listed in is not a change.
        exerciseLevels = sortedOrEmpty(exerciseLevels);
        handlingForms = sortedOrEmpty(handlingForms);
        audiences = sortedOrEmpty(audiences);
        serviceObjects = sortedOrEmpty(serviceObjects);
        themes = sortedOrEmpty(themes);
        steps = listOrEmpty(steps);
        specialProcedures = listOrEmpty(specialProcedures);
        intermediaryServices = listOrEmpty(intermediaryServices);
        materials = listOrEmpty(materials);
        applicationForm = applicationForm == null ? ApplicationForm.NONE : applicationForm;
        instantApproval = instantApproval == null ? InstantApproval.NONE : instantApproval;
        fees = listOrEmpty(fees);
        faqs = listOrEmpty(faqs);
    }

    private static <T> List<T> listOrEmpty(@Nullable List<T> list) {
        return list == null ? List.of() : list.stream().filter(java.util.Objects::nonNull).toList();
    }

    private static <T extends Comparable<? super T>> List<T> sortedOrEmpty(@Nullable List<T> list) {
        return listOrEmpty(list).stream().sorted().toList();
    }

    /**
     * The same content with each attached file passed through {@code f}: the result sample and the materials' blank
     * forms and samples (their bodies moved in or out of an exchange document).
     */
    ItemContent mapAttachments(UnaryOperator<Attachment> f) {
        return new ItemContent(basicCode, implementationCode, handleItemCode, name, aliases, keywords, type,
                departmentCreditCode, exerciseLevels, powerSource, entrustingDepartment, summary, legalBasis,
                acceptanceConditions, statutoryLimit, committedLimit, extension, caseType, visits, onlineDepth, handlingForms,
                onlineAddress, scope, quantityLimit, audiences, serviceObjects, themes, resultName, resultType,
                resultSample == null ? null : f.apply(resultSample), location, officeHours, phone, complaintPhone,
                steps, specialProcedures, intermediaryServices, materials.stream().map(m -> m.mapAttachments(f)).toList(),
                applicationForm, instantApproval, fees, faqs);
    }

    /** Every file attached to this content: the result sample, and each material's blank form and sample. */
    public List<Attachment> attachments() {
        return List.copyOf(attachmentsByPath().values());
    }

    /** The attached files by their path in the exchange format ({@code materials[1].blankForm}). */
    java.util.Map<String, Attachment> attachmentsByPath() {
        java.util.Map<String, Attachment> files = new java.util.LinkedHashMap<>();
        if (resultSample != null) {
            files.put("resultSample", resultSample);
        }
        for (int i = 0; i < materials.size(); i++) {
            Material m = materials.get(i);
            if (m.blankForm() != null) {
                files.put("materials[" + i + "].blankForm", m.blankForm());
            }
            if (m.sample() != null) {
                files.put("materials[" + i + "].sample", m.sample());
            }
        }
        return files;
    }

    /** Materials the applicant must bring or upload. */
    public List<Material> materialsToBring() {
        return materials.stream().filter(m -> !m.replaced()).toList();
    }

    /** Materials a license or shared data replaces (免提交): listed so that nobody brings them for nothing. */
    public List<Material> materialsNotNeeded() {
        return materials.stream().filter(Material::replaced).toList();
    }

    public boolean free() {
        return fees.isEmpty();
    }

    /** Whether the item allows its limit to be extended (延长审批): by {@link #extension}, with the head's approval. */
    public boolean extensible() {
        return extension != null;
    }

    /**
     * This version's 秒批 rule applied to one application (see {@link InstantApproval#evaluate}): TO_A_PERSON when
     * the item offers none.
     */
    public ApprovalEvaluation evaluateInstantApproval(java.util.Map<String, String> answers,
                                                      java.util.Map<String, String> verified,
                                                      java.time.LocalDate submittedOn) {
        return instantApproval.evaluate(applicationForm, answers, verified, submittedOn);
    }

    /** 事项类型 with its national code (REFERENCE.md §3.3). */
    public enum Type {
        LICENSING("01"), PENALTY("02"), ENFORCEMENT("03"), COLLECTION("04"), PAYMENT("05"), INSPECTION("06"),
        CONFIRMATION("07"), REWARD("08"), ADJUDICATION("09"), OTHER_POWER("20"), PUBLIC_SERVICE("21");

        private final String nationalCode;

        Type(String nationalCode) {
            this.nationalCode = nationalCode;
        }

        public String nationalCode() {
            return nationalCode;
        }
    }

    /**
     * 行使层级: the levels of government that exercise the item. The national schema's codes for them are not
     * verified (REFERENCE.md §3.4), so provincial synchronisation maps these names, not codes.
     */
    public enum ExerciseLevel { NATIONAL, PROVINCIAL, CITY, COUNTY, TOWNSHIP, VILLAGE }

    /**
     * 权力来源: whether the implementing department exercises the power by law at its own level, or because a higher
     * or same-level body delegated, authorised or entrusted it. Entrusted powers name the entrusting department.
     */
    public enum PowerSource {
        STATUTORY, DELEGATED_BY_HIGHER, AUTHORISED_BY_HIGHER, AUTHORISED_BY_PEER, ENTRUSTED_BY_HIGHER,
        ENTRUSTED_BY_PEER, OTHER;

        public boolean entrusted() {
            return this == ENTRUSTED_BY_HIGHER || this == ENTRUSTED_BY_PEER;
        }
    }

    /** 办件类型: done on the spot (即办件) or by a promised date (承诺件). */
    public enum CaseType { IMMEDIATE, PROMISED }

    /** 网上办理深度 in the four provincial levels. */
    public enum OnlineDepth { PUBLIC_INFO, PRE_REVIEW, ONLINE_ACCEPTANCE, FULLY_ONLINE }

    /** 办理形式. */
    public enum HandlingForm { COUNTER, ONLINE, MAIL }

    /** 通办范围: where else than its own counter the item can be handled. */
    public enum Scope { DISTRICT, CITY, PROVINCE }

    /** 服务对象 as the portal sorts them: natural persons (个人) or legal persons and other organisations (法人). */
    public enum Audience { PERSON, ORGANISATION }

    /**
     * 服务对象 in the national dictionary's seven kinds (REFERENCE.md §3.4, codes 1–7), each under the portal's
     * audience it belongs to. Optional: the portal sorts by {@link Audience}; this is the finer statement a provincial
     * catalogue carries.
     */
    public enum ServiceObject {
        NATURAL_PERSON("1", Audience.PERSON), ENTERPRISE("2", Audience.ORGANISATION),
        PUBLIC_INSTITUTION("3", Audience.ORGANISATION), SOCIAL_ORGANISATION("4", Audience.ORGANISATION),
        UNINCORPORATED_ENTERPRISE("5", Audience.ORGANISATION), GOVERNMENT_BODY("6", Audience.ORGANISATION),
        OTHER_ORGANISATION("7", Audience.ORGANISATION);

        private final String nationalCode;
        private final Audience audience;

        ServiceObject(String nationalCode, Audience audience) {
            this.nationalCode = nationalCode;
            this.audience = audience;
        }

        public String nationalCode() {
            return nationalCode;
        }

        public Audience audience() {
            return audience;
        }
    }

    /** 审批结果类型. */
    public enum ResultType { LICENSE, APPROVAL, OTHER }

    /** 时限单位. */
    public enum LimitUnit { WORKING_DAYS, NATURAL_DAYS }

    /** Who handles a step (环节). */
    public enum StepRole { WINDOW_CLERK, DEPARTMENT_REVIEWER, DEPARTMENT_HEAD }

    /** 材料必要性. */
    public enum Requirement { REQUIRED, CONDITIONAL }

    /** 材料形式. */
    public enum MaterialForm { PAPER, ELECTRONIC, PAPER_OR_ELECTRONIC }

    /** 来源渠道. */
    public enum MaterialSource { APPLICANT, GOVERNMENT, OTHER }

    /** A time limit and its unit. Working days are counted on the working-day calendar. */
    public record TimeLimit(int value, @Nullable LimitUnit unit) {

        /**
         * Whether this limit, counted from some day, can end after {@code other} counted from the same day: the test
         * that a committed limit (承诺时限) is not longer than the statutory one (法定时限) on any day an application
         * is accepted. Across units it is exact on the published calendar, not an average week:
         * <ul>
         * <li>this limit in working days, the other in natural days: {@code n} working days end no later than
         * {@code l} natural days from every start day exactly when the <em>longest</em> natural span of {@code n}
         * working days ({@link WorkingDayCalendar#longestSpan}) is at most {@code l}. Five working days before
         * 国庆 take fifteen natural days, so "5 working days" does not fit within "7 natural days".</li>
         * <li>this limit in natural days, the other in working days: {@code l} natural days end no later than
         * {@code n} working days from every start day exactly when {@code l} is at most the <em>shortest</em> span
         * ({@link WorkingDayCalendar#shortestSpan}). Where 调休 Saturdays make working weeks of six days, 20
         * working days take 25 natural days, so "28 natural days" does not fit within "20 working days".</li>
         * </ul>
         * Using the other bound in either case would let a committed limit end after the statutory deadline on the
         * days that matter most, around the long holidays. A natural-day limit is taken to end on its last day even
         * when that is a holiday: 民法典 §203 would move it to the next working day, but whether that binds an
         * administrative limit is not settled (domain/CASE-DATA.md §4), and not moving it is the stricter reading.
         */
        boolean mayEndAfter(TimeLimit other, WorkingDayCalendar calendar) {
            if (unit == other.unit) {
                return value > other.value;
            }
            if (unit == LimitUnit.WORKING_DAYS) {
                return calendar.longestSpan(value) > other.value;
            }
            return value > calendar.shortestSpan(other.value);
        }
    }

    /** A step (环节) of handling, with the role that does it and its own limit. */
    public record Step(String name, @Nullable StepRole role, @Nullable TimeLimit limit) {
    }

    /**
     * A material (申请材料): whether something the government already holds replaces it (免提交), whether it may be
     * handed in after acceptance ({@code deferrable}, 容缺受理), and whether the applicant may sign a commitment in its
     * place ({@code commitmentAllowed}, 告知承诺: the department verifies after the decision, and a decision obtained
     * by a false commitment can be revoked). {@code commitmentAllowed} came after the first release of the format, so
     * a document or a stored version without it reads as false.
     */
    public record Material(String name, @Nullable Requirement requirement, @Nullable String condition,
                           @Nullable MaterialForm form, @Nullable Integer originals, @Nullable Integer copies,
                           @Nullable String paperSpec, @Nullable MaterialSource source, @Nullable String sourceNote,
                           boolean deferrable,
                           @JsonSetter(nulls = Nulls.AS_EMPTY) boolean commitmentAllowed,
                           @Nullable String replacedByLicense,
                           @Nullable String replacedBySharedData, @Nullable String note,
                           @Nullable String acceptanceStandard, @Nullable String basis,
                           @Nullable Attachment blankForm, @Nullable Attachment sample) {

        Material mapAttachments(UnaryOperator<Attachment> f) {
            return new Material(name, requirement, condition, form, originals, copies, paperSpec, source, sourceNote,
                    deferrable, commitmentAllowed, replacedByLicense, replacedBySharedData, note, acceptanceStandard, basis,
                    blankForm == null ? null : f.apply(blankForm), sample == null ? null : f.apply(sample));
        }

        public boolean replaced() {
            return hasText(replacedByLicense) || hasText(replacedBySharedData);
        }

        private static boolean hasText(@Nullable String s) {
            return s != null && !s.isBlank();
        }
    }

    /**
     * A file attached to a material: a blank form (空白表格) or a filled-in sample (示例样表). Stored once by its
     * SHA-256; the base64 body travels only in exchange documents.
     */
    public record Attachment(String fileName, String contentType, @Nullable String sha256, @Nullable Long size,
                             @Nullable String base64) {

        Attachment withoutBody() {
            return new Attachment(fileName, contentType, sha256, size, null);
        }
    }

    /**
     * 特别程序: a procedure such as an inspection, an expert review, a hearing or a public notice whose time does not
     * count towards the item's time limit (the case clock stops while it runs), with its own limit.
     */
    public record SpecialProcedure(String name, @Nullable TimeLimit limit, @Nullable String note) {
    }

    /** 收费项目, with the basis on which it may be waived or reduced (允许减免依据). */
    public record Fee(String name, String standard, @Nullable String basis, boolean waivable,
                      @Nullable String waiverBasis) {
    }

    /** 常见问题. */
    public record Faq(String question, String answer) {
    }
}
