package org.tongban.catalog.web;

import org.jspecify.annotations.Nullable;
import org.tongban.catalog.ItemContent;
import org.tongban.catalog.ItemContent.Attachment;
import org.tongban.catalog.ItemContent.Audience;
import org.tongban.catalog.ItemContent.CaseType;
import org.tongban.catalog.ItemContent.ExerciseLevel;
import org.tongban.catalog.ItemContent.HandlingForm;
import org.tongban.catalog.ItemContent.LimitUnit;
import org.tongban.catalog.ItemContent.MaterialForm;
import org.tongban.catalog.ItemContent.MaterialSource;
import org.tongban.catalog.ItemContent.OnlineDepth;
import org.tongban.catalog.ItemContent.PowerSource;
import org.tongban.catalog.ItemContent.Requirement;
import org.tongban.catalog.ItemContent.ResultType;
import org.tongban.catalog.ItemContent.Scope;
import org.tongban.catalog.ItemContent.ServiceObject;
import org.tongban.catalog.ItemContent.StepRole;
import org.tongban.catalog.ItemContent.Type;

import org.springframework.web.multipart.MultipartFile;
import org.tongban.catalog.ApplicationForm;
import org.tongban.catalog.ApprovalCondition;
import org.tongban.catalog.FormField;
import org.tongban.catalog.InstantApproval;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The administration form of an item version. It mirrors {@link ItemContent} path for path
 * ({@code materials[1].name}), so that a rule's violation lands beside the field it names. Lists grow and shrink
 * by submit buttons, so the form works without JavaScript.
 */
public class ItemForm {

    private String basicCode = "";
    private String implementationCode = "";
    private String handleItemCode = "";
    private String name = "";
    private String aliases = "";
    private String keywords = "";
    private @Nullable Type type;
    private String departmentCreditCode = "";
    private List<ExerciseLevel> exerciseLevels = new ArrayList<>();
    private @Nullable PowerSource powerSource;
    private String entrustingDepartment = "";
    private String summary = "";
    private String legalBasis = "";
    private String acceptanceConditions = "";
    private LimitFields statutoryLimit = new LimitFields();
    private LimitFields committedLimit = new LimitFields();
    private LimitFields extension = new LimitFields();
    private @Nullable CaseType caseType;
    private @Nullable Integer visits;
    private @Nullable OnlineDepth onlineDepth;
    private List<HandlingForm> handlingForms = new ArrayList<>();
    private String onlineAddress = "";
    private @Nullable Scope scope;
    private String quantityLimit = "";
    private List<Audience> audiences = new ArrayList<>();
    private List<ServiceObject> serviceObjects = new ArrayList<>();
    private List<String> themes = new ArrayList<>();
    private String resultName = "";
    private @Nullable ResultType resultType;
    private AttachmentFields resultSample = new AttachmentFields();
    private String location = "";
    private String officeHours = "";
    private String phone = "";
    private String complaintPhone = "12345";
    private List<StepRow> steps = new ArrayList<>(List.of(new StepRow()));
    private List<SpecialProcedureRow> specialProcedures = new ArrayList<>();
    private String intermediaryServices = "";
    private List<MaterialRow> materials = new ArrayList<>(List.of(new MaterialRow()));
    private FormFields applicationForm = new FormFields();
    private ConditionFields instantApproval = new ConditionFields();
    private List<FeeRow> fees = new ArrayList<>();
    private List<FaqRow> faqs = new ArrayList<>();
    private String changeNote = "";

