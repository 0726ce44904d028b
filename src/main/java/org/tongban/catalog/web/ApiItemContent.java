package org.tongban.catalog.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.tongban.catalog.ItemContent;
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

import java.util.List;
import java.util.function.Function;

/**
 * What the public API publishes of an item's content (事项要素): its own types, so that the stored
 * {@link ItemContent} can change without changing the contract with department systems and the provincial platform.
 * The property names are those of the exchange format (docs/catalogue-format.md) and of the API before it had its
 * own types. Attached files are published as download links, never with their bodies. The value sets (type, units,
 * roles …) are the catalogue's enumerations: their constants are listed in the pinned OpenAPI document, so a
 * constant added there fails {@code PublicApiContractTests} until the API's change is accepted.
 * <p>
 * Everything the API publishes of the content is mapped in this file: a new element of {@link ItemContent} is not
 * published until a component is added here (and to {@link #of}) and the pinned OpenAPI document is updated.
 */
@Schema(name = "ItemContent", description = "事项要素 the elements of a service item, as its guide (办事指南) "
        + "publishes them (national elements of an implementation list entry, 实施清单)")
record ApiItemContent(
        @Schema(description = "基本编码 basic code: 12 characters [0-9A-Z]", example = "011000340000")
        String basicCode,
        @Schema(description = "实施编码 implementation code: the department's credit code (18) and 13 characters [0-9A-Z]",
                example = "11377000HC000025110129990010010")
        String implementationCode,
        @Schema(description = "业务办理项编码 handling item code, only for an item split into handling items")
        @Nullable String handleItemCode,
        @Schema(description = "事项名称 name", example = "出生医学证明签发")
        String name,
        @Schema(description = "别名 other names people use")
        List<String> aliases,
        @Schema(description = "关键词 keywords")
        List<String> keywords,
        @Schema(description = "事项类型 item type: 许可 LICENSING (01), 处罚 PENALTY (02), 强制 ENFORCEMENT (03), "
                + "征收 COLLECTION (04), 给付 PAYMENT (05), 检查 INSPECTION (06), 确认 CONFIRMATION (07), "
                + "奖励 REWARD (08), 裁决 ADJUDICATION (09), 其他行政权力 OTHER_POWER (20), 公共服务 PUBLIC_SERVICE (21)")
        @Nullable Type type,
        @Schema(description = "实施主体 implementing department: its unified social credit code (统一社会信用代码)")
        String departmentCreditCode,
        @Schema(description = "行使层级 levels of government that exercise the item")
        List<ExerciseLevel> exerciseLevels,
        @Schema(description = "权力来源 source of the power: exercised by law at its own level, or delegated, "
                + "authorised or entrusted by a higher or same-level body")
        @Nullable PowerSource powerSource,
        @Schema(description = "委托部门 entrusting department, for an entrusted power")
        @Nullable String entrustingDepartment,
        @Schema(description = "事项说明 plain-language summary: who needs the item and what they get")
        String summary,
        @Schema(description = "设定依据 legal basis")
        String legalBasis,
        @Schema(description = "受理条件 acceptance conditions")
        String acceptanceConditions,
        @Schema(description = "法定办结时限 statutory time limit; absent when the law sets none")
        @Nullable TimeLimit statutoryLimit,
        @Schema(description = "承诺办结时限 promised time limit, at most the statutory one; 0 is on the spot")
        @Nullable TimeLimit committedLimit,
        @Schema(description = "延长审批 extension: how far a case may be extended; null where the item allows none")
        @Nullable TimeLimit extension,
        @Schema(description = "办件类型 case type: 即办件 IMMEDIATE (on the spot), 承诺件 PROMISED (by a promised date)")
        @Nullable CaseType caseType,
        @Schema(description = "到办事现场次数 visits to a counter required (最多跑一次: at most one)")
        @Nullable Integer visits,
        @Schema(description = "网上办理深度 online depth: 办事指南公开 PUBLIC_INFO, 在线预审 PRE_REVIEW, "
                + "网上受理 ONLINE_ACCEPTANCE, 全程网办 FULLY_ONLINE")
        @Nullable OnlineDepth onlineDepth,
        @Schema(description = "办理形式 handling forms: 窗口 COUNTER, 网上 ONLINE, 快递 MAIL")
        List<HandlingForm> handlingForms,
        @Schema(description = "网办地址 online application address, on the department's own site")
        @Nullable String onlineAddress,
        @Schema(description = "通办范围 handling scope: where else than its own counter the item can be handled")
        @Nullable Scope scope,
        @Schema(description = "数量限制 limit on numbers, e.g. 每户限申请一次 (once per household)")
        @Nullable String quantityLimit,
        @Schema(description = "服务对象 audience: 个人 PERSON (natural persons), 法人 ORGANISATION (legal persons and "
                + "other organisations)")
        List<Audience> audiences,
        @Schema(description = "服务对象细类 kinds of applicant in the national dictionary (codes 1–7), each within one "
                + "of the audiences")
        List<ServiceObject> serviceObjects,
        @Schema(description = "主题 life-event theme codes, as listed by /api/v1/catalog/themes")
        List<String> themes,
        @Schema(description = "审批结果名称 name of the result")
        @Nullable String resultName,
        @Schema(description = "审批结果类型 type of the result: 证照 LICENSE, 批文 APPROVAL, 其他 OTHER")
        @Nullable ResultType resultType,
        @Schema(description = "审批结果样本 sample of the result")
        @Nullable Attachment resultSample,
        @Schema(description = "办理地点 where to go")
        @Nullable String location,
        @Schema(description = "办理时间 office hours")
        @Nullable String officeHours,
        @Schema(description = "咨询电话 telephone for questions")
        @Nullable String phone,
        @Schema(description = "监督投诉电话 telephone for complaints")
        @Nullable String complaintPhone,
        @Schema(description = "办理环节 steps of handling, in order")
        List<Step> steps,
        @Schema(description = "特别程序 special procedures, whose time does not count towards the time limit")
        List<SpecialProcedure> specialProcedures,
        @Schema(description = "中介服务 third-party (intermediary) services the applicant commissions")
        List<String> intermediaryServices,
        @Schema(description = "申请材料 materials")
        List<Material> materials,
        @Schema(description = "收费项目 fees; none means free of charge")
        List<Fee> fees,
        @Schema(description = "常见问题 frequently asked questions")
        List<Faq> faqs,
        @Schema(description = "申请表 the questions an application answers (POST /api/v1/cases form data, by key)")
        ApiApplicationForm applicationForm) {

    /** The published content of an item; its attached files link to the item's public download address. */
    static ApiItemContent of(ItemContent c) {
        Function<ItemContent.Attachment, Attachment> file = a -> Attachment.of(c.implementationCode(), a);
        return new ApiItemContent(c.basicCode(), c.implementationCode(), c.handleItemCode(), c.name(), c.aliases(),
                c.keywords(), c.type(), c.departmentCreditCode(), c.exerciseLevels(), c.powerSource(),
                c.entrustingDepartment(), c.summary(), c.legalBasis(), c.acceptanceConditions(),
                TimeLimit.of(c.statutoryLimit()), TimeLimit.of(c.committedLimit()), TimeLimit.of(c.extension()), c.caseType(), c.visits(),
                c.onlineDepth(), c.handlingForms(), c.onlineAddress(), c.scope(), c.quantityLimit(), c.audiences(),
                c.serviceObjects(), c.themes(), c.resultName(), c.resultType(),
                c.resultSample() == null ? null : file.apply(c.resultSample()), c.location(), c.officeHours(),
                c.phone(), c.complaintPhone(),
                c.steps().stream().map(s -> new Step(s.name(), s.role(), TimeLimit.of(s.limit()))).toList(),
                c.specialProcedures().stream()
                        .map(p -> new SpecialProcedure(p.name(), TimeLimit.of(p.limit()), p.note())).toList(),
                c.intermediaryServices(),
                c.materials().stream().map(m -> new Material(m.name(), m.requirement(), m.condition(), m.form(),
                        m.originals(), m.copies(), m.paperSpec(), m.source(), m.sourceNote(), m.deferrable(),
                        m.commitmentAllowed(), m.replacedByLicense(), m.replacedBySharedData(), m.note(), m.acceptanceStandard(), m.basis(),
                        m.blankForm() == null ? null : file.apply(m.blankForm()),
                        m.sample() == null ? null : file.apply(m.sample()))).toList(),
                c.fees().stream().map(f -> new Fee(f.name(), f.standard(), f.basis(), f.waivable(), f.waiverBasis()))
                        .toList(),
                c.faqs().stream().map(f -> new Faq(f.question(), f.answer())).toList(),
                ApiApplicationForm.of(c.applicationForm()));
    }

    @Schema(name = "TimeLimit", description = "时限 a time limit; working days are counted on the published "
            + "working-day calendar (工作日历), with its adjusted working days (调休)")
    record TimeLimit(
            @Schema(description = "数值 number of days", example = "5") int value,
            @Schema(description = "时限单位 unit: 工作日 WORKING_DAYS, 自然日 NATURAL_DAYS") @Nullable LimitUnit unit) {

        static @Nullable TimeLimit of(ItemContent.@Nullable TimeLimit limit) {
            return limit == null ? null : new TimeLimit(limit.value(), limit.unit());
        }
    }

    @Schema(name = "Step", description = "办理环节 a step of handling")
    record Step(
            @Schema(description = "环节名称 name", example = "受理") String name,
            @Schema(description = "办理人 who handles it: 综合窗口 WINDOW_CLERK, 审批人员 DEPARTMENT_REVIEWER, "
                    + "部门负责人 DEPARTMENT_HEAD") @Nullable StepRole role,
            @Schema(description = "环节时限 time limit of the step") @Nullable TimeLimit limit) {
    }

    @Schema(name = "SpecialProcedure", description = "特别程序 a procedure such as an inspection, expert review, "
            + "hearing or public notice: the case clock stops while it runs")
    record SpecialProcedure(
            @Schema(description = "名称 name", example = "现场核查") String name,
            @Schema(description = "时限 its own time limit") @Nullable TimeLimit limit,
            @Schema(description = "说明 note") @Nullable String note) {
    }

    @Schema(name = "Material", description = "申请材料 a material the applicant brings or uploads, or that a "
            + "license or shared data replaces (免提交)")
    record Material(
            @Schema(description = "材料名称 name", example = "居民身份证") String name,
            @Schema(description = "材料必要性 requirement: 必须 REQUIRED, 特定情形 CONDITIONAL (see condition)")
            @Nullable Requirement requirement,
            @Schema(description = "特定情形 when a conditional material is needed") @Nullable String condition,
            @Schema(description = "材料形式 form: 纸质 PAPER, 电子 ELECTRONIC, 纸质或电子 PAPER_OR_ELECTRONIC")
            @Nullable MaterialForm form,
            @Schema(description = "原件份数 originals") @Nullable Integer originals,
            @Schema(description = "复印件份数 copies") @Nullable Integer copies,
            @Schema(description = "纸质材料规格 paper size, e.g. A4 纸") @Nullable String paperSpec,
            @Schema(description = "来源渠道 source: 申请人自备 APPLICANT, 政府部门核发 GOVERNMENT, 其他 OTHER")
            @Nullable MaterialSource source,
            @Schema(description = "来源说明 where it comes from, e.g. 公安机关核发") @Nullable String sourceNote,
            @Schema(description = "容缺受理 deferrable: may be handed in after acceptance") boolean deferrable,
            @Schema(description = "告知承诺 commitment allowed: a signed commitment may replace it") boolean commitmentAllowed,
            @Schema(description = "免提交：电子证照 the electronic license type that replaces it")
            @Nullable String replacedByLicense,
            @Schema(description = "免提交：数据共享 the shared data that replaces it") @Nullable String replacedBySharedData,
            @Schema(description = "备注 note") @Nullable String note,
            @Schema(description = "受理标准 acceptance standard: what the counter checks it against")
            @Nullable String acceptanceStandard,
            @Schema(description = "要求提供材料的依据 basis for requiring it") @Nullable String basis,
            @Schema(description = "空白表格 blank form") @Nullable Attachment blankForm,
            @Schema(description = "示例样表 filled-in sample") @Nullable Attachment sample) {
    }

    @Schema(name = "Attachment", description = "附件 a file attached to the item (blank form, sample, sample of the "
            + "result), published as a download link")
    record Attachment(
            @Schema(description = "文件名 file name", example = "申请表.pdf") String fileName,
            @Schema(description = "文件类型 media type", example = "application/pdf") String contentType,
            @Schema(description = "SHA-256 of the file, in hexadecimal: to check a download") @Nullable String sha256,
            @Schema(description = "文件大小 size in bytes") @Nullable Long size,
            @Schema(description = "下载地址 download link, a path on this server",
                    example = "/items/11377000HC000025110129990010010/files/"
                            + "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
            @Nullable String url) {

        static Attachment of(String itemCode, ItemContent.Attachment a) {
            return new Attachment(a.fileName(), a.contentType(), a.sha256(), a.size(),
                    a.sha256() == null ? null : "/items/" + itemCode + "/files/" + a.sha256());
        }
    }

    @Schema(name = "Fee", description = "收费项目 a fee")
    record Fee(
            @Schema(description = "收费项目名称 name") String name,
            @Schema(description = "收费标准 amount or rule") String standard,
            @Schema(description = "收费依据 basis for charging") @Nullable String basis,
            @Schema(description = "是否允许减免 whether it may be waived or reduced") boolean waivable,
            @Schema(description = "减免依据 basis for waiving or reducing it") @Nullable String waiverBasis) {
    }

    @Schema(name = "Faq", description = "常见问题 a frequently asked question")
    record Faq(
            @Schema(description = "问题 question") String question,
            @Schema(description = "解答 answer") String answer) {
    }
}
