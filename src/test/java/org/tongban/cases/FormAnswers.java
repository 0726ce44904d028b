package org.tongban.cases;

import org.tongban.catalog.ApplicationForm;
import org.tongban.catalog.FormField;
import org.tongban.identity.BenchAccounts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Plausible answers to an item's application form, as an applicant would give them, for generated cases and the
 * submission benchmark: every required field (and every one another answer makes required) answered in its type,
 * optional ones now and then. {@link ApplicationForm#check} decides whether they pass; the benchmark keeps only
 * the items whose answers do.
 */
final class FormAnswers {

    private static final String[] NAMES = {"张海川", "李小满", "王秋生", "陈示例", "赵晴", "孙海燕", "周建国", "吴雨桐", "郑浩然",
            "冯佳怡", "刘子涵", "杨思远"};
    private static final String[] STREETS = {"滨海大道", "南湖路", "金沙街", "望海路", "云山大街", "西岭路", "港城大道", "青石街"};

    /** Found once: finding a credit code's two check characters tries hundreds of candidates. */
    private static final java.util.List<String> CREDIT_CODES = java.util.stream.IntStream.range(0, 500)
            .mapToObj(n -> BenchAccounts.creditCode("377002", 700_000 + n).value()).toList();

    private FormAnswers() {
    }

    static Map<String, String> answer(ApplicationForm form, String applicantName, LocalDate today, Random random) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (FormField field : form.fields()) {
            if (field.type() == null) {
                continue;
            }
            boolean wanted = field.required() || field.requiredGiven(answers) || random.nextInt(4) == 0;
            if (!wanted) {
                continue;
            }
            String value = value(field, applicantName, today, random);
            if (value != null) {
                answers.put(field.key(), value);
            }
        }
        return answers;
    }

    private static String value(FormField field, String applicantName, LocalDate today, Random random) {
        String key = field.key().toLowerCase(java.util.Locale.ROOT);
        return switch (field.type()) {
            case TEXT -> {
                if (field.pattern() != null) {
                    yield key.contains("bank") ? "6222" + digits(random, 15)
                            : key.contains("birthcertificate") ? "H" + digits(random, 9) : null;
                }
                String text = key.contains("applicantname") ? applicantName
                        : key.contains("name") ? NAMES[random.nextInt(NAMES.length)]
                        : field.label() + "：见所附材料";
                yield text.length() > field.textLimit() ? text.substring(0, field.textLimit()) : text;
            }
            case ADDRESS -> "海川市东港区" + STREETS[random.nextInt(STREETS.length)] + (1 + random.nextInt(300)) + "号";
            case PHONE -> "139" + digits(random, 8);
            case ID_NUMBER -> BenchAccounts.idNumber("377002", random.nextInt(60_000)).value();
            case CREDIT_CODE -> CREDIT_CODES.get(random.nextInt(CREDIT_CODES.size()));
            case REGION -> "377002";
            case CHOICE -> field.choices().isEmpty() ? null
                    : field.choices().get(random.nextInt(field.choices().size())).code();
            case YES_NO -> FormField.NO;
            case DATE -> (field.dateBound() == FormField.DateBound.NOT_IN_PAST ? today.plusDays(1 + random.nextInt(60))
                    : today.minusDays(1 + random.nextInt(60))).toString();
            case NUMBER -> {
                BigDecimal low = field.min() == null ? BigDecimal.ONE : field.min();
                BigDecimal value = low.add(BigDecimal.valueOf(random.nextInt(20)));
                if (field.max() != null && value.compareTo(field.max()) > 0) {
                    value = field.max();
                }
                yield value.toPlainString();
            }
        };
    }

    private static String digits(Random random, int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append((char) ('0' + random.nextInt(10)));
        }
        return s.toString();
    }
}