    static ItemForm of(ItemContent c) {
        ItemForm f = new ItemForm();
        f.basicCode = c.basicCode();
        f.implementationCode = c.implementationCode();
        f.handleItemCode = orEmpty(c.handleItemCode());
        f.name = c.name();
        f.aliases = String.join("，", c.aliases());
        f.keywords = String.join("，", c.keywords());
        f.type = c.type();
        f.departmentCreditCode = c.departmentCreditCode();
        f.exerciseLevels = new ArrayList<>(c.exerciseLevels());
        f.powerSource = c.powerSource();
        f.entrustingDepartment = orEmpty(c.entrustingDepartment());
        f.summary = c.summary();
        f.legalBasis = c.legalBasis();
        f.acceptanceConditions = c.acceptanceConditions();
        f.statutoryLimit = LimitFields.of(c.statutoryLimit());
        f.committedLimit = LimitFields.of(c.committedLimit());
        f.extension = LimitFields.of(c.extension());
        f.caseType = c.caseType();
        f.visits = c.visits();
        f.onlineDepth = c.onlineDepth();
        f.handlingForms = new ArrayList<>(c.handlingForms());
        f.onlineAddress = orEmpty(c.onlineAddress());
        f.scope = c.scope();
        f.quantityLimit = orEmpty(c.quantityLimit());
        f.audiences = new ArrayList<>(c.audiences());
        f.serviceObjects = new ArrayList<>(c.serviceObjects());
        f.themes = new ArrayList<>(c.themes());
        f.resultName = orEmpty(c.resultName());
        f.resultType = c.resultType();
        f.resultSample = AttachmentFields.of(c.resultSample());
        f.location = orEmpty(c.location());
        f.officeHours = orEmpty(c.officeHours());
        f.phone = orEmpty(c.phone());
        f.complaintPhone = orEmpty(c.complaintPhone());
        f.steps = new ArrayList<>(c.steps().stream().map(StepRow::of).toList());
        f.specialProcedures = new ArrayList<>(c.specialProcedures().stream().map(SpecialProcedureRow::of).toList());
        f.intermediaryServices = String.join("\n", c.intermediaryServices());
        f.materials = new ArrayList<>(c.materials().stream().map(MaterialRow::of).toList());
        f.applicationForm = FormFields.of(c.applicationForm());
        f.instantApproval = ConditionFields.of(c.instantApproval());
        f.fees = new ArrayList<>(c.fees().stream().map(FeeRow::of).toList());
        f.faqs = new ArrayList<>(c.faqs().stream().map(FaqRow::of).toList());
        return f;
    }

    ItemContent toContent() {
        return new ItemContent(basicCode.strip().toUpperCase(), implementationCode.strip().toUpperCase(),
                blankToNull(handleItemCode), name.strip(), split(aliases), split(keywords), type,
                departmentCreditCode.strip().toUpperCase(), List.copyOf(exerciseLevels), powerSource,
                blankToNull(entrustingDepartment), summary.strip(), legalBasis.strip(), acceptanceConditions.strip(),
                statutoryLimit.toLimit(), committedLimit.toLimit(), extension.toLimit(), caseType, visits, onlineDepth,
                List.copyOf(handlingForms), blankToNull(onlineAddress), scope, blankToNull(quantityLimit),
                List.copyOf(audiences), List.copyOf(serviceObjects), List.copyOf(themes), blankToNull(resultName),
                resultType,
                resultSample.toAttachment(),
                blankToNull(location), blankToNull(officeHours), blankToNull(phone), blankToNull(complaintPhone),
                steps.stream().filter(s -> !s.isBlank()).map(StepRow::toStep).toList(),
                specialProcedures.stream().filter(p -> !p.isBlank()).map(SpecialProcedureRow::toProcedure).toList(),
                lines(intermediaryServices),
                materials.stream().filter(m -> !m.isBlank()).map(MaterialRow::toMaterial).toList(),
                applicationForm.toForm(), instantApproval.toRule(),
                fees.stream().filter(x -> !x.isBlank()).map(FeeRow::toFee).toList(),
                faqs.stream().filter(x -> !x.isBlank()).map(FaqRow::toFaq).toList());
    }

    /**
     * Adds an empty row to a list ("steps", "specialProcedures", "materials", "formFields" of the application form,
     * "conditions" of the 秒批 rule, "fees", "faqs").
     */
    void addRow(String list) {
        switch (list) {
            case "steps" -> steps.add(new StepRow());
            case "formFields" -> applicationForm.fields.add(new FieldRow());
            case "conditions" -> instantApproval.conditions.add(new ConditionRow());
            case "specialProcedures" -> specialProcedures.add(new SpecialProcedureRow());
            case "materials" -> materials.add(new MaterialRow());
            case "fees" -> fees.add(new FeeRow());
            case "faqs" -> faqs.add(new FaqRow());
            default -> throw new IllegalArgumentException("no such list: " + list);
        }
    }

    /** Removes a row, given as "materials:2". */
    void removeRow(String listAndIndex) {
        String[] parts = listAndIndex.split(":");
        int index = Integer.parseInt(parts[1]);
        List<?> list = list(parts[0]);
        if (index >= 0 && index < list.size()) {
            list.remove(index);
        }
    }

