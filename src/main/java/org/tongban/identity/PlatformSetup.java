package org.tongban.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import org.tongban.shared.AuthorizedBy;
import org.tongban.shared.InvalidInputException;
import org.tongban.shared.Violation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;

/**
 * The first platform administrator of a new installation, so that no installation ever has an account with a
 * published password. At every start without an enabled platform administrator (after the demo city, which brings
 * its own, has had its turn):
 * <ul>
 *   <li>with {@code TONGBAN_ADMIN_PASSWORD} set, the administrator {@code admin} (or {@code TONGBAN_ADMIN_USERNAME})
 *       is created with that password;</li>
 *   <li>otherwise a one-time set-up link is written to the log, once (the Jenkins and Keycloak pattern): whoever
 *       can read the server's log opens it and chooses the administrator's name and password. Only a hash of the
 *       link's token is stored; it expires, and the next start replaces it.</li>
 * </ul>
 */
@Service
public class PlatformSetup implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PlatformSetup.class);
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(24);

    private final Accounts accounts;
    private final AccountManagement management;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final String adminUsername;
    private final String adminPassword;
    private final String publicUrl;
    private volatile boolean running;

    PlatformSetup(Accounts accounts, AccountManagement management, JdbcClient jdbc, Clock clock,
                  @Value("${tongban.admin.username:admin}") String adminUsername,
                  @Value("${tongban.admin.password:}") String adminPassword,
                  @Value("${tongban.public-url:http://localhost:${server.port:8080}}") String publicUrl) {
        this.accounts = accounts;
        this.management = management;
        this.jdbc = jdbc;
        this.clock = clock;
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
        this.publicUrl = publicUrl;
    }

    /** After the demo data (phase 0), before the web server opens its port. */
    @Override
    public int getPhase() {
        return 1;
    }

    @Override
    public void start() {
        running = true;
        if (accounts.anyEnabledWithRole(Role.PLATFORM_ADMIN)) {
            return;
        }
        if (StringUtils.hasText(adminPassword)) {
            try {
                createAdministrator(new StaffAccountRequest(adminUsername, "平台管理员", adminPassword, null,
                        Set.of(Role.PLATFORM_ADMIN)));
            } catch (InvalidInputException refused) {
                throw new IllegalStateException("TONGBAN_ADMIN_PASSWORD / TONGBAN_ADMIN_USERNAME refused: "
                        + refused.getMessage(), refused);
            }
            log.info("Platform administrator '{}' created with the password from TONGBAN_ADMIN_PASSWORD", adminUsername);
            return;
        }
        String token = newToken();
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM identity_setup_token").update();
        jdbc.sql("INSERT INTO identity_setup_token (token_hash, created_at, expires_at) VALUES (?, ?, ?)")
                .params(hash(token), java.sql.Timestamp.from(now), java.sql.Timestamp.from(now.plus(TOKEN_LIFETIME)))
                .update();
        log.warn("""
                This installation has no platform administrator yet. Within 24 hours open
                    {}/setup?token={}
                to create one (the link works once). Or set TONGBAN_ADMIN_PASSWORD and restart.""", publicUrl, token);
    }

    /** Whether set-up is still open and this token opens it. */
    @AuthorizedBy("anyone holding the one-time token; says nothing else")
    public boolean tokenValid(String token) {
        return token.length() <= 100 && !accounts.anyEnabledWithRole(Role.PLATFORM_ADMIN)
                && jdbc.sql("SELECT EXISTS (SELECT 1 FROM identity_setup_token WHERE token_hash = ? AND expires_at > ?)")
                .params(hash(token), java.sql.Timestamp.from(clock.instant())).query(Boolean.class).single();
    }

    /**
     * Creates the first platform administrator with the one-time token, which then stops working.
     *
     * @throws InvalidInputException naming {@code token} when it is wrong, used or expired, or the account's fields
     */
    @AuthorizedBy("the one-time set-up token printed in the server log")
    @Transactional
    public UUID createFirstAdministrator(String token, String username, String displayName, String password) {
        if (!tokenValid(token)) {
            throw new InvalidInputException(Violation.of("token", "setup.token.invalid",
                    "这个设置链接无效、已用过或已过期。请重新启动系统，在日志中找到新的链接"));
        }
        UUID id = createAdministrator(new StaffAccountRequest(username, displayName, password, null,
                Set.of(Role.PLATFORM_ADMIN)));
        jdbc.sql("DELETE FROM identity_setup_token").update();
        return id;
    }

    private UUID createAdministrator(StaffAccountRequest request) {
        return SystemActor.runAs("setup", Set.of(Role.PLATFORM_ADMIN), () -> management.createStaff(request));
    }

    private static String newToken() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
