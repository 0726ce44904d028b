package org.tongban.identity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.Violation;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Six-digit codes sent by SMS: stored only as a keyed hash, valid for {@code code-validity}, spent by one right
 * answer, dead after {@code code-max-attempts} wrong ones. Sending is limited per mobile (one per
 * {@code code-resend-interval}, {@code codes-per-mobile-per-hour}) and per client address
 * ({@code codes-per-address-per-hour}), so that the form cannot be used to flood a phone or to run up SMS costs.
 */
@Component
class OneTimeCodes {

    enum Purpose { PASSWORD_RESET, REGISTRATION }

    static final Pattern CODE = Pattern.compile("\\d{6}");
    private static final Duration KEPT = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final PersonalDataProtection protection;
    private final ObjectProvider<SmsGateway> gateways;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Duration validity;
    private final int maxAttempts;
    private final Duration resendInterval;
    private final int perMobilePerHour;
    private final int perAddressPerHour;

    OneTimeCodes(JdbcClient jdbc, PersonalDataProtection protection, ObjectProvider<SmsGateway> gateways, Clock clock,
                 @Value("${tongban.security.sms.code-validity:5m}") Duration validity,
                 @Value("${tongban.security.sms.code-max-attempts:5}") int maxAttempts,
                 @Value("${tongban.security.sms.code-resend-interval:60s}") Duration resendInterval,
                 @Value("${tongban.security.sms.codes-per-mobile-per-hour:5}") int perMobilePerHour,
                 @Value("${tongban.security.sms.codes-per-address-per-hour:20}") int perAddressPerHour) {
        this.jdbc = jdbc;
        this.protection = protection;
        this.gateways = gateways;
        this.clock = clock;
        this.validity = validity;
        this.maxAttempts = maxAttempts;
        this.resendInterval = resendInterval;
        this.perMobilePerHour = perMobilePerHour;
        this.perAddressPerHour = perAddressPerHour;
    }

    Duration validity() {
        return validity;
    }

    /**
     * A new code for the mobile, replacing any earlier one for the same purpose; sent only if {@code send}, but
     * stored and counted either way, so that the answer and the limits do not tell whether the mobile has an account.
     *
     * @throws InvalidInputException beside {@code field} when a rate limit is reached
     */
    @Transactional
    void issue(Purpose purpose, String mobile, String address, boolean send, String field) {
        Instant now = clock.instant();
        String client = address(address);
        jdbc.sql("DELETE FROM identity_one_time_code WHERE created_at < ?").param(Timestamp.from(now.minus(KEPT))).update();
        Timestamp hourAgo = Timestamp.from(now.minus(Duration.ofHours(1)));
        Optional<Timestamp> last = jdbc.sql("""
                SELECT created_at FROM identity_one_time_code WHERE mobile = ? ORDER BY created_at DESC LIMIT 1""")
                .param(mobile).query(Timestamp.class).optional();
        if (last.isPresent() && last.get().toInstant().plus(resendInterval).isAfter(now)) {
            long wait = Duration.between(now, last.get().toInstant().plus(resendInterval)).toSeconds() + 1;
            throw new InvalidInputException(Violation.of(field, "sms.too-soon",
                    "验证码刚刚发送过，请 {0} 秒后再获取", wait));
        }
        if (count("mobile", mobile, hourAgo) >= perMobilePerHour) {
            throw new InvalidInputException(Violation.of(field, "sms.mobile-limit",
                    "这个手机号码一小时内获取验证码的次数已达上限，请稍后再试"));
        }
        if (count("client_address", client, hourAgo) >= perAddressPerHour) {
            throw new InvalidInputException(Violation.of(field, "sms.address-limit",
                    "您所在的网络一小时内获取验证码的次数已达上限，请稍后再试"));
        }
        jdbc.sql("""
                UPDATE identity_one_time_code SET expires_at = :now
                WHERE purpose = :p AND mobile = :m AND used_at IS NULL AND expires_at > :now""")
                .param("now", Timestamp.from(now)).param("p", purpose.name()).param("m", mobile).update();
        String code = String.format("%06d", random.nextInt(1_000_000));
        jdbc.sql("""
                INSERT INTO identity_one_time_code (purpose, mobile, code_hash, sent, client_address, created_at,
                    expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(purpose.name(), mobile, hash(purpose, mobile, code), send, client, Timestamp.from(now),
                        Timestamp.from(now.plus(validity)))
                .update();
        if (send) {
            gateways.getIfAvailable(LoggingSmsGateway::new).send(mobile, text(purpose, code));
        }
    }

    /**
     * Whether {@code code} is the live code for the mobile; a right code is spent, a wrong one counts against the
     * code's tries. Nothing distinguishes a wrong code from an expired, spent or never sent one. Its own transaction:
     * a wrong try stays counted when the caller's use case then fails and rolls back.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    boolean verify(Purpose purpose, String mobile, String code) {
        Instant now = clock.instant();
        Optional<Live> live = jdbc.sql("""
                SELECT id, code_hash FROM identity_one_time_code
                WHERE purpose = ? AND mobile = ? AND used_at IS NULL AND expires_at > ? AND attempts < ?
                ORDER BY created_at DESC LIMIT 1 FOR UPDATE""")
                .params(purpose.name(), mobile, Timestamp.from(now), maxAttempts)
                .query((rs, n) -> new Live(rs.getLong("id"), rs.getString("code_hash"))).optional();
        if (live.isEmpty()) {
            return false;
        }
        boolean right = CODE.matcher(code).matches() && MessageDigest.isEqual(
                live.get().hash().getBytes(StandardCharsets.US_ASCII),
                hash(purpose, mobile, code).getBytes(StandardCharsets.US_ASCII));
        if (right) {
            jdbc.sql("UPDATE identity_one_time_code SET used_at = ? WHERE id = ?")
                    .params(Timestamp.from(now), live.get().id()).update();
        } else {
            jdbc.sql("UPDATE identity_one_time_code SET attempts = attempts + 1 WHERE id = ?")
                    .param(live.get().id()).update();
        }
        return right;
    }

    private record Live(long id, String hash) {
    }

    private long count(String column, String value, Timestamp since) {
        return jdbc.sql("SELECT count(*) FROM identity_one_time_code WHERE " + column + " = ? AND created_at > ?")
                .params(value, since).query(Long.class).single();
    }

    private String text(Purpose purpose, String code) {
        String minutes = String.valueOf(validity.toMinutes());
        return switch (purpose) {
            case PASSWORD_RESET -> "【通办】验证码 " + code + "，" + minutes + " 分钟内有效。您正在重设登录密码，"
                    + "如非本人操作请忽略。工作人员不会向您索要验证码。";
            case REGISTRATION -> "【通办】验证码 " + code + "，" + minutes + " 分钟内有效。您正在注册通办账号，"
                    + "如非本人操作请忽略。工作人员不会向您索要验证码。";
        };
    }

    private String hash(Purpose purpose, String mobile, String code) {
        return protection.lookupHash("otp:" + purpose + ":" + mobile + ":" + code);
    }

    private static String address(String address) {
        String a = address == null || address.isBlank() ? "unknown" : address.strip();
        return a.length() > 64 ? a.substring(0, 64) : a;
    }
}
