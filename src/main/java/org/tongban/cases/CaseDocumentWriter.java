package org.tongban.cases;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What each case document says, in the words of the notices: the receipt of a submission (收件回执) and the notices
 * of acceptance (受理通知书), refusal to accept (不予受理通知书), correction (补正告知书) and decision (准予 or 不予行政许可
 * 决定书). Refusals and rejections tell the applicant their remedies (行政许可法 §38). Works on the case alone, so it
 * is tested without Spring; {@link CaseDocuments} gathers what the case does not hold.
 */
final class CaseDocumentWriter {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu年M月d日");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu年M月d日 HH:mm");
    private static final String LAW = "《中华人民共和国行政许可法》";

    /** Who issues the document, and when it is generated. */
    /** @param acceptingCentre the name of the centre whose counter took the case, {@code null} for one applied online */
    record Letterhead(String department, Instant generatedAt, @Nullable String acceptingCentre) {
    }

    /** 不予受理: the reasons and the day, which the case's audit holds. */
    record Refusal(String reasons, LocalDate on) {
    }

    private final DocumentsProperties properties;
    private final DocumentFont font;
    private final ZoneId zone;
    private final int acceptanceLimit;

    CaseDocumentWriter(DocumentsProperties properties, DocumentFont font, ZoneId zone, int acceptanceLimit) {
        this.properties = properties;
        this.font = font;
        this.zone = zone;
        this.acceptanceLimit = acceptanceLimit;
    }

    // ---- 收件回执 ----

    byte[] receipt(Case c, Letterhead letterhead) {
        DocumentPdf pdf = open("收件回执", letterhead).head(properties.platform(), "收件回执", "办件编号 " + c.number().grouped());
        List<String[]> facts = new ArrayList<>();
        facts.add(row("办件编号", c.number().grouped()));
        facts.add(row("申请事项", item(c)));
        facts.add(row("申请人", c.applicant().name()));
        if (c.applicant().maskedIdentifier() != null) {
            facts.add(row(c.applicant().kind() == Applicant.Kind.ORGANISATION ? "统一社会信用代码" : "证件号码",
                    c.applicant().maskedIdentifier()));
        }
        facts.add(row("提交时间", MINUTE.format(c.submittedAt().atZone(zone))));
        facts.add(row("实施部门", letterhead.department()));
        if (letterhead.acceptingCentre() != null) {
            facts.add(row("收件窗口", letterhead.acceptingCentre()
                    + (c.intake().clerk() == null ? "" : "（" + c.intake().clerk().name() + "）")));
            facts.add(row("办理人", c.intake().authorisation()));
        }
        facts.add(row("受理", acceptance(c)));
        facts.add(row("办结时限", completion(c)));
        facts.add(row("结果送达", delivery(c.intake().delivery())));
        pdf.facts(facts);
        pdf.heading("提交的材料");
        pdf.table(new float[] {2.2f, 2.3f}, new String[] {"材料", "提交方式"},
                c.materials().stream().map(m -> row(m.name(), provision(m))).toList());
        if (c.deadlines().provisional()) {
            pdf.paragraph(PROVISIONAL);
        }
        String url = properties.progressUrl(c.number());
        pdf.qr(progressCode(url), "扫描二维码或访问以下地址，凭办件编号查询办理进度：", url);
        return pdf.issuer(letterhead.department(), DAY.format(c.submittedAt().atZone(zone))).bytes();
    }

    private String acceptance(Case c) {
        LocalDate accepted = c.acceptedOn();
        if (accepted != null) {
            return (c.deemedAccepted() ? "受理期限届满未作决定，自" + DAY.format(accepted) + "起视为受理"
                    : "已于" + DAY.format(accepted) + "受理") + "（" + NoticeKind.ACCEPTANCE.number(c.number()) + "）";
        }
        Correction correction = c.correction();
        return switch (c.status()) {
            case SUBMITTED -> {
                LocalDate due = Objects.requireNonNull(c.deadlines().acceptanceDue());
                yield DAY.format(due) + "前作出受理、不予受理或一次性告知补正的决定（" + acceptanceLimit + " 个工作日，"
                        + LAW + "第三十二条）";
            }
            case AWAITING_CORRECTION -> "已于" + DAY.format(Objects.requireNonNull(correction).notifiedOn())
                    + "一次性告知补正（" + correction.noticeNumber() + "）；受理期限自补正材料提交之日起重新计算";
            case NOT_ACCEPTED -> "不予受理（" + NoticeKind.NON_ACCEPTANCE.number(c.number()) + "）";
            case WITHDRAWN -> "申请人已撤回申请";
            default -> c.status().label();
        };
    }

    private static String completion(Case c) {
        if (c.completedOn() != null) {
            return "已于" + DAY.format(c.completedOn()) + "办结";
        }
        if (c.terms().immediate()) {
            return "即办件：受理时当场办结";
        }
        Limit committed = c.terms().committed() != null ? c.terms().committed() : c.terms().statutory();
        if (c.acceptedOn() == null) {
            return committed == null ? "自受理之日起计算" : "承诺办结时限自受理之日起计算：" + committed;
        }
        LocalDate promised = c.deadlines().promisedDue();
        LocalDate statutory = c.deadlines().statutoryDue();
        if (promised == null && statutory == null) {
            return c.status() == CaseStatus.SUSPENDED ? "特别程序中，时限暂停计算，程序结束后重新计算办结日期" : "—";
        }
        return promised != null
                ? "承诺于" + DAY.format(promised) + "前办结" + (statutory != null ? "（法定期限" + DAY.format(statutory) + "）" : "")
                : "法定期限" + DAY.format(statutory) + "前办结";
    }

    private static String provision(SubmittedMaterial m) {
        return switch (m.provision()) {
            case FILE -> "电子文件" + (m.fileName() != null ? "：" + m.fileName() : "");
            case BY_REFERENCE -> "免提交：" + (m.fileName() != null ? m.fileName() : "调取电子证照或共享数据");
            case COMMITMENT -> "告知承诺：以书面承诺代替";
            case DEFERRED -> "容缺后补：受理后限期补交";
            case PAPER -> "纸质材料，窗口核验";
        };
    }

    // ---- 受理通知书 ----

    byte[] acceptance(Case c, Letterhead letterhead) {
        LocalDate accepted = Objects.requireNonNull(c.acceptedOn(), "not accepted");
        DocumentPdf pdf = notice(c, NoticeKind.ACCEPTANCE, "受理通知书", letterhead);
        pdf.paragraph(applied(c) + (c.deemedAccepted()
                ? "本机关未在法定期限内作出是否受理的决定，依照" + LAW + "第三十二条，自" + DAY.format(accepted) + "起视为受理。"
                : "经审查，申请材料齐全、符合法定形式，本机关决定予以受理。"));
        List<String[]> facts = new ArrayList<>();
        facts.add(row("受理日期", DAY.format(accepted)));
        if (c.terms().immediate()) {
            facts.add(row("办结", "即办件：受理时当场办结"));
        }
        else {
            facts.add(row("承诺办结日期", dateOrDash(c.deadlines().promisedDue(), c.terms().committed())));
            facts.add(row("法定办结日期", dateOrDash(c.deadlines().statutoryDue(), c.terms().statutory())));
        }
        pdf.facts(facts);
        if (c.deadlines().provisional()) {
            pdf.paragraph(PROVISIONAL);
        }
        if (!c.deferred().isEmpty()) {
            pdf.heading("容缺受理的材料");
            pdf.table(new float[] {2.4f, 1.3f, 1.3f}, new String[] {"材料", "补交期限", "补交情况"},
                    c.deferred().stream().map(d -> new String[] {d.name(), DAY.format(d.dueOn()),
                            d.receivedOn() == null ? "待补交" : DAY.format(d.receivedOn()) + "已补交"}).toList());
            pdf.paragraph("请在补交期限前提交上述材料。容缺材料补齐前，本机关不作出准予许可的决定。");
        }
        List<String> committed = c.materials().stream()
                .filter(m -> m.provision() == SubmittedMaterial.Provision.COMMITMENT).map(SubmittedMaterial::name).toList();
        if (!committed.isEmpty()) {
            pdf.heading("告知承诺");
            pdf.paragraph("你（单位）已书面承诺符合相关条件、标准和要求，本机关以承诺代替以下材料："
                    + String.join("、", committed) + "。承诺不实的，本机关将依法撤销相应的许可决定，并依法追究责任。");
        }
        return pdf.issuer(letterhead.department(), DAY.format(accepted)).bytes();
    }

    private static String dateOrDash(@Nullable LocalDate date, @Nullable Limit limit) {
        if (date == null) {
            return limit == null ? "—" : "自受理之日起 " + limit + "（特别程序期间不计算在内）";
        }
        return DAY.format(date) + (limit == null ? "" : "（自受理之日起 " + limit + "）");
    }

    // ---- 不予受理通知书 ----

    byte[] nonAcceptance(Case c, Refusal refusal, Letterhead letterhead) {
        DocumentPdf pdf = notice(c, NoticeKind.NON_ACCEPTANCE, "不予受理通知书", letterhead);
        pdf.paragraph(applied(c) + "经审查，本机关决定不予受理。理由如下：");
        pdf.paragraph(refusal.reasons());
        pdf.paragraph(properties.remedies("通知书"));
        return pdf.issuer(letterhead.department(), DAY.format(refusal.on())).bytes();
    }

    // ---- 补正告知书 ----

    byte[] correction(Case c, Letterhead letterhead) {
        Correction correction = Objects.requireNonNull(c.correction(), "no correction");
        DocumentPdf pdf = notice(c, NoticeKind.CORRECTION, "补正材料告知书", letterhead);
        pdf.paragraph(applied(c) + "经审查，申请材料不齐全或者不符合法定形式。依照" + LAW
                + "第三十二条，现一次性告知需要补正的全部内容：");
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < correction.items().size(); i++) {
            Correction.Item item = correction.items().get(i);
            rows.add(new String[] {String.valueOf(i + 1), item.material(), item.problem()});
        }
        pdf.table(new float[] {0.4f, 1.6f, 3.0f}, new String[] {"序号", "材料", "需要补正的内容"}, rows);
        pdf.paragraph("请按上述内容补正后重新提交。受理期限自本机关收到全部补正材料之日起重新计算（" + acceptanceLimit
                + " 个工作日）；补正期间不计算受理期限。");
        if (correction.resubmittedOn() != null) {
            pdf.paragraph("你（单位）已于" + DAY.format(correction.resubmittedOn()) + "提交补正材料。");
        }
        return pdf.issuer(letterhead.department(), DAY.format(correction.notifiedOn())).bytes();
    }

    // ---- 准予 / 不予行政许可决定书 ----

    byte[] decision(Case c, Letterhead letterhead) {
        Decision decision = Objects.requireNonNull(c.decision(), "not decided");
        boolean approved = decision.outcome() == Decision.Outcome.APPROVED;
        DocumentPdf pdf = notice(c, NoticeKind.DECISION, approved ? "准予行政许可决定书" : "不予行政许可决定书", letterhead);
        String accepted = c.acceptedOn() == null ? "" : "本机关于" + DAY.format(c.acceptedOn()) + "受理后";
        if (approved) {
            pdf.paragraph(applied(c) + accepted + "经审查，申请符合法定条件、标准，决定准予行政许可。");
            List<String[]> facts = new ArrayList<>();
            facts.add(row("审批意见", decision.opinion()));
            if (c.terms().resultName() != null) {
                facts.add(row("办理结果", c.terms().resultName()));
            }
            facts.add(row("结果送达", delivery(c.intake().delivery())));
            pdf.facts(facts);
            if (decision.automatic()) {
                pdf.paragraph("本决定由" + properties.platform() + "依据规则“" + decision.automaticRule() + "”自动作出（秒批）。");
            }
            if (c.status() == CaseStatus.REVOKED && c.revocationReasons() != null) {
                pdf.heading("撤销");
                pdf.paragraph("本许可已被依法撤销。理由：" + c.revocationReasons());
            }
        }
        else {
            pdf.paragraph(applied(c) + accepted + "经审查，决定不予行政许可。理由如下：");
            pdf.paragraph(decision.opinion());
            pdf.heading("法律依据");
            pdf.paragraph(Objects.requireNonNullElse(decision.legalBasis(), "—"));
            pdf.paragraph(properties.remedies("决定书"));
        }
        return pdf.issuer(letterhead.department(), DAY.format(decision.at().atZone(zone))).bytes();
    }

    // ---- 告知承诺书 ----

    /** The national rule on 告知承诺, whose model letter this one follows: the 告知 and what the applicant commits to. */
    static final String COMMITMENT_BASIS = "《国务院办公厅关于全面推行证明事项和涉企经营许可事项告知承诺制的指导意见》（国办发〔2020〕42号）";

    /**
     * What the catalogue says about the item, which the case does not copy: its conditions and legal basis, and for
     * each material the standard it must meet and the rule that requires it. Any of them may be unknown.
     */
    record CommitmentTerms(@Nullable String legalBasis, @Nullable String conditions, Map<String, Material> materials) {

        record Material(@Nullable String standard, @Nullable String basis) {
        }

        static final CommitmentTerms UNKNOWN = new CommitmentTerms(null, null, Map.of());
    }

    /**
     * 告知承诺书: the department's 告知 (the item, its conditions, the materials the commitment replaces with what each
     * must show, the check after the decision, the consequences of a false commitment and the legal basis), then the
     * applicant's commitment in the words of 国办发〔2020〕42号, with their name, masked number and the day they signed
     * it by submitting.
     */
    byte[] commitment(Case c, Letterhead letterhead, CommitmentTerms terms) {
        List<String> committed = c.materials().stream()
                .filter(m -> m.provision() == SubmittedMaterial.Provision.COMMITMENT).map(SubmittedMaterial::name).toList();
        if (committed.isEmpty()) {
            throw new IllegalArgumentException("Case " + c.number() + " has no commitment");
        }
        String signedOn = DAY.format(c.submittedAt().atZone(zone));
        DocumentPdf pdf = open("告知承诺书", letterhead).head(properties.platform(), "告知承诺书",
                "编号：" + commitmentNumber(c.number()));
        pdf.heading("一、行政机关告知");
        pdf.paragraph("依据" + COMMITMENT_BASIS + "，" + letterhead.department() + "对" + c.terms().itemName()
                + "申请中的下列材料实行告知承诺制：申请人书面承诺符合条件的，不再提交这些材料。现将有关事项告知如下：");
        List<String[]> facts = new ArrayList<>();
        facts.add(row("申请事项", item(c)));
        if (terms.legalBasis() != null && !terms.legalBasis().isBlank()) {
            facts.add(row("设定依据", terms.legalBasis()));
        }
        if (terms.conditions() != null && !terms.conditions().isBlank()) {
            facts.add(row("申请条件", terms.conditions()));
        }
        pdf.facts(facts);
        pdf.table(new float[] {1.6f, 2.4f, 1.6f}, new String[] {"以承诺代替的材料", "应当符合的条件、标准和要求", "依据"},
                committed.stream().map(name -> {
                    CommitmentTerms.Material m = terms.materials().get(name);
                    return new String[] {name, orDash(m == null ? null : m.standard()), orDash(m == null ? null : m.basis())};
                }).toList());
        pdf.paragraph("承诺方式：申请人以书面（含电子）方式签署本承诺书，代替上述材料。行政机关在作出决定后，将依法对申请人"
                + "承诺的内容进行核查（事后核查），申请人应当予以配合。");
        pdf.paragraph("不实承诺的法律责任：申请人作出不实承诺的，行政机关将依法撤销据此作出的决定，并依法追究相应法律责任；"
                + "不实承诺的情况将记入申请人的信用记录，依法实施失信惩戒。");
        pdf.heading("二、申请人承诺");
        pdf.paragraph("本人（单位）郑重承诺：（一）所填写的信息真实、准确；（二）已经知晓行政机关告知的全部内容；"
                + "（三）已经符合告知的条件、标准和要求，以承诺代替的" + String.join("、", committed)
                + "所证明的事项真实；（四）愿意承担不实承诺的法律责任；（五）所作承诺是本人（单位）真实意思的表示。");
        List<String[]> signature = new ArrayList<>();
        signature.add(row("承诺人", c.applicant().name()));
        if (c.applicant().maskedIdentifier() != null) {
            signature.add(row(c.applicant().kind() == Applicant.Kind.ORGANISATION ? "统一社会信用代码" : "证件号码",
                    c.applicant().maskedIdentifier()));
        }
        signature.add(row("承诺日期", signedOn));
        signature.add(row("签署方式", c.intake().channel() == Intake.Channel.COUNTER
                ? "在" + (letterhead.acceptingCentre() == null ? "政务服务中心" : letterhead.acceptingCentre())
                        + "窗口提交申请时确认（" + MINUTE.format(c.submittedAt().atZone(zone)) + "）"
                : "以实名账号在线提交申请时确认（" + MINUTE.format(c.submittedAt().atZone(zone)) + "）"));
        pdf.facts(signature);
        return pdf.issuer(letterhead.department(), signedOn).bytes();
    }

    /** 告知承诺书 are numbered after the case like the notices, with the suffix {@code -CN} (承诺). */
    static String commitmentNumber(CaseNumber number) {
        return number.value() + "-CN";
    }

    private static String orDash(@Nullable String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    private static String delivery(Intake.Delivery delivery) {
        return switch (delivery.method()) {
            case PICK_UP -> "到受理窗口领取";
            case MAIL -> "邮寄送达：" + delivery.address();
            case ELECTRONIC -> "电子证照，在线查看和下载";
        };
    }

    /** One page saying what it is: the file behind every uploaded material of the demo cases. */
    byte[] sampleMaterial(Instant generatedAt) {
        return open("示例材料", new Letterhead("", generatedAt, null)).head(properties.platform(), "示例材料", "演示数据")
                .paragraph("这是海川市演示数据附带的示例文件，代替申请人上传的申请材料，用来演示工作人员查看材料。")
                .paragraph("海川市是虚构的城市：本文件不是任何人的真实材料，也不含任何真实的个人信息。")
                .bytes();
    }

    // ---- shared ----

    private static final String PROVISIONAL = "以上日期所在年度的节假日安排尚未公布，暂按正常工作周推算；公布后以重新计算的日期为准。";

    private DocumentPdf open(String title, Letterhead letterhead) {
        return new DocumentPdf(font.newBaseFont(), title, "本文书由" + properties.platform() + "于 "
                + MINUTE.format(letterhead.generatedAt().atZone(zone)) + " 生成，未加盖印章。");
    }

    private DocumentPdf notice(Case c, NoticeKind kind, String title, Letterhead letterhead) {
        return open(title, letterhead).head(properties.platform(), title, "编号：" + kind.number(c.number()))
                .addressee(c.applicant().name());
    }

    private String applied(Case c) {
        return "你（单位）于" + DAY.format(c.submittedAt().atZone(zone)) + "提出的" + c.terms().itemName()
                + "申请（办件编号 " + c.number().grouped() + "），";
    }

    private static String item(Case c) {
        return c.terms().itemName() + "（" + c.item().itemCode() + "，第 " + c.item().versionNo() + " 版）";
    }

    private static String[] row(String label, @Nullable String value) {
        return new String[] {label, value == null ? "—" : value};
    }

    /** The QR code of a URL, medium error correction (a smudged print still reads). */
    static BitMatrix progressCode(String url) {
        try {
            return new QRCodeWriter().encode(url, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        }
        catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode " + url + " as a QR code", e);
        }
    }
}
