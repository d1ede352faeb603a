package jp.shinko.infra.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.integration.IntegrationEnvelope;
import jp.shinko.infra.embedded.ServiceProcess;
import jp.shinko.infra.kafka.Topics;
import jp.shinko.infra.system.Api.Answer;
import jp.shinko.infra.testsupport.TestInfrastructure;
import jp.shinko.infra.testsupport.TestTokens;
import jp.shinko.infra.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Two command-service and two query-service instances on one PostgreSQL and one Kafka broker,
 * used as a round-robin load balancer would: request by request, one instance then the other.
 * Every write a client is told is recorded is in the tables (through either query instance) and
 * on the topic, nothing is refused that did not really race, and when one command instance is
 * killed mid-load the clients carry on against the other and lose nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiInstanceTest {

    private static final Logger LOG = LoggerFactory.getLogger(MultiInstanceTest.class);
    private static final String CHIYODA = "131016";
    private static final String CHUO = "131024";
    private static final int CLIENTS = 6;
    private static final int ROUNDS = 24;

    private static Services.Infrastructure infrastructure;
    private static ServiceProcess commandA;
    private static ServiceProcess commandB;
    private static ServiceProcess queryA;
    private static ServiceProcess queryB;
    private static final List<ServiceProcess> RUNNING = new ArrayList<>();

    @BeforeAll
    static void startTwoOfEach() {
        TestInfrastructure.Postgres postgres = TestInfrastructure.postgres();
        infrastructure = new Services.Infrastructure(postgres.jdbcUrl(), postgres.username(), postgres.password(),
                TestInfrastructure.kafkaBootstrapServers(), TestInfrastructure.identityProvider());
        // the first creates the schemas and the topic; the others start beside each other
        commandA = Services.command("command-a", infrastructure).join();
        RUNNING.add(commandA);
        List<ServiceProcess> others = Services.startAll(List.of(Services.command("command-b", infrastructure),
                Services.query("query-a", infrastructure), Services.query("query-b", infrastructure)));
        commandB = others.get(0);
        queryA = others.get(1);
        queryB = others.get(2);
        RUNNING.addAll(others);
    }

    @AfterAll
    static void stop() {
        Services.stopAll(RUNNING);
    }

    @Test
    @Order(0)
    void theQueryInstancesShareTheProjectionsSegments() {
        await().atMost(Duration.ofSeconds(90)).until(() -> owners("progress"), owners -> owners.size() == 2);
    }

    @Test
    @Order(1)
    void writesAlternatingBetweenInstancesAreEachDecidedOnWhatIsStored() throws Exception {
        String editor = Api.editorOf(CHIYODA);
        Api.expect(commandA, "POST", "/municipalities", TestTokens.admin(), Map.of("code", CHIYODA, "name", "千代田区",
                "romanisedName", "Chiyoda"), 201);
        Api.expect(commandB, "POST", "/municipalities/" + CHIYODA + "/plans", editor, Map.of("id", "p", "name", "計画",
                "fromFiscalYear", "R5", "toFiscalYear", "R8"), 201);
        Api.expect(commandA, "POST", plan(CHIYODA, "p") + "/items", editor, item("a", "1"), 201);
        Api.expect(commandB, "POST", plan(CHIYODA, "p") + "/items", editor, item("b", "2"), 201);
        Api.expect(commandA, "PUT", plan(CHIYODA, "p") + "/items/a/indicator", editor, Map.of("name", "参加者数",
                "unit", "人"), 200);
        String target = plan(CHIYODA, "p") + "/items/a/annual-targets/R5";

        int sent = 0;
        long version = 0;
        Answer last = null;
        for (int i = 0; i < 40; i++, sent++) {
            last = Api.expect(i % 2 == 0 ? commandA : commandB, "PUT", target, editor,
                    Map.of("value", i % 2 == 0 ? 10 : 15, "unit", "人"), 200);
            assertThat(last.body().path("changed").asBoolean()).as("write %d", i).isTrue();
            assertThat(last.body().path("version").asLong()).isEqualTo(++version);
        }
        for (int i = 0; i < 39; i++, sent++) {
            last = Api.expect(i % 2 == 0 ? commandB : commandA, "PUT", target, editor,
                    Map.of("value", List.of(10, 15, 20).get(i % 3), "unit", "人", "expectedVersion", version), 200);
            assertThat(last.body().path("version").asLong()).isEqualTo(++version);
        }
        // the city's own rules, its tree and a closed year, each step on the other instance
        Api.expect(commandA, "PUT", "/municipalities/" + CHIYODA + "/rating-scheme", editor,
                Map.of("fromFiscalYear", "R5", "bands", List.of(Map.of("label", "A", "minimumPercent", 100),
                        Map.of("label", "B"))), 200);
        Api.expect(commandB, "PUT", "/municipalities/" + CHIYODA + "/reporting-deadlines", editor,
                Map.of("quarterlyStatusDays", 20, "annualActualDays", 60), 200);
        Api.expect(commandA, "POST", plan(CHIYODA, "p") + "/items/b/move", editor, Map.of("parentItemId", "a",
                "number", "1"), 200);
        Api.expect(commandB, "POST", plan(CHIYODA, "p") + "/items/b/retire", editor, Map.of("reason", "統合"), 200);
        Api.expect(commandA, "POST", plan(CHIYODA, "p") + "/fiscal-years/R5/close", editor, Map.of("councilReportedOn",
                "2024-06-20"), 200);
        sent += 5;
        LOG.info("Sequential writes alternating between two instances: {} sent, {} acknowledged, 0 refused", sent,
                sent);

        String position = last.header("Shinko-Event-Position").orElseThrow();
        for (ServiceProcess query : List.of(queryA, queryB)) {
            Answer table = Api.get(query.baseUrl(), "/municipalities/" + CHIYODA + "/plans/p/progress/annual"
                    + "?waitForPosition=" + position, editor);
            assertThat(table.status()).isEqualTo(200);
            assertThat(table.header("Shinko-Position-Reached")).hasValue("true");
            assertThat(targetOf(table.body(), "a", 2023)).isEqualTo(List.of(10, 15, 20).get(38 % 3));
        }
    }

    @Test
    @Order(2)
    void everyLineTheInstancesLogIsAJsonObjectAndACommandsLineNamesItsCommandCallerMunicipalityAndTrace()
            throws IOException {
        for (ServiceProcess service : RUNNING) {
            List<String> lines = Files.readAllLines(service.log()).stream().filter(line -> !line.isBlank()).toList();
            assertThat(lines).as(service.name()).isNotEmpty();
            for (String line : lines) {
                assertThat(line).as("a line of %s", service.name()).startsWith("{").endsWith("}");
                JsonNode json = Api.JSON.readTree(line);
                assertThat(json.path("@timestamp").isString()).as(line).isTrue();
                assertThat(json.path("service").path("name").asString()).as(line)
                        .isEqualTo(service.name().startsWith("command") ? "command-service" : "query-service");
            }
        }
        JsonNode commandLine = Files.readAllLines(commandB.log()).stream().map(Api.JSON::readTree)
                .filter(json -> json.path("message").asString()
                        .startsWith("POST /municipalities/" + CHIYODA + "/plans answered 201 in "))
                .findFirst().orElseThrow();
        assertThat(commandLine.path("subject").asString()).isEqualTo("editor-" + CHIYODA);
        assertThat(commandLine.path("role").asString()).isEqualTo("municipal-editor");
        assertThat(commandLine.path("municipality").asString()).isEqualTo(CHIYODA);
        assertThat(commandLine.path("commandId").asString()).isNotBlank();
        assertThat(commandLine.path("traceId").asString()).matches("[0-9a-f]{32}");
    }

    @Test
    @Order(3)
    void republishingWorksWhicheverCommandInstanceIsAsked() throws Exception {
        for (ServiceProcess command : List.of(commandA, commandB)) {
            Answer answer = Api.expect(command, "POST", "/admin/relay/republish?from=2026-01-01", TestTokens.admin(),
                    null, 202);
            assertThat(answer.body().path("state").asString()).as(command.name()).isEqualTo("applied");
        }
    }

    @Test
    @Order(4)
    void aRebuildAskedOfOneQueryInstanceIsFollowedByBoth() throws Exception {
        String viewer = TestTokens.of(Actor.of("analyst", Role.METRO_ANALYST));
        String table = "/municipalities/" + CHIYODA + "/plans/p/progress/annual";
        String before = Api.get(queryA.baseUrl(), table, viewer).raw().body();
        assertThat(Api.get(queryB.baseUrl(), table, viewer).raw().body()).isEqualTo(before);

        Api.expect(queryA, "POST", "/admin/projections/rebuild", TestTokens.admin(), null, 202);
        assertThat(Api.get(queryB.baseUrl(), table, viewer).raw().body()).as("the other instance, meanwhile")
                .isEqualTo(before);

        await().atMost(Duration.ofMinutes(3)).until(() -> Api.get(queryB.baseUrl(), "/admin/projections/rebuild",
                TestTokens.admin()).body().path("state").asString(), "done"::equals);
        for (ServiceProcess query : List.of(queryA, queryB)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> Api.get(query.baseUrl(), table, viewer).raw().body(),
                    before::equals);
        }
    }

    @Test
    @Order(5)
    void concurrentClientsLoseNothingWhenOneCommandInstanceIsKilledMidLoad() throws Exception {
        String editor = Api.editorOf(CHUO);
        Api.expect(commandA, "POST", "/municipalities", TestTokens.admin(), Map.of("code", CHUO, "name", "中央区",
                "romanisedName", "Chuo"), 201);
        for (int client = 0; client < CLIENTS; client++) {
            String plan = plan(CHUO, "c" + client);
            Api.expect(commandB, "POST", "/municipalities/" + CHUO + "/plans", editor, Map.of("id", "c" + client,
                    "name", "計画" + client, "fromFiscalYear", "R5", "toFiscalYear", "R8"), 201);
            Api.expect(commandA, "POST", plan + "/items", editor, item("a", "1"), 201);
            Api.expect(commandB, "POST", plan + "/items", editor, item("b", "2"), 201);
            Api.expect(commandA, "PUT", plan + "/items/a/indicator", editor, Map.of("name", "参加者数", "unit", "人"), 200);
            Api.expect(commandB, "PUT", plan + "/kpis/k", editor, Map.of("name", "事業所数", "unit", "所",
                    "baseline", Map.of("value", 100, "fromYear", 2021)), 200);
        }

        Load load = new Load(editor, CLIENTS * ROUNDS * 2 / 5);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Map<String, Integer>>> finalTargets = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            int index = client;
            finalTargets.add(clients.submit(() -> load.run(index)));
        }
        Map<String, Integer> lastTargets = new HashMap<>();
        for (Future<Map<String, Integer>> client : finalTargets) {
            lastTargets.putAll(client.get());
        }
        clients.shutdown();
        LOG.info("Concurrent load over two command instances, one killed after {} requests: {} sent, {} "
                        + "acknowledged, {} retried on the other instance after the kill, {} refused", load.killAfter,
                load.sent.get(), load.acknowledged.size(), load.retried.get(), load.refused.get());

        assertThat(load.refused.get()).as("no request was refused: none raced another").isZero();
        assertThat(load.killed.getCount()).as("the instance was killed mid-load").isZero();

        Map<String, Long> eventsByCommand = eventsByCommand(CHUO);
        Set<String> changedKeys = load.acknowledged.entrySet().stream().filter(Map.Entry::getValue)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        assertThat(eventsByCommand.keySet()).as("every acknowledged change is stored").containsAll(changedKeys);

        Set<String> stored = storedEventIds(CHUO);
        Map<String, List<IntegrationEnvelope>> published = await().atMost(Duration.ofMinutes(2))
                .until(() -> publishedEnvelopes(CHUO), envelopes -> envelopes.keySet().containsAll(stored));
        assertThat(published.values()).as("a redelivery is the same envelope again")
                .allSatisfy(copies -> assertThat(new HashSet<>(copies)).hasSize(1));
        long duplicates = published.values().stream().mapToLong(copies -> copies.size() - 1).sum();
        LOG.info("{} events stored for {}; all on Kafka ({} delivered twice after the kill)", stored.size(), CHUO,
                duplicates);

        for (Map.Entry<String, Integer> last : lastTargets.entrySet()) {
            String table = "/municipalities/" + CHUO + "/plans/" + last.getKey() + "/progress/annual";
            for (ServiceProcess query : List.of(queryA, queryB)) {
                JsonNode answer = await().atMost(Duration.ofSeconds(60)).until(() -> Api.get(query.baseUrl(), table,
                        editor).body(), body -> targetOf(body, "a", 2023) == last.getValue());
                assertThat(targetOf(answer, "a", 2023)).isEqualTo(last.getValue());
            }
            assertThat(Api.get(queryA.baseUrl(), table, editor).raw().body())
                    .isEqualTo(Api.get(queryB.baseUrl(), table, editor).raw().body());
        }
        RUNNING.remove(commandA);
    }

    /** Clients writing their own plans, alternating instances request by request; one instance is killed. */
    private static final class Load {

        private final String editor;
        private final int killAfter;
        private final AtomicInteger sent = new AtomicInteger();
        private final AtomicInteger retried = new AtomicInteger();
        private final AtomicInteger refused = new AtomicInteger();
        private final Map<String, Boolean> acknowledged = new ConcurrentHashMap<>();
        private final CountDownLatch killed = new CountDownLatch(1);

        Load(String editor, int killAfter) {
            this.editor = editor;
            this.killAfter = killAfter;
        }

        /** Runs one client's rounds; answers its plan's last acknowledged target. */
        Map<String, Integer> run(int client) throws Exception {
            String planId = "c" + client;
            String plan = plan(CHUO, planId);
            int lastTarget = 0;
            for (int round = 0; round < ROUNDS; round++) {
                int value = 10 + (round * 7 + client) % 50;
                Request request = switch (round % 7) {
                    case 0 -> new Request("PUT", plan + "/items/a/annual-targets/R5", Map.of("value", value,
                            "unit", "人"));
                    case 1 -> new Request("PUT", plan + "/items/a/annual-actuals/R5", Map.of("value", value,
                            "unit", "人"));
                    case 2 -> new Request("PUT", plan + "/items/a/period-status/R5/" + (1 + round % 3),
                            Map.of("organisation", "産業振興課", "symbol", round % 2 == 0 ? "○" : "◎"));
                    case 3 -> new Request("PUT", plan + "/items/a/narratives/R5", Map.of("results",
                            "第" + round + "回の実施結果"));
                    case 4 -> new Request("PUT", plan + "/items/b", Map.of("content", Map.of("number", "2",
                            "title", "事業 " + round, "responsibleOrganisations", List.of("産業振興課"))));
                    case 5 -> new Request("POST", plan + "/kpis/k/observations", Map.of("figure", Map.of("value",
                            value, "fromYear", 2022), "publishedOn", "2025-01-" + (10 + round % 10)));
                    default -> new Request("POST", plan + "/progress", Map.of("items", List.of(Map.of("itemId", "a",
                            "entries", List.of(Map.of("kind", "target", "fiscalYear", "R6", "value", value,
                                    "unit", "人"))))));
                };
                String key = "load-" + client + "-" + round;
                Answer answer = sendSurvivingTheKill(round % 2 == 0, request, key);
                if (answer.status() == 409) {
                    refused.incrementAndGet();
                }
                assertThat(answer.status()).as("%s %s: %s", request.method(), request.path(), answer.body())
                        .isBetween(200, 299);
                acknowledged.put(key, changed(answer));
                if (round % 7 == 0) {
                    lastTarget = value;
                }
            }
            return Map.of(planId, lastTarget);
        }

        private Answer sendSurvivingTheKill(boolean first, Request request, String key) throws Exception {
            if (sent.incrementAndGet() == killAfter) {
                commandA.kill();
                killed.countDown();
            }
            ServiceProcess instance = first && killed.getCount() > 0 ? commandA : commandB;
            try {
                return Api.send(instance.baseUrl(), request.method(), request.path(), editor, key, request.body());
            } catch (IOException unreachable) {
                // the load balancer's retry on the other instance, with the same Idempotency-Key; while the dead
                // instance's claim on the key lasts (30 s) the answer is 409 with Retry-After, and the client waits
                retried.incrementAndGet();
                return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(
                        () -> Api.send(commandB.baseUrl(), request.method(), request.path(), editor, key,
                                request.body()),
                        answer -> !answer.body().path("type").asString()
                                .equals("urn:shinko:problem:idempotency-request-in-progress"));
            }
        }

        private static boolean changed(Answer answer) {
            JsonNode body = answer.body();
            return body.has("changed") ? body.path("changed").asBoolean()
                    : body.path("entriesChanged").asInt(0) > 0;
        }
    }

    private record Request(String method, String path, Object body) {
    }

    private static int targetOf(JsonNode table, String itemId, int fiscalYear) {
        for (JsonNode item : table.path("items")) {
            if (item.path("itemId").asString().equals(itemId)) {
                for (JsonNode year : item.path("years")) {
                    if (year.path("fiscalYear").asInt() == fiscalYear) {
                        return year.path("target").asInt(-1);
                    }
                }
            }
        }
        return -1;
    }

    private static Map<String, Long> eventsByCommand(String code) throws SQLException {
        Map<String, Long> events = new HashMap<>();
        try (Connection connection = database(); PreparedStatement query = connection.prepareStatement(
                "select convert_from(meta_data, 'UTF8')::jsonb ->> 'commandId', count(*) "
                        + "from event_store.domain_event_entry where municipality_code = ? group by 1")) {
            query.setString(1, code);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    events.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return events;
    }

    /** The instances that hold a segment of a query-side processor now. */
    private static Set<String> owners(String processor) throws SQLException {
        Set<String> owners = new HashSet<>();
        try (Connection connection = database(); PreparedStatement query = connection.prepareStatement(
                "select owner from query.token_entry where processor_name = ? and owner is not null")) {
            query.setString(1, processor);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    owners.add(rows.getString(1));
                }
            }
        }
        return owners;
    }

    private static Set<String> storedEventIds(String code) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection connection = database(); PreparedStatement query = connection.prepareStatement(
                "select event_identifier from event_store.domain_event_entry where municipality_code = ?")) {
            query.setString(1, code);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    private static Map<String, List<IntegrationEnvelope>> publishedEnvelopes(String code) {
        List<ConsumerRecord<String, IntegrationEnvelope>> records = TopicReader.readAll(
                infrastructure.kafka(), Topics.INTEGRATION_EVENTS.name(),
                Topics.INTEGRATION_EVENTS.keySerde().deserializer(),
                Topics.INTEGRATION_EVENTS.valueSerde().deserializer());
        return records.stream().filter(record -> record.key().equals(code))
                .collect(Collectors.groupingBy(record -> record.value().eventId(),
                        Collectors.mapping(ConsumerRecord::value, Collectors.toList())));
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(infrastructure.jdbcUrl(), infrastructure.username(),
                infrastructure.password());
    }



    private static String plan(String code, String planId) {
        return "/municipalities/" + code + "/plans/" + planId;
    }

    private static Map<String, Object> item(String id, String number) {
        return Map.of("id", id, "content", Map.of("number", number, "title", "事業 " + id,
                "responsibleOrganisations", List.of("産業振興課")));
    }
}
