package org.tongban;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded PostgreSQL as the application starts it by default: durable, and only with its password. */
class EmbeddedPostgresDurabilityTests {

    @TempDir
    Path data;

    @Test
    void runsDurablyAndOnlyWithTheGeneratedPassword() throws Exception {
        Path dir = data.resolve("postgres");
        try (EmbeddedPostgres pg = EmbeddedPostgresConfiguration.start(dir, 0, true)) {
            try (Connection c = connect(pg, EmbeddedPostgresConfiguration.passwordFor(dir))) {
                assertThat(setting(c, "fsync")).isEqualTo("on");
                assertThat(setting(c, "synchronous_commit")).isEqualTo("on");
                assertThat(setting(c, "full_page_writes")).isEqualTo("on");
            }
            assertThatThrownBy(() -> connect(pg, "").close()).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connect(pg, "tongban2026").close()).isInstanceOf(SQLException.class);
        }
        Path passwordFile = EmbeddedPostgresConfiguration.passwordFile(dir);
        assertThat(passwordFile).exists().hasParent(data);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
        assertThat(Files.readString(passwordFile).strip()).hasSize(48);

        // The next start reads the same password.
        try (EmbeddedPostgres pg = EmbeddedPostgresConfiguration.start(dir, 0, true);
             Connection c = connect(pg, Files.readString(passwordFile).strip())) {
            assertThat(setting(c, "fsync")).isEqualTo("on");
        }
    }

    @Test
    void aClusterThatTrustedLocalConnectionsGetsThePassword() throws Exception {
        Path dir = data.resolve("postgres");
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).start();
             Connection c = connect(old, "")) {
            assertThat(setting(c, "fsync")).as("the test library's own setting").isEqualTo("off");
        }
        try (EmbeddedPostgres pg = EmbeddedPostgresConfiguration.start(dir, 0, true)) {
            assertThatThrownBy(() -> connect(pg, "").close()).isInstanceOf(SQLException.class);
            try (Connection c = connect(pg, EmbeddedPostgresConfiguration.passwordFor(dir))) {
                assertThat(setting(c, "fsync")).isEqualTo("on");
            }
        }
    }

    private static Connection connect(EmbeddedPostgres pg, String password) throws SQLException {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setServerNames(new String[] {"localhost"});
        source.setPortNumbers(new int[] {pg.getPort()});
        source.setDatabaseName("postgres");
        source.setUser("postgres");
        source.setPassword(password);
        return source.getConnection();
    }

    private static String setting(Connection c, String name) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
