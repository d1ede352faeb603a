package jp.shinko.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import jp.shinko.command.municipality.RegisterMunicipality;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.integration.IntegrationEnvelope;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.municipality.MunicipalityRegistered;
import jp.shinko.infra.kafka.Topics;
import jp.shinko.infra.testsupport.TestInfrastructure;
import jp.shinko.infra.testsupport.TestTokens;
import jp.shinko.infra.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The command service on real PostgreSQL and a real Kafka broker. Each test uses its own
 * municipality codes, so the tests share one database and one broker.
 */
@CommandServiceTest
class CommandServiceIntegrationTest {

    /** A registration of this code meets a second instance that registered it a moment earlier. */
    private static final String CONTESTED_CODE = "132276";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    /** An admin's client: registering municipalities is an admin's task. */
    RestTestClient client;

    RestTestClient anonymous;

    @BeforeEach
    void setUp() {
        anonymous = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        client = anonymous.mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.of(Actor.of("ops-1", Role.ADMIN)))
                .build();
    }

    @Test
    void registeringStoresTheEventAndPublishesItsEnvelopeKeyedByMunicipality() {
        client.post().uri("/municipalities")
                .header("Idempotency-Key", "register-kiyose")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", "132217", "name", "清瀬市", "romanisedName", "Kiyose"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody()
                .json("{\"code\":\"132217\",\"name\":\"清瀬市\",\"romanisedName\":\"Kiyose\","
                        + "\"commandId\":\"register-kiyose\"}");

        Map<String, Object> stored = jdbc.sql("""
                        select event_identifier, aggregate_identifier, sequence_number, type, payload_type,
                               payload_revision, municipality_code, convert_from(payload, 'UTF8') as payload,
                               convert_from(meta_data, 'UTF8')::jsonb ->> 'actorSubject' as actor_subject,
                               convert_from(meta_data, 'UTF8')::jsonb ->> 'actorRole' as actor_role
                        from event_store.domain_event_entry where aggregate_identifier = '132217'""")
                .query().singleRow();
        assertThat(stored).containsEntry("sequence_number", 0L)
                .containsEntry("type", "Municipality")
                .containsEntry("payload_type", "MunicipalityRegistered")
                .containsEntry("payload_revision", "1")
                .containsEntry("municipality_code", "132217")
                .containsEntry("payload",
                        "{\"municipalityCode\":\"132217\",\"name\":\"清瀬市\",\"romanisedName\":\"Kiyose\"}")
                .containsEntry("actor_subject", "ops-1")
                .containsEntry("actor_role", "admin");

        ConsumerRecord<String, IntegrationEnvelope> published = await().atMost(Duration.ofSeconds(30))
                .until(() -> publishedFor("132217"), records -> !records.isEmpty()).get(0);
        assertThat(published.key()).isEqualTo("132217");
        IntegrationEnvelope envelope = published.value();
        assertThat(envelope.eventId()).isEqualTo(stored.get("event_identifier"));
        assertThat(envelope.type()).isEqualTo("MunicipalityRegistered");
        assertThat(envelope.revision()).isEqualTo(1);
        assertThat(envelope.aggregateType()).isEqualTo("Municipality");
        assertThat(envelope.aggregateId()).isEqualTo("132217");
        assertThat(envelope.aggregateSequence()).isZero();
        assertThat(envelope.commandId()).isEqualTo("register-kiyose");
        assertThat(envelope.actor()).isEqualTo(Actor.of("ops-1", Role.ADMIN));
        assertThat(envelope.payload())
                .isEqualTo(new MunicipalityRegistered(MunicipalityCode.of("132217"), "清瀬市", "Kiyose"));
    }

    @Test
    void aWrongCheckDigitIsRefusedWithTheRightDigitAndNothingIsStored() {
        client.post().uri("/municipalities")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", "132010", "name", "八王子市", "romanisedName", "Hachioji"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:shinko:problem:invalid-request")
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors[0].field").isEqualTo("code")
                .jsonPath("$.errors[0].rejectedValue").isEqualTo("132010")
                .jsonPath("$.errors[0].message")
                .isEqualTo("the check digit of 132010 is wrong: for 13201 it is 2, so the code would be 132012");

        assertThat(eventsOf("13201%")).isZero();
    }

    @Test
    void aCodeOfTheWrongLengthAndAMissingNameAreBothReported() {
        client.post().uri("/municipalities")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", "13202", "romanisedName", "Tachikawa"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[0].field").isEqualTo("code")
                .jsonPath("$.errors[0].message").isEqualTo(
                        "a municipality code has 6 digits (the 5-digit JIS X 0402 code and its check digit), "
                                + "\"13202\" has 5")
                .jsonPath("$.errors[1].field").isEqualTo("name")
                .jsonPath("$.errors[1].message").isEqualTo("is required: the official name in Japanese, e.g. 多摩市");

        assertThat(eventsOf("13202%")).isZero();
    }

    @Test
    void aRejectedValueIsQuotedLiterallyNeverReadAsAMessageTemplate() {
        client.post().uri("/municipalities")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", "${9*9}", "name", "{name}", "romanisedName", "Inagi"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].message")
                .isEqualTo("a municipality code has only the digits 0-9, \"${9*9}\" has other characters");
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequestNotAServerError() {
        client.post().uri("/municipalities")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"code\": ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:shinko:problem:malformed-request");
    }

    @Test
    void registeringTheSameCodeTwiceIsAConflictAndStoresNothingMore() {
        register("132047", "三鷹市", "Mitaka", "mitaka-1").expectStatus().isCreated();

        register("132047", "三鷹市", "Mitaka", "mitaka-2")
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:shinko:problem:already-exists")
                .jsonPath("$.detail")
                .isEqualTo("municipality 132047 is already registered as 三鷹市; a code is registered once")
                .jsonPath("$.municipalityCode").isEqualTo("132047");

        assertThat(eventsOf("132047")).isEqualTo(1);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheSameAnswerAndStoresNothingMore() {
        register("132055", "青梅市", "Ome", "ome-once").expectStatus().isCreated();

        register("132055", "青梅市", "Ome", "ome-once")
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.commandId").isEqualTo("ome-once");

        assertThat(eventsOf("132055")).isEqualTo(1);
    }

    @Test
    void anIdempotencyKeyWithSpacesIsRefused() {
        register("132063", "府中市", "Fuchu", "not a key")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");

        assertThat(eventsOf("132063")).isZero();
    }

    @Test
    void aRegistrationThatLosesARaceToAnotherInstanceIsAConflictAndStoresNothing() {
        register(CONTESTED_CODE, "羽村市", "Hamura", UUID.randomUUID().toString())
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:shinko:problem:concurrent-modification");

        assertThat(jdbc.sql(
                        "select event_identifier from event_store.domain_event_entry where aggregate_identifier = ?")
                .param(CONTESTED_CODE).query(String.class).list())
                .containsExactly(OtherInstance.EVENT_ID);
    }

    @Test
    void runsOnAxonsJdbcEngineWithSpringTransactionsAndBootsMeterRegistry() {
        assertThat(context.getBean(EventStorageEngine.class)).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(context.getBean(TransactionManager.class)).isInstanceOf(SpringTransactionManager.class);
        assertThat(context.getBeansOfType(MeterRegistry.class).values())
                .singleElement().isInstanceOf(PrometheusMeterRegistry.class);
    }

    @Test
    void healthAnswersWithoutATokenButShowsItsComponentsOnlyToAnAdmin() {
        anonymous.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components").doesNotExist();

        client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.db.status").isEqualTo("UP")
                .jsonPath("$.components.kafka.status").isEqualTo("UP");
    }

    @Test
    void servesPrometheusMetricsOfTheRelayButNotAxonsOwnMeters() {
        register("132071", "昭島市", "Akishima", "akishima").expectStatus().isCreated();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("jvm_memory_used_bytes")
                        .contains("shinko_processor_lag_events{application=\"command-service\","
                                + "processor=\"kafka-relay\"}")
                        .contains("shinko_relay_lag_events")
                        // Axon's own meters keep every message's duration for ten minutes (application.yml)
                        .doesNotContain("kafka_relay_capacity", "kafka_relay_latency")));
    }

    @Test
    void theRelaysLagComesBackToZeroOnceKafkaHasTheEvents() {
        register("132080", "調布市", "Chofu", "chofu").expectStatus().isCreated();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.kafka.details.relayLag").isEqualTo(0)
                .jsonPath("$.components.kafka.details.relayPosition").value(Integer.class,
                        position -> assertThat(position.longValue()).isGreaterThanOrEqualTo(jdbc.sql("select "
                                + "global_index from event_store.domain_event_entry where aggregate_identifier = ?")
                                .param("132080").query(Long.class).single())));
    }

    @Test
    void servesItsOpenApiDescriptionAndSwaggerUiToABrowserWithoutAToken() {
        anonymous.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/municipalities'].post").exists()
                .jsonPath("$.components.securitySchemes.bearer-jwt.bearerFormat").isEqualTo("JWT");
        anonymous.get().uri("/swagger-ui/index.html").exchange()
                .expectStatus().isOk();
    }

    private RestTestClient.ResponseSpec register(String code, String name, String romanisedName, String key) {
        return client.post().uri("/municipalities")
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", code, "name", name, "romanisedName", romanisedName))
                .exchange();
    }

    private int eventsOf(String aggregateIdentifierPattern) {
        return jdbc.sql("select count(*) from event_store.domain_event_entry where aggregate_identifier like ?")
                .param(aggregateIdentifierPattern).query(Integer.class).single();
    }

    private static List<ConsumerRecord<String, IntegrationEnvelope>> publishedFor(String code) {
        return TopicReader.readAll(TestInfrastructure.kafkaBootstrapServers(), Topics.INTEGRATION_EVENTS.name(),
                        Topics.INTEGRATION_EVENTS.keySerde().deserializer(),
                        Topics.INTEGRATION_EVENTS.valueSerde().deserializer())
                .stream().filter(record -> record.key().equals(code)).toList();
    }

    /**
     * Plays a second command-service instance: just before this instance's events are appended,
     * it commits its own registration of {@link #CONTESTED_CODE} on a connection of its own.
     */
    @TestConfiguration
    static class OtherInstance {

        static final String EVENT_ID = "other-instance-" + CONTESTED_CODE;

        @Autowired
        void registerFirstWhenContested(CommandBus commandBus, DataSource dataSource) {
            commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
                CommandMessage<?> command = unitOfWork.getMessage();
                if (command.getPayload() instanceof RegisterMunicipality register
                        && register.code().value().equals(CONTESTED_CODE)) {
                    unitOfWork.onPrepareCommit(committing -> commitCompetingRegistration(dataSource));
                }
                return chain.proceed();
            });
        }

        private static void commitCompetingRegistration(DataSource dataSource) {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement insert = connection.prepareStatement("""
                            insert into event_store.domain_event_entry (event_identifier, aggregate_identifier,
                                sequence_number, type, recorded_at, payload_type, payload_revision, payload, meta_data)
                            values (?, ?, 0, 'Municipality', now(), 'MunicipalityRegistered', '1', ?, ?)""")) {
                connection.setAutoCommit(true);
                insert.setString(1, EVENT_ID);
                insert.setString(2, CONTESTED_CODE);
                insert.setBytes(3, ("{\"municipalityCode\":\"" + CONTESTED_CODE
                        + "\",\"name\":\"羽村市\",\"romanisedName\":\"Hamura\"}").getBytes(StandardCharsets.UTF_8));
                insert.setBytes(4, "{\"commandId\":\"other-instance\"}".getBytes(StandardCharsets.UTF_8));
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
