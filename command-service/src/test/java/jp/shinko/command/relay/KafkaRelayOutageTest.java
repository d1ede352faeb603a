package jp.shinko.command.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.integration.IntegrationEnvelope;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.embedded.FreePorts;
import jp.shinko.infra.embedded.KraftBroker;
import jp.shinko.infra.kafka.Topics;
import jp.shinko.infra.testsupport.TestInfrastructure;
import jp.shinko.infra.testsupport.TestTokens;
import jp.shinko.infra.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.FileSystemUtils;

/**
 * A broker outage delays relayed events and loses none, and takes the service out of no load
 * balancer: readiness asks the database only, the {@code messaging} group says Kafka is down.
 * The test stops a broker of its own (the JVM's shared one stays up for the other tests) and
 * gives this relay its own token table, so it keeps its own position in the shared event store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "shinko.event-store.token-table=relay_outage_test.token_entry",
    "spring.kafka.producer.properties.delivery.timeout.ms=3000",
    "spring.kafka.producer.properties.request.timeout.ms=1000",
    "spring.kafka.producer.properties.max.block.ms=1000",
    "spring.kafka.producer.properties.linger.ms=0",
    "shinko.kafka.relay.acknowledgement-timeout=PT5S"})
@DirtiesContext
class KafkaRelayOutageTest {

    private static final Pattern TOKEN_INDEX = Pattern.compile("\"index\"\\s*:\\s*(\\d+)");

    private static Path brokerData;
    private static int brokerPort;
    private static int controllerPort;
    private static KraftBroker broker;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startOwnBrokerAndTokenTable() throws Exception {
        brokerData = Files.createTempDirectory("relay-outage-kafka");
        brokerPort = FreePorts.any();
        controllerPort = FreePorts.any();
        broker = KraftBroker.start(brokerData, brokerPort, controllerPort);
        // stopped after the application context (closed after this class) has let go of it
        SpringApplication.getShutdownHandlers().add(KafkaRelayOutageTest::stopOwnBroker);
        TestInfrastructure.Postgres postgres = TestInfrastructure.postgres();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
                postgres.password()); Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists relay_outage_test authorization "
                    + TestInfrastructure.commandService().username());
            statement.execute("""
                    create table if not exists relay_outage_test.token_entry (
                        processor_name varchar(255) not null, segment integer not null, token bytea,
                        token_type varchar(255), timestamp varchar(255), owner varchar(255),
                        primary key (processor_name, segment))""");
            statement.execute("alter table relay_outage_test.token_entry owner to "
                    + TestInfrastructure.commandService().username());
        }
    }

    private static void stopOwnBroker() {
        broker.close();
        FileSystemUtils.deleteRecursively(brokerData.toFile());
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestInfrastructure.commandService().jdbcUrl());
        registry.add("spring.datasource.username", () -> TestInfrastructure.commandService().username());
        registry.add("spring.datasource.password", () -> TestInfrastructure.commandService().password());
        registry.add("spring.kafka.bootstrap-servers", () -> "localhost:" + brokerPort);
        TestInfrastructure.identityProvider().resourceServerProperties().forEach(
                (name, value) -> registry.add(name, () -> value));
    }

    @Test
    void eventsRecordedWhileTheBrokerIsDownArePublishedWhenItIsBackInOrderAndNoneIsSkipped() throws Exception {
        register("132136", "東村山市", "Higashimurayama");
        await().atMost(Duration.ofSeconds(30)).until(() -> published("132136").size() == 1);

        broker.close();
        register("132144", "国分寺市", "Kokubunji");
        register("132152", "国立市", "Kunitachi");
        for (int change = 0; change < 20; change++) {
            changeReasonCodes(change % 2 == 0 ? "132144" : "132152", "理由 " + change); // accepted while Kafka is down
        }
        long stored = lastGlobalIndexOf(List.of("132144", "132152"));
        await("the relay stays before the events it could not publish")
                .during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> relayPosition() < stored);
        health("/actuator/health/readiness").expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.db.status").isEqualTo("UP")
                .jsonPath("$.components.kafka").doesNotExist();
        health("/actuator/health/liveness").expectStatus().isOk();
        await("the messaging group says the broker is down").atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                health("/actuator/health/messaging").expectStatus().isEqualTo(503).expectBody()
                        .jsonPath("$.components.kafka.status").isEqualTo("DOWN")
                        .jsonPath("$.components.kafka.details.relayLag").value(Number.class, lag ->
                                assertThat(lag.longValue()).as("events waiting for the broker").isPositive()));

        broker = KraftBroker.start(brokerData, brokerPort, controllerPort);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String code : List.of("132144", "132152")) {
                assertThat(published(code).stream().map(record -> record.value().eventId()).distinct().toList())
                        .as("every event of " + code + " recorded during the outage, in order, first deliveries")
                        .isEqualTo(storedEventIds(code));
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> relayPosition() >= stored);
        assertThat(published("132136")).as("published before the outage, and not lost with it").isNotEmpty();
    }

    /** A health endpoint as an admin sees it (the components' details are for admins). */
    private RestTestClient.ResponseSpec health(String path) {
        return RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin()).build()
                .get().uri(path).exchange();
    }

    private void changeReasonCodes(String code, String label) {
        RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.of(new Actor("clerk",
                        Role.MUNICIPAL_EDITOR, MunicipalityCode.of(code), null))).build()
                .put().uri("/municipalities/{code}/reason-codes", code)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("reasons", List.of(Map.of("code", "1", "label", label))))
                .exchange()
                .expectStatus().isOk();
    }

    private List<String> storedEventIds(String code) {
        return jdbc.sql("select event_identifier from event_store.domain_event_entry where municipality_code = ? "
                + "order by global_index").param(code).query(String.class).list();
    }

    private long lastGlobalIndexOf(List<String> codes) {
        return jdbc.sql("select max(global_index) from event_store.domain_event_entry where municipality_code in "
                + "(:codes)").param("codes", codes).query(Long.class).single();
    }

    private void register(String code, String name, String romanisedName) {
        RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin()).build()
                .post().uri("/municipalities")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", code, "name", name, "romanisedName", romanisedName))
                .exchange()
                .expectStatus().isCreated();
    }

    /** The highest global index the relay has passed, from its token. */
    private long relayPosition() {
        String token = jdbc.sql("select convert_from(token, 'UTF8') from relay_outage_test.token_entry "
                        + "where processor_name = 'kafka-relay' and token is not null")
                .query(String.class).optional().orElse("");
        Matcher index = TOKEN_INDEX.matcher(token);
        return index.find() ? Long.parseLong(index.group(1)) : -1;
    }

    private static List<ConsumerRecord<String, IntegrationEnvelope>> published(String code) {
        return TopicReader.readAll("localhost:" + brokerPort, Topics.INTEGRATION_EVENTS.name(),
                        Topics.INTEGRATION_EVENTS.keySerde().deserializer(),
                        Topics.INTEGRATION_EVENTS.valueSerde().deserializer())
                .stream().filter(record -> record.key().equals(code)).toList();
    }
}
