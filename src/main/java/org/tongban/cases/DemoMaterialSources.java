package org.tongban.cases;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.stereotype.Component;
import org.tongban.catalog.ItemContent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The demo city's {@link MaterialSources}: every person holds an electronic ID card, household register and social
 * security card, and shared data knows their household, social insurance and property; every organisation holds its
 * business licence, and shared data knows its registration and taxes. References are derived from the account and
 * the licence name, so they are stable and no other applicant's reference is ever offered. The licences module
 * (issue 13) replaces the licences with real ones.
 */
@Component
@ConditionalOnMissingBean(value = MaterialSources.class, ignored = DemoMaterialSources.class)
class DemoMaterialSources implements MaterialSources {

    private static final Map<String, String> PERSON_LICENSES = Map.of(
            "居民身份证", "海川市公安局", "户口簿", "海川市公安局", "社会保障卡", "海川市人力资源和社会保障局");
    private static final Map<String, String> PERSON_DATA = Map.of(
            "户籍信息", "公安人口库", "社保参保信息", "人社参保库", "医保参保信息", "医保参保库", "不动产登记信息", "不动产登记库");
    private static final Map<String, String> ORGANISATION_LICENSES = Map.of("营业执照", "海川市市场监督管理局");
    private static final Map<String, String> ORGANISATION_DATA = Map.of(
            "企业登记信息", "市场主体登记库", "纳税信息", "税务征管库");

    @Override
    public List<HeldMaterial> offers(Applicant applicant, ItemContent.Material material) {
        boolean person = applicant.kind() == Applicant.Kind.PERSON;
        List<HeldMaterial> offers = new ArrayList<>();
        String license = material.replacedByLicense();
        String issuer = license == null ? null : (person ? PERSON_LICENSES : ORGANISATION_LICENSES).get(license.strip());
        if (issuer != null) {
            offers.add(new HeldMaterial(reference(applicant, license), HeldMaterial.Kind.LICENSE,
                    license.strip() + "（电子证照，持证人 " + applicant.name() + "）", issuer));
        }
        String data = material.replacedBySharedData();
        String holder = data == null ? null : (person ? PERSON_DATA : ORGANISATION_DATA).get(data.strip());
        if (holder != null) {
            offers.add(new HeldMaterial(reference(applicant, data), HeldMaterial.Kind.SHARED_DATA,
                    data.strip() + "（共享数据，" + applicant.name() + "）", holder));
        }
        return offers;
    }

    private static String reference(Applicant applicant, String name) {
        return "demo:" + CaseAudit.sha256(applicant.accountId() + "/" + name.strip()).substring(0, 24);
    }
}
