package org.tongban.shared;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One year of 国务院办公厅《关于YYYY年部分节假日安排的通知》: the days off and the weekend days worked instead (调休上班).
 * Days not listed follow the week: Monday to Friday are worked.
 *
 * <p>Rules beyond the JSON shape, chosen so that typing mistakes surface at import:
 * <ul>
 * <li>Every date lies in {@code year}. holiday-cn warns that a notice may reach into the previous December; the
 * bundled years do not, and such a notice would need this rule relaxed.</li>
 * <li>A day off may fall on a weekend: the notices list such days as part of the holiday, and their names are
 * wanted for display.</li>
 * <li>A worked day must fall on a weekend. On a weekday it would change nothing, so it is almost certainly a wrong
 * date or a wrong {@code isOffDay}.</li>
 * <li>At least one source paper, so every computed deadline can be traced to the notice it rests on.</li>
 * </ul>
 *
 * @param papers the notices the days come from, e.g. the gov.cn page
 * @param days the listed days, in date order
 */
public record HolidaySchedule(int year, List<URI> papers, SortedMap<LocalDate, DayOverride> days) {

    // Duplicate members are refused rather than letting the last one win silently.
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /**
     * A day that does not follow the week.
     *
     * @param name the holiday it belongs to, e.g. 春节, also for the weekend days worked because of it
     * @param offDay {@code true} for a day off, {@code false} for a weekend day worked (调休上班)
     */
    public record DayOverride(String name, boolean offDay) {

        public DayOverride {
            name = name.strip();
            if (name.isEmpty()) {
                throw new InvalidValueException("holiday-schedule.name", "节假日名称不能为空");
            }
        }

        public static DayOverride off(String name) {
            return new DayOverride(name, true);
        }

        public static DayOverride working(String name) {
            return new DayOverride(name, false);
        }
    }

    public HolidaySchedule {
        papers = List.copyOf(papers);
        days = Collections.unmodifiableSortedMap(new TreeMap<>(days));
        if (papers.isEmpty()) {
            throw new InvalidValueException("holiday-schedule.papers", year + " 年的节假日安排没有注明来源文件（papers）");
        }
        for (URI paper : papers) {
            checkPaper(paper, paper.toString());
        }
        if (days.isEmpty()) {
            throw new InvalidValueException("holiday-schedule.no-days", year + " 年的节假日安排没有任何日期（days）");
        }
        for (Map.Entry<LocalDate, DayOverride> day : days.entrySet()) {
            checkDay(year, day.getKey(), day.getValue(), day.getKey().toString());
        }
    }

    /**
     * Reads the holiday-cn format ({@code {"year":2025,"papers":[…],"days":[{"name":"元旦","date":"2025-01-01",
     * "isOffDay":true}, …]}}); other members such as {@code $schema} are ignored. Errors name the entry, e.g.
     * {@code days[3].date（2026-12-31） 不在 2027 年内}.
     */
    public static HolidaySchedule parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        }
        catch (JacksonException notJson) {
            throw new InvalidValueException("holiday-schedule.json",
                    "节假日安排不是有效的 JSON：" + notJson.getOriginalMessage(), notJson);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidValueException("holiday-schedule.json", "节假日安排应为一个 JSON 对象");
        }
        JsonNode yearNode = required(root, "year", "year");
        if (!yearNode.isInt()) {
            throw wrongType("year", "整数");
        }
        int year = yearNode.intValue();
        List<URI> papers = papers(array(root, "papers"));
        JsonNode entries = array(root, "days");
        SortedMap<LocalDate, DayOverride> days = new TreeMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = "days[" + i + "]";
            JsonNode entry = entries.get(i);
            if (!entry.isObject()) {
                throw wrongType(where, "对象");
            }
            String name = string(entry, "name", where + ".name");
            if (name.isBlank()) {
                throw new InvalidValueException("holiday-schedule.name", where + ".name 不能为空");
            }
            LocalDate date = date(string(entry, "date", where + ".date"), where + ".date");
            JsonNode offDay = required(entry, "isOffDay", where + ".isOffDay");
            if (!offDay.isBoolean()) {
                throw wrongType(where + ".isOffDay", "布尔值（true 或 false）");
            }
            DayOverride day = new DayOverride(name, offDay.booleanValue());
            checkDay(year, date, day, where + ".date（" + date + "）");
            if (days.putIfAbsent(date, day) != null) {
                throw new InvalidValueException("holiday-schedule.duplicate-date",
                        where + ".date（" + date + "）与前面的条目重复");
            }
        }
        return new HolidaySchedule(year, papers, days);
    }

    private static void checkDay(int year, LocalDate date, DayOverride day, String where) {
        if (date.getYear() != year) {
            throw new InvalidValueException("holiday-schedule.date-outside-year", where + " 不在 " + year + " 年内");
        }
        if (!day.offDay() && !isWeekend(date)) {
            throw new InvalidValueException("holiday-schedule.pointless-working-day",
                    where + " 是工作日（" + chineseWeekday(date) + "），标为调休上班没有作用；请核对日期或 isOffDay");
        }
    }

    private static void checkPaper(URI paper, String where) {
        if (!paper.isAbsolute() || !("https".equals(paper.getScheme()) || "http".equals(paper.getScheme()))) {
            throw new InvalidValueException("holiday-schedule.papers", where + " 不是 http(s) 网址");
        }
    }

    static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static String chineseWeekday(LocalDate date) {
        return "周" + "一二三四五六日".charAt(date.getDayOfWeek().getValue() - 1);
    }

    private static List<URI> papers(JsonNode array) {
        List<URI> papers = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String where = "papers[" + i + "]";
            JsonNode paper = array.get(i);
            if (!paper.isString()) {
                throw wrongType(where, "字符串");
            }
            try {
                URI uri = new URI(paper.stringValue().strip());
                checkPaper(uri, where);
                papers.add(uri);
            }
            catch (URISyntaxException notUri) {
                throw new InvalidValueException("holiday-schedule.papers", where + " 不是 http(s) 网址", notUri);
            }
        }
        return papers;
    }

    private static LocalDate date(String text, String where) {
        try {
            return LocalDate.parse(text);
        }
        catch (DateTimeException notDate) {
            throw new InvalidValueException("holiday-schedule.field",
                    where + " 应为 yyyy-MM-dd 格式的有效日期：" + text, notDate);
        }
    }

    private static JsonNode required(JsonNode parent, String property, String where) {
        JsonNode node = parent.get(property);
        if (node == null || node.isNull()) {
            throw new InvalidValueException("holiday-schedule.field", "缺少 " + where);
        }
        return node;
    }

    private static JsonNode array(JsonNode parent, String property) {
        JsonNode node = required(parent, property, property);
        if (!node.isArray()) {
            throw wrongType(property, "数组");
        }
        return node;
    }

    private static String string(JsonNode parent, String property, String where) {
        JsonNode node = required(parent, property, where);
        if (!node.isString()) {
            throw wrongType(where, "字符串");
        }
        return node.stringValue();
    }

    private static InvalidValueException wrongType(String where, String expected) {
        return new InvalidValueException("holiday-schedule.field", where + " 应为" + expected);
    }
}
