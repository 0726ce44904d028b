package org.tongban.cases;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemContent;
import org.tongban.catalog.ItemContent.Material;
import org.tongban.catalog.ItemContent.MaterialForm;
import org.tongban.catalog.ItemContent.MaterialSource;
import org.tongban.catalog.ItemContent.Requirement;
import org.tongban.catalog.ItemContent.SpecialProcedure;
import org.tongban.catalog.TestItems;
import org.tongban.support.SignedIn;

/**
 * Items published for case tests, each new, with market regulation (市场监管局, whose reviewer and head are in the
 * demo data) as the handling department: an application form (申请书), a deferrable floor plan (容缺), the business
 * licence replaced by the licence the enterprise holds, and a site inspection (现场核查) as special procedure.
 */
public final class CaseTestItems {

    private static final AtomicInteger NEXT = new AtomicInteger(7100);

    public static final String FORM = "申请书";
    public static final String FLOOR_PLAN = "经营场所平面图";

    private CaseTestItems() {
    }

    public static ItemContent licensing() {
        int n = NEXT.incrementAndGet();
        ItemContent base = TestItems.valid("案件测试许可" + n, String.valueOf(n));
        return TestItems.with(base,
                "applicationForm", org.tongban.catalog.ApplicationForm.of(org.tongban.catalog.FormField.of("contact", "联系人",
                        org.tongban.catalog.FormField.Type.TEXT, true)),
                "extension", new ItemContent.TimeLimit(10, ItemContent.LimitUnit.WORKING_DAYS),
                "specialProcedures", List.of(new SpecialProcedure("现场核查", null, "核查经营场所")),
                "materials", List.of(
                        base.materials().get(0),
                        new Material(FLOOR_PLAN, Requirement.REQUIRED, null, MaterialForm.ELECTRONIC, 1, 0, null,
                                MaterialSource.APPLICANT, null, true, false, null, null, null, "标明面积和功能分区", null,
                                null, null),
                        base.materials().get(1)));
    }

    public static final String PREMISES = "经营场所使用证明";

    /** {@link #licensing()} with a premises certificate that a signed commitment may replace (告知承诺). */
    public static ItemContent withCommitment() {
        ItemContent base = licensing();
        List<Material> materials = new java.util.ArrayList<>(base.materials());
        materials.add(new Material(PREMISES, Requirement.REQUIRED, null, MaterialForm.ELECTRONIC, 1, 0, null,
                MaterialSource.APPLICANT, null, false, true, null, null, "可以告知承诺方式代替", "产权证明或租赁合同",
                "《食品经营许可和备案管理办法》第十二条", null, null));
        return TestItems.with(base, "materials", materials);
    }

    /** Publishes the item as the demo catalogue administrator and legal reviewer; returns its code. */
    public static String publish(SignedIn signedIn, CatalogManagement catalog, ItemContent item, java.time.LocalDate today) {
        signedIn.as("catalog", () -> catalog.createItem(item));
        signedIn.as("catalog", () -> catalog.submitForReview(item.implementationCode(), today));
        signedIn.as("legal", () -> catalog.publish(item.implementationCode(), "合法"));
        return item.implementationCode();
    }
}
