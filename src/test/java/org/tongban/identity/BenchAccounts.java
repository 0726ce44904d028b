package org.tongban.identity;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.tongban.shared.CreditCode;
import org.tongban.shared.IdNumber;
import org.tongban.shared.InvalidValueException;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Applicant accounts for benchmarks: thousands of citizens and enterprises as registration would store them (ID
 * number encrypted, its keyed hash, masked form; one role; real-name level), written in batches instead of one
 * registration each. Every account gets the demo password; its bcrypt hash is computed once and shared, since hashing
 * it anew for each of thousands of accounts would take minutes and change nothing the benchmarks measure. The
 * administration log gets no entry for them.
 */
public final class BenchAccounts {

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",
            "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "于", "董"};
    private static final String[] GIVEN = {"海", "秋", "明", "丽", "建国", "晓", "芳", "伟", "静", "磊", "洋", "艳", "勇", "军",
            "杰", "娟", "涛", "敏", "超", "霞", "平", "刚", "桂英", "玉兰", "志强", "海燕", "春梅", "文", "斌", "鑫", "宇", "欣怡"};
    private static final String[] TRADES = {"餐饮管理", "商贸", "科技", "建筑工程", "物流", "食品", "医药连锁", "家政服务", "文化传媒",
            "农业开发", "机械制造", "电子商务", "物业管理", "装饰工程", "旅行社", "教育咨询"};
    private static final String[] PLACES = {"海川", "东港", "西岭", "云山", "滨海", "南湖", "金沙", "望海"};
    private static final String[] REGIONS = {"377002", "377003", "377021", "377022"};

    /** An applicant account as the cases module needs it. */
    public record Applicant(UUID id, boolean organisation, String login, String name, String maskedIdentifier,
                            String mobileTail) {
    }

    private BenchAccounts() {
    }

    /** Every citizen and enterprise account, the demo ones first, in a stable order. */
    public static List<Applicant> applicants(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT id, kind, username, display_name, mobile, id_number_masked, credit_code FROM identity_account
                WHERE kind IN ('CITIZEN', 'ENTERPRISE')
                ORDER BY (mobile LIKE '1380000000_' OR mobile LIKE '1390000000_') DESC, username""")
                .query((rs, n) -> {
                    boolean organisation = "ENTERPRISE".equals(rs.getString("kind"));
                    String mobile = rs.getString("mobile");
                    return new Applicant(rs.getObject("id", UUID.class), organisation, rs.getString("username"),
                            rs.getString("display_name"),
                            organisation ? rs.getString("credit_code") : rs.getString("id_number_masked"),
                            mobile.substring(mobile.length() - 4));
                })
                .list();
    }

    /**
     * Adds citizens and enterprises until there are at least {@code citizens} and {@code enterprises} applicant
     * accounts besides the demo ones; signs in with the mobile (citizens) or the credit code (enterprises).
     */
    public static void ensure(ApplicationContext context, int citizens, int enterprises, String password) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        PersonalDataProtection protection = context.getBean(PersonalDataProtection.class);
        String hash = context.getBean(PasswordEncoder.class).encode(password);
        int haveCitizens = count(jdbc, "CITIZEN", "137%");
        int haveEnterprises = count(jdbc, "ENTERPRISE", "136%");
        Random random = new Random(20261203L + haveCitizens + haveEnterprises);
        Instant now = Instant.now();
        List<Object[]> rows = new ArrayList<>();
        for (int n = haveCitizens; n < citizens; n++) {
            String mobile = String.format("137%08d", n);
            IdNumber id = idNumber(REGIONS[n % REGIONS.length], n);
            String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
                    + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)].substring(0, 1) : "");
            rows.add(new Object[] {UUID.randomUUID(), "CITIZEN", mobile, name, hash, mobile,
                    protection.encrypt(id.value()), protection.lookupHash(id.value()), id.masked(), null, null,
                    "CITIZEN", "MOBILE_VERIFIED", Timestamp.from(now)});
        }
        for (int n = haveEnterprises; n < enterprises; n++) {
            String mobile = String.format("136%08d", n);
            CreditCode code = creditCode(REGIONS[n % REGIONS.length], n);
            IdNumber representative = idNumber(REGIONS[n % REGIONS.length], 500_000 + n);
            String boss = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
            String name = "海川市" + PLACES[n % PLACES.length] + boss.substring(1) + TRADES[n % TRADES.length] + "有限公司"
                    + (n >= PLACES.length * TRADES.length ? "第" + (n / (PLACES.length * TRADES.length) + 1) + "分公司" : "");
            rows.add(new Object[] {UUID.randomUUID(), "ENTERPRISE", code.value(), name, hash, mobile,
                    protection.encrypt(representative.value()), null, representative.masked(), code.value(), boss,
                    "ENTERPRISE", "MOBILE_VERIFIED", Timestamp.from(now)});
        }
        for (int from = 0; from < rows.size(); from += 1000) {
            List<Object[]> batch = rows.subList(from, Math.min(rows.size(), from + 1000));
            context.getBean(org.springframework.jdbc.core.JdbcTemplate.class).batchUpdate("""
                    INSERT INTO identity_account (id, kind, username, display_name, password_hash, mobile,
                        id_number_cipher, id_number_hash, id_number_masked, credit_code, legal_representative,
                        roles, real_name_level, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, string_to_array(?, ','), ?, ?)""", batch);
        }
    }

    private static int count(JdbcClient jdbc, String kind, String mobilePrefix) {
        return jdbc.sql("SELECT count(*) FROM identity_account WHERE kind = ? AND mobile LIKE ?")
                .params(kind, mobilePrefix).query(Integer.class).single();
    }

    /**
     * The {@code n}-th valid 18-character ID number: region, birth date, a sequence and the check character; the birth
     * date changes every thousand numbers and the sequence is {@code n} modulo a thousand, so no two are alike.
     */
    public static IdNumber idNumber(String region, int n) {
        LocalDate born = LocalDate.of(1950, 1, 1).plusDays((long) (n / 1000) * 613 % 20_000);
        String body = region + born.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", n % 1000);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return new IdNumber(body + "10X98765432".charAt(sum % 11));
    }

    /** A valid 统一社会信用代码 of a company (91) in {@code region}, its organisation code and both check characters found. */
    public static CreditCode creditCode(String region, int n) {
        String organisation = "MA" + String.format("%06d", n);
        for (char check : "0123456789X".toCharArray()) {
            for (char last : "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray()) {
                try {
                    return new CreditCode("91" + region + organisation + check + last);
                }
                catch (InvalidValueException wrong) {
                    // not this pair of check characters
                }
            }
        }
        throw new IllegalStateException("no check characters for " + organisation);
    }
}
