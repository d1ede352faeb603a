package jp.shinko.infra.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.integration.IntegrationEnvelope;
import jp.shinko.infra.embedded.DatabaseRoles;
import jp.shinko.infra.embedded.EmbeddedPostgresServer;
import jp.shinko.infra.embedded.FreePorts;
import jp.shinko.infra.embedded.ServiceProcess;
import jp.shinko.infra.kafka.Topics;
import jp.shinko.infra.system.Api.Answer;
import jp.shinko.infra.testsupport.TestInfrastructure;
import jp.shinko.infra.testsupport.TestTokens;
import jp.shinko.infra.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * The operations guide's backup and restore, as a drill (docs/operations.md, "Backup and
 * restore"): a running system's database is backed up with PostgreSQL's own mechanisms (WAL
 * archiving by {@code archive_command} and a base backup through {@code pg_backup_start} /
 * {@code pg_backup_stop}, what {@code pg_basebackup} does over the replication protocol), more is
 * recorded after the backup, and the backup is restored into a new PostgreSQL that replays the
 * archived WAL to its end. The services started on the restored database find every
 * municipality's hash chain intact and ending at the head the last Kafka envelope carried, and
 * the projections rebuilt from the restored event store equal the originals row for row (MD5 per
 * table). Sapporo (011002) and Hakodate (012025) are this test's.
 */
class RestoreDrillTest {

