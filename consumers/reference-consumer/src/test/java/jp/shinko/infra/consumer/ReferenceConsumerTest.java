package jp.shinko.infra.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.integration.IntegrationEnvelope;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.seeds.SeedLoader;
import jp.shinko.infra.testsupport.CommandServiceProcess;
import jp.shinko.infra.testsupport.TestInfrastructure;
import jp.shinko.infra.testsupport.TestTokens;
import jp.shinko.infra.testsupport.TopicReader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo data (the three seed tables) entered through the command service, read back by the
 * reference consumer from Kafka alone: its summary has the cities' own counts, and every envelope
 * on the topic is valid by the published JSON Schema.
 */
class ReferenceConsumerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeAll
    static void enterTheDemoData() throws Exception {
        URI commandService = CommandServiceProcess.baseUrl();
        for (Map.Entry<String, String> city : Map.of(SeedLoader.AKIRUNO, "あきる野市", SeedLoader.MUSASHINO, "武蔵野市",
                SeedLoader.TAMA, "多摩市").entrySet()) {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            commandService.resolve("/municipalities"))
                    .header("Authorization", "Bearer " + TestTokens.admin())
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "register-" + city.getKey())
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                            "code", city.getKey(), "name", city.getValue(), "romanisedName", "Seed"))))
                    .build(), HttpResponse.BodyHandlers.discarding());
        }
        for (Map<String, String> municipality : SeedLoader.metropolitanMunicipalities()) {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(commandService.resolve("/municipalities"))
                    .header("Authorization", "Bearer " + TestTokens.admin())
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "seed-003-register-" + municipality.get("code"))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(municipality)))
                    .build(), HttpResponse.BodyHandlers.discarding());
        }
        SeedLoader loader = new SeedLoader(commandService, code -> TestTokens.of(
                MunicipalityCode.of(code).isPrefecture() ? Actor.of("tomoko", Role.METRO_EDITOR)
                        : new Actor("clerk", Role.MUNICIPAL_EDITOR, MunicipalityCode.of(code), null)));
        loader.loadAll();
        loader.loadMetropolitan();
    }

    /**
     * A city's consumer follows its joint projects by the envelopes' participants alone: Akiruno
     * leads one and joins the 17-city platform; Kiyose joins Higashikurume's, and not Akishima's,
     * in which only its social welfare council (a body, not the city) takes part.
     */
    @Test
    void aCitysConsumerListsExactlyTheProjectsItTakesPartIn() {
        Map<String, List<String>> expected = Map.of(
                SeedLoader.AKIRUNO, List.of("r6-akigawa lead", "r6-platform partner"),
                "132217", List.of("r8-higashikurume-kiyose partner"),
                "132071", List.of("r6-platform partner", "r7-hikikomori lead"),
                "132101", List.of());
        expected.forEach((city, projects) -> {
            try (ReferenceConsumer reader = new ReferenceConsumer(TestInfrastructure.kafkaBootstrapServers(),
                    "test-projects-" + city, Optional.of(city))) {
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    reader.readUntilCaughtUp(Duration.ofSeconds(5));
                    assertThat(reader.cityProjects().orElseThrow().projects()).extracting(project ->
                            project.projectId() + " " + (project.lead() ? "lead" : "partner"))
                            .containsExactlyElementsOf(projects);
                    assertThat(reader.summary().chainHeads()).containsKey("130001");
                });
                assertThat(reader.cityProjects().orElseThrow().projects()).allSatisfy(project ->
                        assertThat(project.keeper()).isEqualTo("130001"));
            }
        });
    }

    private static CrossCitySummary.ChainHead storedChainHead(String city) throws Exception {
        TestInfrastructure.Postgres postgres = TestInfrastructure.postgres();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
                postgres.password()); PreparedStatement query = connection.prepareStatement(
                "select position, encode(link, 'hex') from event_store.chain_head where municipality_code = ?")) {
            query.setString(1, city);
            try (ResultSet head = query.executeQuery()) {
                head.next();
                return new CrossCitySummary.ChainHead(head.getLong(1), head.getString(2));
            }
        }
    }

    @Test
    void theSummaryHasTheCitiesOwnCounts() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ReferenceConsumer reader = new ReferenceConsumer(TestInfrastructure.kafkaBootstrapServers(), "test-summary");
        Map<String, CrossCitySummary.Line> lines = new HashMap<>();
        try (reader) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                reader.readUntilCaughtUp(Duration.ofSeconds(5));
                reader.summary().lines().forEach(line -> lines.put(line.municipalityCode() + " "
                        + line.fiscalYear(), line));
                assertThat(lines.get("132039 2023")).isNotNull();
                assertThat(lines.get("132039 2023").statusSymbols().values().stream().mapToLong(Long::longValue)
                        .sum()).isEqualTo(138 * 4);
                assertThat(lines.get("132284 2025")).isNotNull();
                assertThat(lines.get("132284 2025").ratings().get(CrossCitySummary.NOT_RATED)).isZero();
            });
            new PrintStream(printed, true, StandardCharsets.UTF_8).print(reader.table());
        }

        Map<String, Long> printedRatings = new HashMap<>();
        SeedLoader.akirunoBusinesses().values().forEach(business -> business.path("years").properties()
                .forEach(year -> {
                    if (year.getValue().has("rating")) {
                        printedRatings.merge(year.getKey() + " " + year.getValue().path("rating").asString(), 1L,
                                Long::sum);
                    }
                }));
        Map<String, Long> summarised = new HashMap<>();
        for (int year = 2023; year <= 2025; year++) {
            int fiscalYear = year;
            lines.get("132284 " + year).ratings().forEach((rating, count) -> {
                if (count > 0) {
                    summarised.put(fiscalYear + " " + rating, count);
                }
            });
        }
        assertThat(summarised).as("Akiruno's ratings R5–R7, as printed").isEqualTo(printedRatings);

        Map<String, Long> symbols = new HashMap<>();
        for (JsonNode row : seed("musashino-r5.json").path("rows")) {
            row.path("quarters").forEach(symbol -> symbols.merge(symbol.asString(), 1L, Long::sum));
        }
        assertThat(lines.get("132039 2023").statusSymbols()).isEqualTo(symbols);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("132039").contains("132241").contains("132284")
                .contains("redeliveries ignored");
        for (String city : List.of(SeedLoader.AKIRUNO, SeedLoader.MUSASHINO, SeedLoader.TAMA)) {
            assertThat(reader.summary().chainHeads().get(city)).as("the head held outside the store, " + city)
                    .isEqualTo(storedChainHead(city));
        }
    }

    @Test
    void everyEnvelopeOnTheTopicIsValidByThePublishedSchema() throws IOException {
        Schema schema;
        try (InputStream json = IntegrationEnvelope.class.getResourceAsStream(IntegrationEnvelope.JSON_SCHEMA)) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(json);
        }
        List<String> envelopes = TopicReader.readAll(TestInfrastructure.kafkaBootstrapServers(),
                ReferenceConsumer.TOPIC, new StringDeserializer(), new StringDeserializer())
                .stream().map(record -> record.value()).toList();

        assertThat(envelopes).as("the demo data's events").hasSizeGreaterThan(800);
        assertThat(envelopes).allSatisfy(envelope -> assertThat(schema.validate(envelope, InputFormat.JSON))
                .as(envelope).isEmpty());
    }

    private static JsonNode seed(String name) throws IOException {
        try (InputStream json = SeedLoader.class.getResourceAsStream(name)) {
            return JSON.readTree(json);
        }
    }
}