    /** Moves a row one place up, given as "formFields:2": the order of a form is the order it asks in. */
    void moveRowUp(String listAndIndex) {
        String[] parts = listAndIndex.split(":");
        int index = Integer.parseInt(parts[1]);
        List<?> list = list(parts[0]);
        if (index > 0 && index < list.size()) {
            java.util.Collections.swap(list, index, index - 1);
        }
    }

    private List<?> list(String name) {
        return switch (name) {
            case "steps" -> steps;
            case "specialProcedures" -> specialProcedures;
            case "materials" -> materials;
            case "formFields" -> applicationForm.fields;
            case "conditions" -> instantApproval.conditions;
            case "fees" -> fees;
            case "faqs" -> faqs;
            default -> throw new IllegalArgumentException("no such list: " + name);
        };
    }

    private static List<String> split(String text) {
        return Arrays.stream(text.split("[,，、;；\\n]")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** One entry per line: a service's own name may contain commas (地质灾害危险性评估、压覆矿产资源评估). */
    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }

    /** A time limit: empty value means none. */
    public static class LimitFields {
        private @Nullable Integer value;
        private @Nullable LimitUnit unit = LimitUnit.WORKING_DAYS;

        static LimitFields of(ItemContent.@Nullable TimeLimit limit) {
            LimitFields f = new LimitFields();
            if (limit != null) {
                f.value = limit.value();
                f.unit = limit.unit();
            }
            return f;
        }

        ItemContent.@Nullable TimeLimit toLimit() {
            return value == null ? null : new ItemContent.TimeLimit(value, unit);
        }

        public @Nullable Integer getValue() { return value; }
        public void setValue(@Nullable Integer value) { this.value = value; }
        public @Nullable LimitUnit getUnit() { return unit; }
        public void setUnit(@Nullable LimitUnit unit) { this.unit = unit; }
    }

    /** A step row. */
    public static class StepRow {
        private String name = "";
        private @Nullable StepRole role;
        private LimitFields limit = new LimitFields();

        static StepRow of(ItemContent.Step s) {
            StepRow f = new StepRow();
            f.name = s.name();
            f.role = s.role();
            f.limit = LimitFields.of(s.limit());
            return f;
        }

        boolean isBlank() {
            return name.isBlank() && role == null && limit.value == null;
        }

        ItemContent.Step toStep() {
            return new ItemContent.Step(name.strip(), role, limit.toLimit());
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public @Nullable StepRole getRole() { return role; }
        public void setRole(@Nullable StepRole role) { this.role = role; }
        public LimitFields getLimit() { return limit; }
        public void setLimit(LimitFields limit) { this.limit = limit; }
    }

    /** A special procedure row (特别程序). */
    public static class SpecialProcedureRow {
        private String name = "";
        private LimitFields limit = new LimitFields();
        private String note = "";

        static SpecialProcedureRow of(ItemContent.SpecialProcedure p) {
            SpecialProcedureRow f = new SpecialProcedureRow();
            f.name = p.name();
            f.limit = LimitFields.of(p.limit());
            f.note = orEmpty(p.note());
            return f;
        }

        boolean isBlank() {
            return name.isBlank() && limit.value == null && note.isBlank();
        }

        ItemContent.SpecialProcedure toProcedure() {
            return new ItemContent.SpecialProcedure(name.strip(), limit.toLimit(), blankToNull(note));
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public LimitFields getLimit() { return limit; }
        public void setLimit(LimitFields limit) { this.limit = limit; }
        public String getNote() { return note; }
        public void setNote(String note) { this.note = note; }
    }

    /** A material row. */
    public static class MaterialRow {
        private String name = "";
        private @Nullable Requirement requirement = Requirement.REQUIRED;
        private String condition = "";
        private @Nullable MaterialForm form = MaterialForm.PAPER_OR_ELECTRONIC;
        private @Nullable Integer originals = 1;
        private @Nullable Integer copies = 0;
        private String paperSpec = "";
        private @Nullable MaterialSource source = MaterialSource.APPLICANT;
        private String sourceNote = "";
        private boolean deferrable;
        private boolean commitmentAllowed;
        private String replacedByLicense = "";
        private String replacedBySharedData = "";
        private String note = "";
        private String acceptanceStandard = "";
        private String basis = "";
        private AttachmentFields blankForm = new AttachmentFields();
        private AttachmentFields sample = new AttachmentFields();

        static MaterialRow of(ItemContent.Material m) {
            MaterialRow f = new MaterialRow();
            f.name = m.name();
            f.requirement = m.requirement();
            f.condition = orEmpty(m.condition());
            f.form = m.form();
            f.originals = m.originals();
            f.copies = m.copies();
            f.paperSpec = orEmpty(m.paperSpec());
            f.source = m.source();
            f.sourceNote = orEmpty(m.sourceNote());
            f.deferrable = m.deferrable();
            f.commitmentAllowed = m.commitmentAllowed();
            f.replacedByLicense = orEmpty(m.replacedByLicense());
            f.replacedBySharedData = orEmpty(m.replacedBySharedData());
            f.note = orEmpty(m.note());
            f.acceptanceStandard = orEmpty(m.acceptanceStandard());
            f.basis = orEmpty(m.basis());
            f.blankForm = AttachmentFields.of(m.blankForm());
            f.sample = AttachmentFields.of(m.sample());
            return f;
        }

        boolean isBlank() {
            return name.isBlank() && condition.isBlank() && note.isBlank() && paperSpec.isBlank()
                    && acceptanceStandard.isBlank() && basis.isBlank() && blankForm.isEmpty() && sample.isEmpty();
        }

        ItemContent.Material toMaterial() {
            return new ItemContent.Material(name.strip(), requirement, blankToNull(condition), form, originals, copies,
                    blankToNull(paperSpec), source, blankToNull(sourceNote), deferrable, commitmentAllowed,
                    blankToNull(replacedByLicense),
                    blankToNull(replacedBySharedData), blankToNull(note), blankToNull(acceptanceStandard),
                    blankToNull(basis), blankForm.toAttachment(), sample.toAttachment());
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public @Nullable Requirement getRequirement() { return requirement; }
        public void setRequirement(@Nullable Requirement requirement) { this.requirement = requirement; }
        public String getCondition() { return condition; }
        public void setCondition(String condition) { this.condition = condition; }
        public @Nullable MaterialForm getForm() { return form; }
        public void setForm(@Nullable MaterialForm form) { this.form = form; }
        public @Nullable Integer getOriginals() { return originals; }
        public void setOriginals(@Nullable Integer originals) { this.originals = originals; }
        public @Nullable Integer getCopies() { return copies; }
        public void setCopies(@Nullable Integer copies) { this.copies = copies; }
        public String getPaperSpec() { return paperSpec; }
        public void setPaperSpec(String paperSpec) { this.paperSpec = paperSpec; }
        public @Nullable MaterialSource getSource() { return source; }
        public void setSource(@Nullable MaterialSource source) { this.source = source; }
        public String getSourceNote() { return sourceNote; }
        public void setSourceNote(String sourceNote) { this.sourceNote = sourceNote; }
        public boolean isDeferrable() { return deferrable; }
        public void setDeferrable(boolean deferrable) { this.deferrable = deferrable; }
        public boolean isCommitmentAllowed() { return commitmentAllowed; }
        public void setCommitmentAllowed(boolean commitmentAllowed) { this.commitmentAllowed = commitmentAllowed; }
        public String getReplacedByLicense() { return replacedByLicense; }
        public void setReplacedByLicense(String v) { this.replacedByLicense = v; }
        public String getReplacedBySharedData() { return replacedBySharedData; }
        public void setReplacedBySharedData(String v) { this.replacedBySharedData = v; }
        public String getNote() { return note; }
        public void setNote(String note) { this.note = note; }
        public String getAcceptanceStandard() { return acceptanceStandard; }
        public void setAcceptanceStandard(String acceptanceStandard) { this.acceptanceStandard = acceptanceStandard; }
        public String getBasis() { return basis; }
        public void setBasis(String basis) { this.basis = basis; }
        public AttachmentFields getBlankForm() { return blankForm; }
        public void setBlankForm(AttachmentFields blankForm) { this.blankForm = blankForm; }
        public AttachmentFields getSample() { return sample; }
        public void setSample(AttachmentFields sample) { this.sample = sample; }
    }

    /**
     * A blank form or sample: the stored file it refers to (kept across submits in hidden fields), a new upload
     * replacing it, or a request to remove it.
     */
    public static class AttachmentFields {
        private String fileName = "";
        private String contentType = "";
        private String sha256 = "";
        private @Nullable Long size;
        private @Nullable MultipartFile upload;
        private boolean remove;

        static AttachmentFields of(@Nullable Attachment a) {
            AttachmentFields f = new AttachmentFields();
            if (a != null) {
                f.fileName = a.fileName();
                f.contentType = a.contentType();
                f.sha256 = orEmpty(a.sha256());
                f.size = a.size();
            }
            return f;
        }

        boolean isEmpty() {
            return sha256.isBlank() && !hasUpload();
        }

        boolean hasUpload() {
            return upload != null && !upload.isEmpty();
        }

        /** Takes the checked upload as this field's file. */
        void accept(String fileName, org.tongban.catalog.Upload checked) {
            this.fileName = fileName;
            this.contentType = checked.contentType();
            this.sha256 = checked.sha256();
            this.size = (long) checked.data().length;
            this.upload = null;
        }

        @Nullable Attachment toAttachment() {
            return remove || sha256.isBlank() ? null : new Attachment(fileName, contentType, sha256, size, null);
        }

        public String getFileName() { return fileName; }
        public void setFileName(String fileName) { this.fileName = fileName; }
        public String getContentType() { return contentType; }
        public void setContentType(String contentType) { this.contentType = contentType; }
        public String getSha256() { return sha256; }
        public void setSha256(String sha256) { this.sha256 = sha256; }
        public @Nullable Long getSize() { return size; }
        public void setSize(@Nullable Long size) { this.size = size; }
        public @Nullable MultipartFile getUpload() { return upload; }
        public void setUpload(@Nullable MultipartFile upload) { this.upload = upload; }
        public boolean isRemove() { return remove; }
        public void setRemove(boolean remove) { this.remove = remove; }
    }

    /** The application form (申请表): its fields in the order asked, at {@code applicationForm.fields[i]}. */
    public static class FormFields {
        private List<FieldRow> fields = new ArrayList<>();

        static FormFields of(ApplicationForm form) {
            FormFields f = new FormFields();
            f.fields = new ArrayList<>(form.fields().stream().map(FieldRow::of).toList());
            return f;
        }

        ApplicationForm toForm() {
            return new ApplicationForm(fields.stream().filter(r -> !r.isBlank()).map(FieldRow::toField).toList());
        }

        public List<FieldRow> getFields() { return fields; }
        public void setFields(List<FieldRow> fields) { this.fields = fields; }
    }

    /**
     * One field of the application form. Its options are typed one per line as {@code 代码=名称} ({@code 1=男}), so
     * that a list of two hundred needs no buttons.
     */
    public static class FieldRow {
        private String key = "";
        private String label = "";
        private FormField.@Nullable Type type = FormField.Type.TEXT;
        private boolean required;
        private RequiredWhenFields requiredWhen = new RequiredWhenFields();
        private @Nullable Integer maxLength;
        private String pattern = "";
        private @Nullable BigDecimal min;
        private @Nullable BigDecimal max;
        private @Nullable Integer decimals;
        private FormField.@Nullable DateBound dateBound;
        private String dictionary = "";
        private String options = "";
        private String help = "";

        static FieldRow of(FormField field) {
            FieldRow f = new FieldRow();
            f.key = field.key();
            f.label = field.label();
            f.type = field.type();
            f.required = field.required();
            f.requiredWhen = RequiredWhenFields.of(field.requiredWhen());
            f.maxLength = field.maxLength();
            f.pattern = orEmpty(field.pattern());
            f.min = field.min();
            f.max = field.max();
            f.decimals = field.decimals();
            f.dateBound = field.dateBound();
            f.dictionary = orEmpty(field.dictionary());
            f.options = String.join("\n", field.options().stream().map(o -> o.code() + "=" + o.label()).toList());
            f.help = orEmpty(field.help());
            return f;
        }

        boolean isBlank() {
            return key.isBlank() && label.isBlank() && pattern.isBlank() && options.isBlank() && help.isBlank()
                    && requiredWhen.isBlank();
        }

        FormField toField() {
            return new FormField(key.strip(), label.strip(), type, required, requiredWhen.toRequiredWhen(), maxLength,
                    blankToNull(pattern), min, max, decimals, dateBound, blankToNull(dictionary), options(options),
                    blankToNull(help));
        }

        /** {@code 代码=名称} per line; a line without "=" is taken as a code whose name is missing, and refused so. */
        static List<FormField.Option> options(String text) {
            return text.lines().map(String::strip).filter(l -> !l.isEmpty()).map(line -> {
                int at = line.indexOf('=') >= 0 ? line.indexOf('=') : line.indexOf('＝');
                return at < 0 ? new FormField.Option(line, "")
                        : new FormField.Option(line.substring(0, at).strip(), line.substring(at + 1).strip());
            }).toList();
        }

        public String getKey() { return key; }
        public void setKey(String key) { this.key = key; }
        public String getLabel() { return label; }
        public void setLabel(String label) { this.label = label; }
        public FormField.@Nullable Type getType() { return type; }
        public void setType(FormField.@Nullable Type type) { this.type = type; }
        public boolean isRequired() { return required; }
        public void setRequired(boolean required) { this.required = required; }
        public RequiredWhenFields getRequiredWhen() { return requiredWhen; }
        public void setRequiredWhen(RequiredWhenFields requiredWhen) { this.requiredWhen = requiredWhen; }
        public @Nullable Integer getMaxLength() { return maxLength; }
        public void setMaxLength(@Nullable Integer maxLength) { this.maxLength = maxLength; }
        public String getPattern() { return pattern; }
        public void setPattern(String pattern) { this.pattern = pattern; }
        public @Nullable BigDecimal getMin() { return min; }
        public void setMin(@Nullable BigDecimal min) { this.min = min; }
        public @Nullable BigDecimal getMax() { return max; }
        public void setMax(@Nullable BigDecimal max) { this.max = max; }
        public @Nullable Integer getDecimals() { return decimals; }
        public void setDecimals(@Nullable Integer decimals) { this.decimals = decimals; }
        public FormField.@Nullable DateBound getDateBound() { return dateBound; }
        public void setDateBound(FormField.@Nullable DateBound dateBound) { this.dateBound = dateBound; }
        public String getDictionary() { return dictionary; }
        public void setDictionary(String dictionary) { this.dictionary = dictionary; }
        public String getOptions() { return options; }
        public void setOptions(String options) { this.options = options; }
        public String getHelp() { return help; }
        public void setHelp(String help) { this.help = help; }
    }

    /** 条件必填: the key of the other field and the answer that makes this one required; both empty for none. */
    public static class RequiredWhenFields {
        private String field = "";
        private String value = "";

        static RequiredWhenFields of(FormField.@Nullable RequiredWhen when) {
            RequiredWhenFields f = new RequiredWhenFields();
            if (when != null) {
                f.field = when.field();
                f.value = when.value();
            }
            return f;
        }

        boolean isBlank() {
            return field.isBlank() && value.isBlank();
        }

        FormField.@Nullable RequiredWhen toRequiredWhen() {
            return isBlank() ? null : new FormField.RequiredWhen(field.strip(), value.strip());
        }

        public String getField() { return field; }
        public void setField(String field) { this.field = field; }
        public String getValue() { return value; }
        public void setValue(String value) { this.value = value; }
    }

    /** The 秒批 rule: its conditions at {@code instantApproval.conditions[i]}. */
    public static class ConditionFields {
        private List<ConditionRow> conditions = new ArrayList<>();

        static ConditionFields of(InstantApproval rule) {
            ConditionFields f = new ConditionFields();
            f.conditions = new ArrayList<>(rule.conditions().stream().map(ConditionRow::of).toList());
            return f;
        }

        InstantApproval toRule() {
            return new InstantApproval(conditions.stream().filter(c -> !c.isBlank()).map(ConditionRow::toCondition)
                    .toList());
        }

        public List<ConditionRow> getConditions() { return conditions; }
        public void setConditions(List<ConditionRow> conditions) { this.conditions = conditions; }
    }

    /** One condition of the 秒批 rule. */
    public static class ConditionRow {
        private String field = "";
        private ApprovalCondition.@Nullable Operator operator;
        private String value = "";
        private String explanation = "";

        static ConditionRow of(ApprovalCondition c) {
            ConditionRow f = new ConditionRow();
            f.field = c.field();
            f.operator = c.operator();
            f.value = c.value();
            f.explanation = c.explanation();
            return f;
        }

        boolean isBlank() {
            return field.isBlank() && operator == null && value.isBlank() && explanation.isBlank();
        }

        ApprovalCondition toCondition() {
            return new ApprovalCondition(field.strip(), operator, value.strip(), explanation.strip());
        }

        public String getField() { return field; }
        public void setField(String field) { this.field = field; }
        public ApprovalCondition.@Nullable Operator getOperator() { return operator; }
        public void setOperator(ApprovalCondition.@Nullable Operator operator) { this.operator = operator; }
        public String getValue() { return value; }
        public void setValue(String value) { this.value = value; }
        public String getExplanation() { return explanation; }
        public void setExplanation(String explanation) { this.explanation = explanation; }
    }

    /** A fee row. */
    public static class FeeRow {
        private String name = "";
        private String standard = "";
        private String basis = "";
        private boolean waivable;
        private String waiverBasis = "";

        static FeeRow of(ItemContent.Fee fee) {
            FeeRow f = new FeeRow();
            f.name = fee.name();
            f.standard = fee.standard();
            f.basis = orEmpty(fee.basis());
            f.waivable = fee.waivable();
            f.waiverBasis = orEmpty(fee.waiverBasis());
            return f;
        }

        boolean isBlank() {
            return name.isBlank() && standard.isBlank() && basis.isBlank() && waiverBasis.isBlank();
        }

        ItemContent.Fee toFee() {
            return new ItemContent.Fee(name.strip(), standard.strip(), blankToNull(basis), waivable,
                    blankToNull(waiverBasis));
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getStandard() { return standard; }
        public void setStandard(String standard) { this.standard = standard; }
        public String getBasis() { return basis; }
        public void setBasis(String basis) { this.basis = basis; }
        public boolean isWaivable() { return waivable; }
        public void setWaivable(boolean waivable) { this.waivable = waivable; }
        public String getWaiverBasis() { return waiverBasis; }
        public void setWaiverBasis(String waiverBasis) { this.waiverBasis = waiverBasis; }
    }

    /** A question-and-answer row. */
    public static class FaqRow {
        private String question = "";
        private String answer = "";

        static FaqRow of(ItemContent.Faq faq) {
            FaqRow f = new FaqRow();
            f.question = faq.question();
            f.answer = faq.answer();
            return f;
        }

        boolean isBlank() {
            return question.isBlank() && answer.isBlank();
        }

        ItemContent.Faq toFaq() {
            return new ItemContent.Faq(question.strip(), answer.strip());
        }

        public String getQuestion() { return question; }
        public void setQuestion(String question) { this.question = question; }
        public String getAnswer() { return answer; }
        public void setAnswer(String answer) { this.answer = answer; }
    }

    public String getBasicCode() { return basicCode; }
    public void setBasicCode(String basicCode) { this.basicCode = basicCode; }
    public String getImplementationCode() { return implementationCode; }
    public void setImplementationCode(String implementationCode) { this.implementationCode = implementationCode; }
    public String getHandleItemCode() { return handleItemCode; }
    public void setHandleItemCode(String handleItemCode) { this.handleItemCode = handleItemCode; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getAliases() { return aliases; }
    public void setAliases(String aliases) { this.aliases = aliases; }
    public String getKeywords() { return keywords; }
    public void setKeywords(String keywords) { this.keywords = keywords; }
    public @Nullable Type getType() { return type; }
    public void setType(@Nullable Type type) { this.type = type; }
    public String getDepartmentCreditCode() { return departmentCreditCode; }
    public void setDepartmentCreditCode(String departmentCreditCode) { this.departmentCreditCode = departmentCreditCode; }
    public List<ExerciseLevel> getExerciseLevels() { return exerciseLevels; }
    public void setExerciseLevels(List<ExerciseLevel> exerciseLevels) { this.exerciseLevels = exerciseLevels; }
    public @Nullable PowerSource getPowerSource() { return powerSource; }
    public void setPowerSource(@Nullable PowerSource powerSource) { this.powerSource = powerSource; }
    public String getEntrustingDepartment() { return entrustingDepartment; }
    public void setEntrustingDepartment(String entrustingDepartment) { this.entrustingDepartment = entrustingDepartment; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public String getLegalBasis() { return legalBasis; }
    public void setLegalBasis(String legalBasis) { this.legalBasis = legalBasis; }
    public String getAcceptanceConditions() { return acceptanceConditions; }
    public void setAcceptanceConditions(String acceptanceConditions) { this.acceptanceConditions = acceptanceConditions; }
    public LimitFields getStatutoryLimit() { return statutoryLimit; }
    public void setStatutoryLimit(LimitFields statutoryLimit) { this.statutoryLimit = statutoryLimit; }
    public LimitFields getCommittedLimit() { return committedLimit; }
    public void setCommittedLimit(LimitFields committedLimit) { this.committedLimit = committedLimit; }
    public LimitFields getExtension() { return extension; }
    public void setExtension(LimitFields extension) { this.extension = extension; }
    public @Nullable CaseType getCaseType() { return caseType; }
    public void setCaseType(@Nullable CaseType caseType) { this.caseType = caseType; }
    public @Nullable Integer getVisits() { return visits; }
    public void setVisits(@Nullable Integer visits) { this.visits = visits; }
    public @Nullable OnlineDepth getOnlineDepth() { return onlineDepth; }
    public void setOnlineDepth(@Nullable OnlineDepth onlineDepth) { this.onlineDepth = onlineDepth; }
    public List<HandlingForm> getHandlingForms() { return handlingForms; }
    public void setHandlingForms(List<HandlingForm> handlingForms) { this.handlingForms = handlingForms; }
    public String getOnlineAddress() { return onlineAddress; }
    public void setOnlineAddress(String onlineAddress) { this.onlineAddress = onlineAddress; }
    public String getQuantityLimit() { return quantityLimit; }
    public void setQuantityLimit(String quantityLimit) { this.quantityLimit = quantityLimit; }
    public @Nullable Scope getScope() { return scope; }
    public void setScope(@Nullable Scope scope) { this.scope = scope; }
    public List<Audience> getAudiences() { return audiences; }
    public void setAudiences(List<Audience> audiences) { this.audiences = audiences; }
    public List<ServiceObject> getServiceObjects() { return serviceObjects; }
    public void setServiceObjects(List<ServiceObject> serviceObjects) { this.serviceObjects = serviceObjects; }
    public List<String> getThemes() { return themes; }
    public void setThemes(List<String> themes) { this.themes = themes; }
    public String getResultName() { return resultName; }
    public void setResultName(String resultName) { this.resultName = resultName; }
    public @Nullable ResultType getResultType() { return resultType; }
    public void setResultType(@Nullable ResultType resultType) { this.resultType = resultType; }
    public AttachmentFields getResultSample() { return resultSample; }
    public void setResultSample(AttachmentFields resultSample) { this.resultSample = resultSample; }
    public String getLocation() { return location; }
    public void setLocation(String location) { this.location = location; }
    public String getOfficeHours() { return officeHours; }
    public void setOfficeHours(String officeHours) { this.officeHours = officeHours; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getComplaintPhone() { return complaintPhone; }
    public void setComplaintPhone(String complaintPhone) { this.complaintPhone = complaintPhone; }
    public List<StepRow> getSteps() { return steps; }
    public void setSteps(List<StepRow> steps) { this.steps = steps; }
    public List<SpecialProcedureRow> getSpecialProcedures() { return specialProcedures; }
    public void setSpecialProcedures(List<SpecialProcedureRow> specialProcedures) { this.specialProcedures = specialProcedures; }
    public String getIntermediaryServices() { return intermediaryServices; }
    public void setIntermediaryServices(String intermediaryServices) { this.intermediaryServices = intermediaryServices; }
    public List<MaterialRow> getMaterials() { return materials; }
    public void setMaterials(List<MaterialRow> materials) { this.materials = materials; }
    public FormFields getApplicationForm() { return applicationForm; }
    public void setApplicationForm(FormFields applicationForm) { this.applicationForm = applicationForm; }
    public ConditionFields getInstantApproval() { return instantApproval; }
    public void setInstantApproval(ConditionFields instantApproval) { this.instantApproval = instantApproval; }
    public List<FeeRow> getFees() { return fees; }
    public void setFees(List<FeeRow> fees) { this.fees = fees; }
    public List<FaqRow> getFaqs() { return faqs; }
    public void setFaqs(List<FaqRow> faqs) { this.faqs = faqs; }
    public String getChangeNote() { return changeNote; }
    public void setChangeNote(String changeNote) { this.changeNote = changeNote; }
}
