package org.tongban.bench;

import org.springframework.core.io.ClassPathResource;
import org.tongban.catalog.CatalogueDocument;
import org.tongban.catalog.ItemContent;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A catalogue of any size for benchmarks, made from the demo items so that names, materials and FAQ read like
 * the real thing: each generated item is a demo item as another district, township or business line would list
 * it (海川市 has 22,112 business items in seed 002's city; the benchmark asks for 50,000).
 */
final class CatalogueGenerator {

    private static final String[] PLACES = {"东港区", "西岭区", "云山县", "白沙市", "海湾新区", "临港经济区", "高新区", "北岭镇",
            "南湖街道", "滨海街道", "松林乡", "青石镇", "渔港社区", "金沙街道", "翠屏乡", "望海镇", "石门街道", "桃源乡", "凤鸣街道", "龙湾镇"};
    private static final String[] VARIANTS = {"", "（延续）", "（变更）", "（补办）", "（注销）", "（首次）", "（迁入）", "（迁出）",
            "（告知承诺）", "（容缺受理）"};

    private CatalogueGenerator() {
    }

    static CatalogueDocument generate(int count, JsonMapper json) throws IOException {
        List<ItemContent> base = new ArrayList<>();
        for (String file : List.of("demo/catalogue/10-person.json", "demo/catalogue/20-organisation.json")) {
            base.addAll(json.readValue(new ClassPathResource(file).getInputStream(), CatalogueDocument.class).items());
        }
        List<ItemContent> items = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            ItemContent b = base.get(n % base.size());
            int round = n / base.size();
            String place = PLACES[round % PLACES.length];
            String variant = VARIANTS[(round / PLACES.length) % VARIANTS.length];
            String basic = b.type().nationalCode() + "9" + String.format("%09d", n);
            items.add(new ItemContent(basic, b.departmentCreditCode() + basic + "0", b.handleItemCode(),
                    place + b.name() + variant + (round >= PLACES.length * VARIANTS.length ? "·" + round : ""),
                    b.aliases(), b.keywords(), b.type(), b.departmentCreditCode(), b.exerciseLevels(),
                    b.powerSource(), b.entrustingDepartment(), b.summary(), b.legalBasis(),
                    b.acceptanceConditions(), b.statutoryLimit(), b.committedLimit(), b.extension(), b.caseType(), b.visits(),
                    b.onlineDepth(), b.handlingForms(), b.onlineAddress(), b.scope(), b.quantityLimit(),
                    b.audiences(), b.serviceObjects(), b.themes(), b.resultName(), b.resultType(), b.resultSample(), b.location(), b.officeHours(),
                    b.phone(), b.complaintPhone(), b.steps(), b.specialProcedures(), b.intermediaryServices(),
                    b.materials(), b.applicationForm(), b.instantApproval(), b.fees(), b.faqs()));
        }
        return new CatalogueDocument(CatalogueDocument.FORMAT, CatalogueDocument.VERSION, List.of(), List.of(),
                List.of(), items);
    }
}
