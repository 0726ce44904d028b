package org.tongban.catalog;

import org.tongban.catalog.ItemContent.Audience;
import org.tongban.catalog.ItemContent.CaseType;
import org.tongban.catalog.ItemContent.HandlingForm;
import org.tongban.catalog.ItemContent.LimitUnit;
import org.tongban.catalog.ItemContent.Material;
import org.tongban.catalog.ItemContent.MaterialForm;
import org.tongban.catalog.ItemContent.MaterialSource;
import org.tongban.catalog.ItemContent.OnlineDepth;
import org.tongban.catalog.ItemContent.Requirement;
import org.tongban.catalog.ItemContent.Scope;
import org.tongban.catalog.ItemContent.Step;
import org.tongban.catalog.ItemContent.StepRole;
import org.tongban.catalog.ItemContent.TimeLimit;

import org.tongban.shared.WorkingDayCalendar;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Valid items of the demo city to vary in tests: one change per test shows which rule it exercises. */
public final class TestItems {

    /** 海川市市场监督管理局 in the demo data. */
    public static final String MARKET_REGULATION = "11377000HC00002511";
    public static final Set<String> DEPARTMENTS = Set.of(MARKET_REGULATION);
    public static final Map<String, Audience> THEMES = Map.of("START_UP", Audience.ORGANISATION, "BIRTH", Audience.PERSON);
    /** The calendar of the published 2025 and 2026 notices shipped with Tongban. */
    public static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.fromClasspath(false);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestItems() {
    }

    /**
     * The item with fields changed, by their names in the exchange format ({@code "committedLimit"}), so that a
     * test shows only what it varies.
     */
    public static ItemContent with(ItemContent item, Object... fieldsAndValues) {
        ObjectNode tree = (ObjectNode) JSON.valueToTree(item);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            tree.set((String) fieldsAndValues[i], JSON.valueToTree(fieldsAndValues[i + 1]));
        }
        return JSON.treeToValue(tree, ItemContent.class);
    }

    /** Any record of the content (a material, a form field) with fields changed, as {@link #with(ItemContent, Object...)}. */
    @SuppressWarnings("unchecked")
    public static <T extends Record> T with(T value, Object... fieldsAndValues) {
        ObjectNode tree = (ObjectNode) JSON.valueToTree(value);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            tree.set((String) fieldsAndValues[i], JSON.valueToTree(fieldsAndValues[i + 1]));
        }
        return (T) JSON.treeToValue(tree, value.getClass());
    }

    /** A valid item whose codes end in the given four digits (unique per test). */
    public static ItemContent valid(String name, String fourDigits) {
        String basic = "01299900" + fourDigits;
        return new ItemContent(basic, MARKET_REGULATION + basic + "0", null, name, List.of("测试别名" + fourDigits),
                List.of("测试关键词"), ItemContent.Type.LICENSING, MARKET_REGULATION,
                List.of(ItemContent.ExerciseLevel.CITY), ItemContent.PowerSource.STATUTORY, null,
                "为测试准备的事项，说明谁需要办理。",
                "《中华人民共和国行政许可法》第十二条", "申请人具有完全民事行为能力。",
                new TimeLimit(20, LimitUnit.WORKING_DAYS), new TimeLimit(5, LimitUnit.WORKING_DAYS), null,
                CaseType.PROMISED, 0, OnlineDepth.FULLY_ONLINE, List.of(HandlingForm.ONLINE, HandlingForm.COUNTER),
                null, Scope.CITY, null, List.of(Audience.ORGANISATION), List.of(), List.of("START_UP"), "测试许可证", ItemContent.ResultType.LICENSE,
                null,
                "海川市政务服务中心二楼", "工作日 9:00-17:00", "0535-66100001", "12345",
                List.of(new Step("受理", StepRole.WINDOW_CLERK, new TimeLimit(1, LimitUnit.WORKING_DAYS)),
                        new Step("审查", StepRole.DEPARTMENT_REVIEWER, new TimeLimit(3, LimitUnit.WORKING_DAYS)),
                        new Step("决定", StepRole.DEPARTMENT_HEAD, new TimeLimit(1, LimitUnit.WORKING_DAYS))),
                List.of(), List.of(),
                List.of(new Material("申请书", Requirement.REQUIRED, null, MaterialForm.PAPER_OR_ELECTRONIC, 1, 0,
                                "A4 纸", MaterialSource.APPLICANT, null, false, false, null, null, "须本人签字",
                                "内容填写完整，由申请人签字", null, null, null),
                        new Material("营业执照", Requirement.REQUIRED, null, MaterialForm.ELECTRONIC, 1, 0, null,
                                MaterialSource.GOVERNMENT, "市场监管部门核发", false, false, "营业执照", null, null, null, null,
                                null, null)),
                ApplicationForm.NONE, InstantApproval.NONE,
                List.of(), List.of(new ItemContent.Faq("要多久？", "5 个工作日。")));
    }
}