    private static final Logger LOG = LoggerFactory.getLogger(RestoreDrillTest.class);
    private static final String DATABASE = "shinko";
    private static final Map<String, List<String>> NAMES = Map.of("011002", List.of("札幌市", "Sapporo"),
            "012025", List.of("函館市", "Hakodate"));
    private static final List<String> CITIES = List.of("011002", "012025");
    private static final List<String> PROJECTIONS = List.of("municipality", "progress_row");
    /** What a base backup leaves out (PostgreSQL's documentation, "Making a Base Backup Using the Low Level API"). */
    private static final Set<String> NOT_BACKED_UP = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
            "tablespace_map", "pg_internal.init");
    private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");

    private static final List<AutoCloseable> OPEN = new ArrayList<>();
    private static final List<Path> FOLDERS = new ArrayList<>();

    @AfterAll
    static void stopEverything() throws Exception {
        for (int i = OPEN.size() - 1; i >= 0; i--) {
            OPEN.get(i).close();
        }
        for (Path folder : FOLDERS) {
            FileSystemUtils.deleteRecursively(folder);
        }
    }

    @Test
    void aBackupOfARunningSystemRestoresIntoANewPostgresWhereChainsVerifyAndRebuiltProjectionsEqualTheOriginals()
            throws Exception {
        Path archive = folder("shinko-drill-wal-archive");
        Path originalData = folder("shinko-drill-original");
        EmbeddedPostgresServer original = archivingServer(originalData, archive);
        String originalUrl = original.jdbcUrl(DATABASE);
        Services.Infrastructure running = new Services.Infrastructure(originalUrl, EmbeddedPostgresServer.SUPERUSER,
                "", TestInfrastructure.kafkaBootstrapServers(), TestInfrastructure.identityProvider());
        List<ServiceProcess> services = Services.startAll(List.of(Services.command("command-drill", running)));
        // stopped below before the restore; stopped here too should the test fail before that
        OPEN.add(() -> Services.stopAll(services));
        services.addAll(Services.startAll(List.of(Services.query("query-drill", running))));
        ServiceProcess command = services.get(0);
        ServiceProcess query = services.get(1);

        for (String city : CITIES) {
            record(command, city);
        }
        Path backup = folder("shinko-drill-base-backup");
        String label = baseBackup(originalUrl, originalData, backup);
        assertThat(label).contains("START WAL LOCATION");
        String last = null;
        for (String city : CITIES) {
            last = recordAfterTheBackup(command, city);
        }
        String lastWal = switchAndAwaitArchived(originalUrl);
        LOG.info("Restore drill: base backup taken, then writes in WAL up to {} archived", lastWal);

        awaitProjected(query, last);
        Map<String, Long> storedEvents = eventCounts(originalUrl);
        Map<String, String> kafkaHeads = awaitPublishedHeads(storedEvents);
        Map<String, String> originalChecksums = checksums(originalUrl);
        Services.stopAll(services);
        original.close();

        EmbeddedPostgresServer restored = restore(backup, archive);
        String restoredUrl = restored.jdbcUrl(DATABASE);
        assertThat(eventCounts(restoredUrl)).as("events, the ones recorded after the base backup included")
                .isEqualTo(storedEvents);
        Services.Infrastructure recovered = new Services.Infrastructure(restoredUrl, EmbeddedPostgresServer.SUPERUSER,
                "", TestInfrastructure.kafkaBootstrapServers(), TestInfrastructure.identityProvider());
        List<ServiceProcess> restarted = Services.startAll(List.of(Services.command("command-restored", recovered),
                Services.query("query-restored", recovered)));
        OPEN.add(() -> Services.stopAll(restarted));
        ServiceProcess restoredQuery = restarted.get(1);

        for (String city : CITIES) {
            JsonNode chain = Api.get(restoredQuery.baseUrl(), "/municipalities/" + city + "/audit/chain",
                    TestTokens.of(Actor.of("drill-auditor", Role.AUDITOR))).body();
            assertThat(chain.path("intact").asBoolean()).as(city + ": " + chain).isTrue();
            assertThat(chain.path("eventsVerified").asLong()).isEqualTo(storedEvents.get(city));
            assertThat(chain.path("headLink").asString()).as(city + ": the head the last envelope carried")
                    .isEqualTo(kafkaHeads.get(city));
        }

        Answer rebuild = Api.send(restoredQuery.baseUrl(), "POST", "/admin/projections/rebuild", TestTokens.admin(),
                null, null);
        assertThat(rebuild.status()).as(rebuild.raw().body()).isEqualTo(202);
        await().atMost(Duration.ofMinutes(3)).until(() -> Api.get(restoredQuery.baseUrl(),
                "/admin/projections/rebuild", TestTokens.admin()).body().path("state").asString(), "done"::equals);
        assertThat(checksums(restoredUrl)).as("projections rebuilt from the restored store")
                .isEqualTo(originalChecksums);
        LOG.info("Restore drill: {} events of {} municipalities restored; chains intact at the Kafka heads; "
                + "rebuilt projections equal the originals {}", storedEvents.values().stream()
                .mapToLong(Long::longValue).sum(), CITIES.size(), originalChecksums);
    }

    /** A durable server that archives every WAL segment it completes (archive_mode needs a restart). */
    private static EmbeddedPostgresServer archivingServer(Path data, Path archive) throws Exception {
        Files.delete(data);
        EmbeddedPostgresServer first = EmbeddedPostgresServer.startDurable(data, FreePorts.any(),
                log("postgres-drill-original"));
        first.createDatabaseIfMissing(DATABASE);
        DatabaseRoles.ensure(first.jdbcUrl(DATABASE), EmbeddedPostgresServer.SUPERUSER, "");
        execute(first.jdbcUrl(DATABASE), "alter system set archive_mode = 'on'",
                "alter system set archive_command = 'test ! -f " + archive + "/%f && cp %p " + archive + "/%f'",
                "alter system set wal_level = 'replica'");
        first.close();
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startDurable(data, FreePorts.any(),
                log("postgres-drill-original"));
        OPEN.add(server);
        return server;
    }

    /**
     * A base backup of the running server: {@code pg_backup_start}, a copy of its data folder
     * while it keeps writing, {@code pg_backup_stop} (which waits until the WAL the copy needs is
     * archived) and the backup label it returns, written into the copy. Returns the label.
     */
    private static String baseBackup(String jdbcUrl, Path data, Path backup) throws Exception {
        try (Connection connection = superuser(jdbcUrl); Statement statement = connection.createStatement()) {
            statement.execute("select pg_backup_start('restore drill', true)");
            copy(data, backup);
            try (ResultSet stop = statement.executeQuery("select labelfile, spcmapfile from pg_backup_stop(true)")) {
                assertThat(stop.next()).isTrue();
                Files.writeString(backup.resolve("backup_label"), stop.getString(1));
                return stop.getString(1);
            }
        }
    }

    /** The data folder, as it is at this moment, without what a base backup leaves out. */
    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path relative = from.relativize(file);
                Path target = to.resolve(relative.toString());
                boolean emptied = relative.getNameCount() > 1 && EMPTIED.contains(relative.getName(0).toString());
                try {
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else if (!emptied && !NOT_BACKED_UP.contains(file.getFileName().toString())
                            && !file.getFileName().toString().startsWith("pgsql_tmp")) {
                        Files.copy(file, target);
                    }
                } catch (NoSuchFileException removedWhileCopying) {
                    // a file the server removed during the copy: WAL replay recreates what is needed
                }
            }
        }
    }

    /**
     * A new server on the backup: it restores archived WAL to the end of the archive
     * ({@code restore_command}, {@code recovery.signal}), then ends recovery and opens.
     */
    private static EmbeddedPostgresServer restore(Path backup, Path archive) throws IOException {
        Path data = folder("shinko-drill-restored");
        Files.delete(data);
        copy(backup, data);
        Files.writeString(data.resolve("backup_label"), Files.readString(backup.resolve("backup_label")));
        Files.writeString(data.resolve("postgresql.auto.conf"), "\nrestore_command = 'cp " + archive + "/%f %p'\n"
                + "archive_mode = 'off'\n", StandardOpenOption.APPEND);
        Files.createFile(data.resolve("recovery.signal"));
        // PostgreSQL opens only a data folder no one else may read
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startDurable(data, FreePorts.any(),
                log("postgres-drill-restored"));
        OPEN.add(server);
        await().atMost(Duration.ofMinutes(2)).until(() -> {
            try (Connection connection = superuser(server.jdbcUrl(DATABASE));
                    Statement statement = connection.createStatement();
                    ResultSet recovering = statement.executeQuery("select pg_is_in_recovery()")) {
                return recovering.next() && !recovering.getBoolean(1);
            } catch (SQLException notYet) {
                return false;
            }
        });
        return server;
    }

    /** Forces the current WAL segment out and waits until the archive has it; returns its name. */
    private static String switchAndAwaitArchived(String jdbcUrl) throws SQLException {
        String segment;
        try (Connection connection = superuser(jdbcUrl);
                Statement statement = connection.createStatement();
                ResultSet switched = statement.executeQuery("select pg_walfile_name(pg_switch_wal())")) {
            switched.next();
            segment = switched.getString(1);
        }
        await().atMost(Duration.ofMinutes(1)).until(() -> {
            try (Connection connection = superuser(jdbcUrl);
                    Statement statement = connection.createStatement();
                    ResultSet archived = statement.executeQuery("select last_archived_wal from pg_stat_archiver")) {
                return archived.next() && archived.getString(1) != null
                        && archived.getString(1).compareTo(segment) >= 0;
            }
        });
        return segment;
    }

    /** A municipality with a plan, an indicator, a target and an actual, through the API. */
    private static void record(ServiceProcess command, String city) throws Exception {
        String editor = Api.editorOf(city);
        String plan = "/municipalities/" + city + "/plans/p";
        Api.expect(command, "POST", "/municipalities", TestTokens.admin(), Map.of("code", city,
                "name", NAMES.get(city).get(0), "romanisedName", NAMES.get(city).get(1)), 201);
        Api.expect(command, "POST", "/municipalities/" + city + "/plans", editor, Map.of("id", "p",
                "name", "産業振興計画", "fromFiscalYear", "R5", "toFiscalYear", "R8"), 201);
        Api.expect(command, "POST", plan + "/items", editor, Map.of("id", "a", "content", Map.of("number", "1",
                "title", "創業支援", "responsibleOrganisations", List.of("産業振興課"))), 201);
        Api.expect(command, "PUT", plan + "/items/a/indicator", editor, Map.of("name", "創業件数", "unit", "件"), 200);
        Api.expect(command, "PUT", plan + "/items/a/annual-targets/R5", editor, Map.of("value", 30, "unit", "件"), 200);
    }

    /** Recorded after the base backup: only the archived WAL brings these back. Returns the event position. */
    private static String recordAfterTheBackup(ServiceProcess command, String city) throws Exception {
        String plan = "/municipalities/" + city + "/plans/p";
        Api.expect(command, "PUT", plan + "/items/a/annual-targets/R6", Api.editorOf(city),
                Map.of("value", 35, "unit", "件"), 200);
        return Api.expect(command, "PUT", plan + "/items/a/annual-actuals/R5", Api.editorOf(city),
                Map.of("value", 31, "unit", "件"), 200).header("Shinko-Event-Position").orElseThrow();
    }

    private static void awaitProjected(ServiceProcess query, String position) {
        await().atMost(Duration.ofMinutes(1)).until(() -> Api.get(query.baseUrl(), "/municipalities/" + CITIES.get(0)
                + "/plans/p/progress/annual?waitForPosition=" + position, Api.editorOf(CITIES.get(0)))
                .header("Shinko-Position-Reached").orElse(""), "true"::equals);
    }

    /** Each municipality's last chain link, as its last envelope on the topic carries it. */
    private static Map<String, String> awaitPublishedHeads(Map<String, Long> storedEvents) {
        return await().atMost(Duration.ofMinutes(1)).until(() -> {
            Map<String, IntegrationEnvelope> last = new LinkedHashMap<>();
            for (ConsumerRecord<String, IntegrationEnvelope> record : TopicReader.readAll(
                    TestInfrastructure.kafkaBootstrapServers(), Topics.INTEGRATION_EVENTS.name(),
                    Topics.INTEGRATION_EVENTS.keySerde().deserializer(),
                    Topics.INTEGRATION_EVENTS.valueSerde().deserializer())) {
                if (CITIES.contains(record.key())) {
                    last.merge(record.key(), record.value(), (one, other) ->
                            one.chain().position() >= other.chain().position() ? one : other);
                }
            }
            boolean complete = CITIES.stream().allMatch(city -> last.containsKey(city)
                    && last.get(city).chain().position() == storedEvents.get(city));
            return complete ? last.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                    entry -> entry.getValue().chain().link())) : null;
        }, heads -> heads != null);
    }

    private static Map<String, Long> eventCounts(String jdbcUrl) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String city : CITIES) {
            counts.put(city, Long.parseLong(single(jdbcUrl, "select count(*) from event_store.domain_event_entry "
                    + "where municipality_code = '" + city + "'")));
        }
        return counts;
    }

    /** An MD5 of every projection table's rows in a stable order, per table. */
    private static Map<String, String> checksums(String jdbcUrl) throws SQLException {
        Map<String, String> checksums = new LinkedHashMap<>();
        for (String table : PROJECTIONS) {
            checksums.put(table, single(jdbcUrl, "select coalesce(md5(string_agg(t::text, E'\\n' order by t::text)), "
                    + "'') from query." + table + " t"));
        }
        return checksums;
    }

    private static String single(String jdbcUrl, String sql) throws SQLException {
        try (Connection connection = superuser(jdbcUrl);
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private static void execute(String jdbcUrl, String... statements) throws SQLException {
        try (Connection connection = superuser(jdbcUrl); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static Connection superuser(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, EmbeddedPostgresServer.SUPERUSER, "");
    }



    private static Path log(String name) throws IOException {
        return Files.createDirectories(Path.of("target", "service-logs")).resolve(name + ".log");
    }

    private static Path folder(String prefix) {
        try {
            Path folder = Files.createTempDirectory(prefix);
            FOLDERS.add(folder);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
