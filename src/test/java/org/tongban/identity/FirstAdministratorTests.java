package org.tongban.identity;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.Tongban;
import org.tongban.support.Http;
import org.tongban.support.TongbanTest;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh start on a database of its own (no embedded PostgreSQL) loads no demo city and has no account with a
 * known password: the first platform administrator comes from TONGBAN_ADMIN_PASSWORD or from the one-time set-up
 * link written to the log. The "external" databases are new, empty databases on the test suite's PostgreSQL.
 */
@TongbanTest
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorTests {

    private static final Pattern SETUP_LINK = Pattern.compile("/setup\\?token=([0-9a-f]{48})");

    @Autowired
    DataSource testDatabase;

    @Test
    void aFreshExternalDatabaseGetsAOneTimeSetupLinkAndNoKnownPassword(CapturedOutput output) {
        try (ConfigurableApplicationContext app = start(newDatabase("fresh_setup"))) {
            JdbcClient db = JdbcClient.create(app.getBean(DataSource.class));
            assertThat(db.sql("SELECT count(*) FROM identity_account").query(Long.class).single())
                    .as("no demo accounts, no administrator with a known password").isZero();
            assertThat(db.sql("SELECT count(*) FROM catalog_item_version").query(Long.class).single()).isZero();
            assertThat(output.getAll()).doesNotContain("tongban2026");
            Matcher link = SETUP_LINK.matcher(output.getAll());
            assertThat(link.find()).as("the set-up link is in the log").isTrue();
            String token = link.group(1);

            Http http = new Http(port(app));
            assertThat(http.get("/setup?token=" + "0".repeat(48)).statusCode()).as("a guessed token").isEqualTo(404);
            assertThat(http.get("/setup").statusCode()).isEqualTo(404);
            assertThat(http.login("admin", "tongban2026").headers().firstValue("Location").orElse("")).contains("error");

            HttpResponse<String> weak = http.postForm("/setup?token=" + token, "/setup", Map.of("token", token,
                    "username", "admin", "displayName", "平台管理员 林海", "password", "short"));
            assertThat(weak.statusCode()).isEqualTo(200);
            assertThat(weak.body()).contains("密码至少 10 位");
            assertThat(db.sql("SELECT count(*) FROM identity_account").query(Long.class).single()).isZero();

            HttpResponse<String> created = http.postForm("/setup?token=" + token, "/setup", Map.of("token", token,
                    "username", "root.admin", "displayName", "平台管理员 林海", "password", "Haichuan-2026-setup"));
            assertThat(created.statusCode()).isEqualTo(302);
            assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
            assertThat(db.sql("SELECT roles::text FROM identity_account WHERE username = 'root.admin'")
                    .query(String.class).list()).containsExactly("{PLATFORM_ADMIN}");

            assertThat(new Http(port(app)).get("/setup?token=" + token).statusCode()).as("the link works once").isEqualTo(404);
            Http admin = new Http(port(app));
            admin.login("root.admin", "Haichuan-2026-setup");
            assertThat(admin.get("/admin/accounts").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anAdministratorPasswordFromTheEnvironmentCreatesTheAdministrator(CapturedOutput output) {
        try (ConfigurableApplicationContext app = start(newDatabase("fresh_env"),
                "--TONGBAN_ADMIN_PASSWORD=From-the-vault-2026")) {
            JdbcClient db = JdbcClient.create(app.getBean(DataSource.class));
            assertThat(db.sql("SELECT username FROM identity_account").query(String.class).list()).containsExactly("admin");
            assertThat(SETUP_LINK.matcher(output.getAll()).find()).as("no set-up link is needed").isFalse();
            assertThat(output.getAll()).doesNotContain("From-the-vault-2026");
            Http admin = new Http(port(app));
            admin.login("admin", "From-the-vault-2026");
            assertThat(admin.get("/admin/accounts").statusCode()).isEqualTo(200);
        }
    }

    private String newDatabase(String name) {
        JdbcClient.create(testDatabase).sql("DROP DATABASE IF EXISTS " + name).update();
        JdbcClient.create(testDatabase).sql("CREATE DATABASE " + name).update();
        return ((HikariDataSource) testDatabase).getJdbcUrl().replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
    }

    private ConfigurableApplicationContext start(String url, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--TONGBAN_DB_URL=" + url, "--TONGBAN_DB_USER=postgres",
                "--TONGBAN_DB_PASSWORD=" + ((HikariDataSource) testDatabase).getPassword(), "--server.port=0",
                "--tongban.data-dir=target/test-data-fresh", "--tongban.catalog.index-dir=",
                "--spring.main.banner-mode=off"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(Tongban.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port", "0"));
    }
}
