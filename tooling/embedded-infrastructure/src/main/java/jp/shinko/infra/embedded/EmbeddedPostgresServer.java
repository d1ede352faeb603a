package jp.shinko.infra.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL 17 server process started from the JVM (zonky's binaries), without Docker.
 *
 * <p>Two uses: the local stack keeps data in a folder of the user's, durably (fsync and
 * synchronous commit on, unlike zonky's defaults); tests use a throw-away folder with both off,
 * which is faster and loses nothing a test needs. The server is stopped by {@link #close()},
 * never by a JVM shutdown hook, so the owner decides when: after the applications using it. If
 * the JVM ends without closing it (killed), {@link OrphanGuard} stops it and deletes a test's
 * throw-away folder.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** The superuser of an embedded server; it trusts local connections without a password. */
    public static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;
    private final long processId;
    private final OrphanGuard.Watch watch;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, long processId, OrphanGuard.Watch watch) {
        this.postgres = postgres;
        this.processId = processId;
        this.watch = watch;
    }

    /**
     * Starts a server that keeps its data in {@code dataDirectory} between runs, with fsync and
     * synchronous commit on. An existing data directory is reused as it is.
     *
     * @param logFile where the server's own output goes
     */
    public static EmbeddedPostgresServer startDurable(Path dataDirectory, int port, Path logFile) throws IOException {
        return guarded(dataDirectory, EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setRegisterShutdownHook(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setOutputRedirector(Redirect.appendTo(logFile.toFile()))
                .setErrorRedirector(Redirect.appendTo(logFile.toFile()))
                .start());
    }

    /** The server's data is the user's: a JVM that is killed stops it, but never deletes the folder. */
    private static EmbeddedPostgresServer guarded(Path dataDirectory, EmbeddedPostgres postgres) throws IOException {
        long processId = postmasterPid(dataDirectory);
        return new EmbeddedPostgresServer(postgres, processId, OrphanGuard.stopWhenThisJvmEnds(processId, "INT"));
    }

    /**
     * The server process's id, as it writes it in its data folder: zonky starts the server
     * through {@code pg_ctl}, which leaves it running as a process of its own.
     */
    private static long postmasterPid(Path dataDirectory) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
    }

    /**
     * Starts a server on a free port in a temporary folder that is deleted when it stops; fsync
     * and synchronous commit are off. For tests.
     */
    public static EmbeddedPostgresServer startEphemeral() throws IOException {
        Path dataDirectory = Files.createTempDirectory("shinko-test-postgres");
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(true)
                .setRegisterShutdownHook(false)
                .start();
        long processId = postmasterPid(dataDirectory);
        return new EmbeddedPostgresServer(postgres, processId,
                OrphanGuard.stopWhenThisJvmEnds(processId, "INT", dataDirectory));
    }

    /** The server process's id. */
    public long processId() {
        return processId;
    }

    public int port() {
        return postgres.getPort();
    }

    /** The JDBC URL of a database on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Creates the database unless it exists; returns whether it was created. */
    public boolean createDatabaseIfMissing(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name must be lower-case letters, digits and _: " + database);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            try (PreparedStatement exists =
                    connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, database);
                try (ResultSet row = exists.executeQuery()) {
                    if (row.next()) {
                        return false;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + database + " encoding 'UTF8' template template0");
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database + " on port " + port(), e);
        }
    }

    /** Stops the server (fast shutdown: open transactions are rolled back, committed data is kept). */
    @Override
    public void close() {
        try {
            postgres.close();
            watch.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
