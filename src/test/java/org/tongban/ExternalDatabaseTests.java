package org.tongban;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tongban.support.TongbanTest;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With TONGBAN_DB_URL, TONGBAN_DB_USER and TONGBAN_DB_PASSWORD set, Tongban uses that database and starts no
 * PostgreSQL of its own. The "external" database here is the one the test suite runs on.
 */
@TongbanTest
class ExternalDatabaseTests {

    @Autowired
    DataSource testDatabase;

    @Test
    void anExternalDatabaseIsUsedAndNoEmbeddedOneIsStarted() throws Exception {
        String url = ((HikariDataSource) testDatabase).getJdbcUrl();
        String password = ((HikariDataSource) testDatabase).getPassword();
        try (ConfigurableApplicationContext external = new SpringApplicationBuilder(Tongban.class).run(
                "--TONGBAN_DB_URL=" + url, "--TONGBAN_DB_USER=postgres", "--TONGBAN_DB_PASSWORD=" + password,
                "--server.port=0", "--tongban.data-dir=target/test-data-external", "--tongban.catalog.index-dir=",
                "--spring.main.banner-mode=off")) {
            assertThat(external.getBeansOfType(EmbeddedPostgres.class)).isEmpty();
            assertThat(external.containsBean("embeddedPostgresEarlyStart")).isFalse();
            assertThat(((HikariDataSource) external.getBean(DataSource.class)).getJdbcUrl()).isEqualTo(url);

            int port = Integer.parseInt(external.getEnvironment().getProperty("local.server.port", "0"));
            HttpResponse<String> home = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(home.statusCode()).isEqualTo(200);
        }
    }
}
