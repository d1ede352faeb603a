package jp.shinko.infra.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.integration.IntegrationEnvelope;
import jp.shinko.events.municipality.MunicipalityCode;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * PostgreSQL stopped during a command load and started again: while it is down commands are
 * answered {@code 503} with {@code Retry-After} (never {@code 500}); sent again they succeed
 * once it is back; nothing acknowledged is missing; the projections and the relay resume by
 * themselves. The database is this test's own, so that stopping it troubles no other test.
 */
class DatabaseFaultTest {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseFaultTest.class);
    private static final String CODE = "131032";
    private static final String DATABASE = "shinko";

    private static Path dataDirectory;
    private static int port;
    private static EmbeddedPostgresServer postgres;
    private static Services.Infrastructure infrastructure;
    private static final List<ServiceProcess> RUNNING = new ArrayList<>();

    @BeforeAll
    static void startOnAnOwnDatabase() throws Exception {
        dataDirectory = Files.createTempDirectory("shinko-fault-postgres");
        port = FreePorts.any();
        startPostgres();
        postgres.createDatabaseIfMissing(DATABASE);
        DatabaseRoles.ensure(postgres.jdbcUrl(DATABASE), EmbeddedPostgresServer.SUPERUSER, "");
        infrastructure = new Services.Infrastructure(postgres.jdbcUrl(DATABASE), EmbeddedPostgresServer.SUPERUSER,
                "", TestInfrastructure.kafkaBootstrapServers(), TestInfrastructure.identityProvider());
        RUNNING.add(Services.command("command-fault", infrastructure).join());
        RUNNING.add(Services.query("query-fault", infrastructure).join());
    }

    @AfterAll
    static void stop() {
        Services.stopAll(RUNNING);
        postgres.close();
        FileSystemUtils.deleteRecursively(dataDirectory.toFile());
    }

    @Test
    void commandsAreUnavailableWhileTheDatabaseIsDownAndNothingAcknowledgedIsLost() throws Exception {
        ServiceProcess command = RUNNING.get(0);
        ServiceProcess query = RUNNING.get(1);
        String editor = TestTokens.of(new Actor("editor", Role.MUNICIPAL_EDITOR, MunicipalityCode.of(CODE), null));
        String plan = "/municipalities/" + CODE + "/plans/p";
        expect(command, "POST", "/municipalities", TestTokens.admin(), null, Map.of("code", CODE, "name", "港区",
                "romanisedName", "Minato"), 201);
        expect(command, "POST", "/municipalities/" + CODE + "/plans", editor, null, Map.of("id", "p",
                "name", "計画", "fromFiscalYear", "R5", "toFiscalYear", "R8"), 201);
        expect(command, "POST", plan + "/items", editor, null, Map.of("id", "a", "content", Map.of("number", "1",
                "title", "創業塾", "responsibleOrganisations", List.of("産業振興課"))), 201);
        expect(command, "PUT", plan + "/items/a/indicator", editor, null, Map.of("name", "参加者数", "unit", "人"),
                200);

        List<String> acknowledged = new ArrayList<>();
        int unavailable = 0;
        int lastValue = 0;
        for (int write = 1; write <= 30; write++) {
            if (write == 11) {
                postgres.close();
                LOG.info("PostgreSQL stopped after 10 writes");
            }
            if (write == 21) {
                startPostgres();
                LOG.info("PostgreSQL started again");
            }
            String key = "fault-" + write;
            Map<String, Object> body = Map.of("value", write, "unit", "人");
            Answer answer = Api.send(command.baseUrl(), "PUT", plan + "/items/a/annual-targets/R5", editor, key, body);
            while (answer.status() == 503) {
                unavailable++;
                assertThat(answer.body().path("type").asString()).isEqualTo("urn:shinko:problem:service-unavailable");
                assertThat(answer.header("Retry-After")).isPresent();
                if (write < 21) {
                    break; // still down: the client moves on and sends its next write
                }
                answer = Api.send(command.baseUrl(), "PUT", plan + "/items/a/annual-targets/R5", editor, key, body);
            }
            assertThat(answer.status()).as("write %d: %s", write, answer.raw().body()).isIn(200, 503);
            if (answer.status() == 200) {
                acknowledged.add(key);
                lastValue = write;
            }
        }
        LOG.info("Database fault: 30 writes sent, {} acknowledged, {} answered 503 while it was down, none 500",
                acknowledged.size(), unavailable);
        assertThat(unavailable).as("writes sent while the database was down").isGreaterThanOrEqualTo(10);
        assertThat(acknowledged).hasSize(20);

        Set<String> stored = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(infrastructure.jdbcUrl(),
                infrastructure.username(), ""); PreparedStatement select = connection.prepareStatement(
                "select event_identifier, convert_from(meta_data, 'UTF8')::jsonb ->> 'commandId' "
                        + "from event_store.domain_event_entry where municipality_code = ?")) {
            select.setString(1, CODE);
            Set<String> commands = new HashSet<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stored.add(rows.getString(1));
                    commands.add(rows.getString(2));
                }
            }
            assertThat(commands).as("every acknowledged write is stored").containsAll(acknowledged);
        }
        int expected = lastValue;
        await().atMost(Duration.ofMinutes(3)).until(() -> Api.get(query.baseUrl(),
                "/municipalities/" + CODE + "/plans/p/progress/annual", editor).body().path("items").path(0)
                .path("years").path(0).path("target").asInt(), target -> target == expected);
        await().atMost(Duration.ofMinutes(3)).until(() -> published(CODE), ids -> ids.containsAll(stored));
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.get(command.baseUrl(), "/actuator/health", null)
                .status() == 200);
    }

    private static Set<String> published(String code) {
        List<ConsumerRecord<String, IntegrationEnvelope>> records = TopicReader.readAll(infrastructure.kafka(),
                Topics.INTEGRATION_EVENTS.name(), Topics.INTEGRATION_EVENTS.keySerde().deserializer(),
                Topics.INTEGRATION_EVENTS.valueSerde().deserializer());
        return records.stream().filter(record -> record.key().equals(code)).map(record -> record.value().eventId())
                .collect(Collectors.toSet());
    }

    private static void startPostgres() throws Exception {
        postgres = EmbeddedPostgresServer.startDurable(dataDirectory, port,
                Files.createDirectories(Path.of("target", "service-logs")).resolve("fault-postgres.log"));
    }

    private static void expect(ServiceProcess service, String method, String path, String token, String key,
            Object body, int status) throws Exception {
        Answer answer = Api.send(service.baseUrl(), method, path, token, key, body);
        assertThat(answer.status()).as("%s %s: %s", method, path, answer.raw().body()).isEqualTo(status);
    }
}
