package org.tongban.cases;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the case documents ({@code tongban.documents.*}): the receipts and notices as PDFs.
 *
 * @param platform          the platform's name at the head of every document and in its last line
 * @param publicUrl         the base URL people reach the platform at; the receipt's QR code opens
 *                          {@code {publicUrl}/progress?number={number}}
 * @param font              a TrueType font file (.ttf, or .ttc with {@code ,index}) with Chinese glyphs to embed instead
 *                          of the bundled Noto Sans SC; empty for the bundled one
 * @param reviewBody        where the applicant applies for administrative review (行政复议机关) of a refusal or a
 *                          rejection: under 行政复议法 (2023) §24 usually the people's government at the department's
 *                          level; a vertically managed department names its superior
 * @param reviewPeriod      the time to apply for review: 行政复议法 §20, 六十日 from receipt of the notice, unless a
 *                          specific law gives longer
 * @param litigationPeriod  the time to sue: 行政诉讼法 §46, 六个月 from knowing of the decision, unless a specific
 *                          law says otherwise
 */
@ConfigurationProperties("tongban.documents")
record DocumentsProperties(@DefaultValue("海川市政务服务网") String platform,
                           @DefaultValue("http://localhost:8080") String publicUrl,
                           @Nullable String font,
                           @DefaultValue("海川市人民政府") String reviewBody,
                           @DefaultValue("六十日") String reviewPeriod,
                           @DefaultValue("六个月") String litigationPeriod) {

    DocumentsProperties {
        publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The remedies the applicant has against a refusal or rejection (行政许可法 §38 requires telling them). */
    String remedies(String document) {
        return "如不服本决定，可以自收到本" + document + "之日起" + reviewPeriod + "内向" + reviewBody
                + "申请行政复议，或者在" + litigationPeriod + "内依法向人民法院提起行政诉讼。";
    }

    String progressUrl(CaseNumber number) {
        return publicUrl + "/progress?number=" + number.value();
    }
}
