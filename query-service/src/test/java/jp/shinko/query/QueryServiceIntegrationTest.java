package jp.shinko.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import jp.shinko.events.DomainEvent;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.municipality.MunicipalityRegistered;
import jp.shinko.infra.testsupport.TestTokens;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The query service on real PostgreSQL: events appended to the event store (as the command
 * service would) appear through the REST API. Each test uses its own municipality codes.
 */
@QueryServiceTest
class QueryServiceIntegrationTest {

    @LocalServerPort
    int port;


    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcClient jdbc;

    RestTestClient client;

    @BeforeEach
    void setUp() {
        client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin()).build();
    }

    @Test
    void aRegisteredMunicipalityIsListedAndCanBeReadWithItsTokyoTime() {
        store(new MunicipalityRegistered(MunicipalityCode.of("132136"), "東村山市", "Higashimurayama"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client.get().uri("/municipalities").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.code == '132136')].name").isEqualTo(List.of("東村山市")));

        client.get().uri("/municipalities/132136").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.code").isEqualTo("132136")
                .jsonPath("$.name").isEqualTo("東村山市")
                .jsonPath("$.romanisedName").isEqualTo("Higashimurayama")
                .jsonPath("$.registeredAt").value(String.class, at -> assertThat(at).endsWith("+09:00"));
    }

    @Test
    void operatorsSeeAsOfAnswersTimedTheProcessorsLagAndTheProcessorsInHealth() {
        client.get().uri("/municipalities?asOf=2024-05-01").exchange().expectStatus().isOk();

        String metrics = client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("shinko_queries_as_of_seconds_count{application=\"query-service\","
                + "endpoint=\"/municipalities\",status=\"200\"}")
                .contains("shinko_processor_lag_events{application=\"query-service\",processor=\"progress\"}")
                .doesNotContain("processor=\"municipalities\"") // kept by the progress processor since migration 10
                .contains("hikaricp_connections_active", "jvm_memory_used_bytes")
                // Axon's own meters keep every event's duration for ten minutes: a catch-up filled the heap with them
                .doesNotContain("progress_capacity", "progress_latency");
        client.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.components.processors.status").isEqualTo("UP")
                .jsonPath("$.components.processors.details.progress.running").isEqualTo(true)
                .jsonPath("$.components.db.status").isEqualTo("UP");
    }

    @Test
    void aCodeWithAWrongCheckDigitIsABadRequestNamingTheField() {
        client.get().uri("/municipalities/132099").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:shinko:problem:invalid-request")
                .jsonPath("$.errors[0].field").isEqualTo("code")
                .jsonPath("$.errors[0].message")
                .isEqualTo("the check digit of 132099 is wrong: for 13209 it is 8, so the code would be 132098");
    }

    @Test
    void aValidCodeNobodyRegisteredIsNotFound() {
        client.get().uri("/municipalities/132101").exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:shinko:problem:not-found")
                .jsonPath("$.detail")
                .isEqualTo("municipality 132101 is not registered; GET /municipalities lists the registered ones");
    }

    @Test
    void replayingTheEventStoreRebuildsTheSameRows() {
        store(new MunicipalityRegistered(MunicipalityCode.of("132110"), "小平市", "Kodaira"));
        await().atMost(Duration.ofSeconds(30)).until(() -> row("132110") != null);
        Map<String, Object> before = row("132110");

        StreamingEventProcessor processor = processing
                .eventProcessor(ProcessingGroups.PROGRESS, StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(row("132110")).isEqualTo(before));
    }

    @Test
    void healthShowsTheDatabaseToAnAdmin() {
        client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.db.status").isEqualTo("UP");
    }

    @Test
    void readinessAsksTheDatabaseAndTheProjectionsAreAGroupOfTheirOwn() {
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.db.status").isEqualTo("UP")
                .jsonPath("$.components.readinessState.status").isEqualTo("UP")
                .jsonPath("$.components.processors").doesNotExist();
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.db").doesNotExist();
        client.get().uri("/actuator/health/projections").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.components.processors.details.progress.running").isEqualTo(true)
                .jsonPath("$.components.deadLetters.status").isEqualTo("UP")
                .jsonPath("$.components.db").doesNotExist();
        RestTestClient loadBalancer = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        loadBalancer.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components").doesNotExist();
    }

    @Test
    void servesTheBillOfMaterialsOfItsBuildToAnAdmin() {
        client.get().uri("/actuator/sbom").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.ids").value(List.class, ids -> assertThat(ids).contains("application"));
        client.get().uri("/actuator/sbom/application").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.bomFormat").isEqualTo("CycloneDX")
                .jsonPath("$.metadata.component.name").isEqualTo("query-service")
                .jsonPath("$.components[?(@.name == 'axon-eventsourcing')].version").isEqualTo(List.of("4.13.0"))
                .jsonPath("$.components[?(@.name == 'postgresql')].purl").value(List.class, purls ->
                        assertThat(purls).singleElement().asString()
                                .startsWith("pkg:maven/org.postgresql/postgresql@"));
        RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .get().uri("/actuator/sbom/application").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void servesItsOpenApiDescriptionWithTheBearerTokenAndNotTheCallerAsAParameter() {
        client.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/municipalities/{code}'].get.parameters[*].name")
                .isEqualTo(List.of("code", "asOf", "waitForPosition"))
                .jsonPath("$.paths['/municipalities'].get.parameters[*].name")
                .isEqualTo(List.of("asOf", "waitForPosition"))
                .jsonPath("$.components.securitySchemes.bearer-jwt.scheme").isEqualTo("bearer")
                .jsonPath("$.security[0].bearer-jwt").exists();
    }

    private void store(DomainEvent event) {
        StoredEvents.append("Municipality", event.municipalityCode().value(), 0, List.of(event));
    }

    private Map<String, Object> row(String code) {
        return jdbc.sql("select * from query.municipality where code = ?").param(code).query().listOfRows()
                .stream().findFirst().orElse(null);
    }
}
