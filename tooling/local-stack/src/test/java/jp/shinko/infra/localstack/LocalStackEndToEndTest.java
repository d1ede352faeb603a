package jp.shinko.infra.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.integration.IntegrationEnvelope;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.municipality.MunicipalityRegistered;
import jp.shinko.infra.embedded.FreePorts;
import jp.shinko.infra.kafka.Topics;
import jp.shinko.infra.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole system as the README's start command runs it: PostgreSQL and Kafka from the
 * launcher, both services as child processes from their built jars, tokens from its identity
 * provider, demo data, a request through the REST API, the projection, the Kafka envelope, a
 * restart that finds everything again (the signing key included), and a fresh start that finds
 * nothing.
 */
class LocalStackEndToEndTest {

    /** 小金井市, which the demo does not register. */
    private static final String KOGANEI = "132101";

    private final Http http = new Http();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    @TempDir
    Path folder;

    @Test
    void servesTheSliceEndToEndAndKeepsItsDataAcrossARestartUntilAFreshStart() throws Exception {
        LocalStackOptions options = LocalStackOptions.parse(
                "--data-dir=" + folder.resolve("data"),
                "--postgres-port=" + FreePorts.any(), "--kafka-port=" + FreePorts.any(),
                "--kafka-controller-port=" + FreePorts.any(), "--command-port=" + FreePorts.any(),
                "--query-port=" + FreePorts.any(), "--identity-port=" + FreePorts.any(),
                "--web-port=" + FreePorts.any());
        String admin;
        String analyst;
        Map<String, Integer> seedEvents;

        try (RunningStack stack = LocalStack.start(options, out)) {
            admin = tokenFromProvider(stack, "role=admin&subject=e2e-admin");
            analyst = tokenFromProvider(stack, "role=metro-analyst");
            assertThat(listedCodes(stack, analyst)).containsAll(
                    DemoData.MUNICIPALITIES.stream().map(DemoData.Municipality::code).toList());
            assertThat(http.get(stack.queryService().resolve("/municipalities")).status()).isEqualTo(401);
            assertThat(http.get(stack.web().resolve("/actuator/health")).status()).as("the screens are up")
                    .isEqualTo(200);

            Http.Response registered = http.post(stack.commandService().resolve("/municipalities"), admin,
                    Map.of("Idempotency-Key", "e2e-koganei"),
                    Map.of("code", KOGANEI, "name", "小金井市", "romanisedName", "Koganei"));
            assertThat(registered.status()).isEqualTo(201);

            String koganeiViewer = tokenFromProvider(stack, "role=municipal-viewer&municipality=" + KOGANEI);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Http.Response koganei = http.get(stack.queryService().resolve("/municipalities/" + KOGANEI),
                        koganeiViewer);
                assertThat(koganei.status()).isEqualTo(200);
                assertThat(koganei.body().path("name").asString()).isEqualTo("小金井市");
            });
            assertThat(listedCodes(stack, koganeiViewer)).containsExactly(KOGANEI);

            IntegrationEnvelope envelope = await().atMost(Duration.ofSeconds(30))
                    .until(() -> published(stack, KOGANEI), records -> records.size() == 1).get(0).value();
            assertThat(envelope.commandId()).isEqualTo("e2e-koganei");
            assertThat(envelope.actor()).isEqualTo(Actor.of("e2e-admin", Role.ADMIN));
            assertThat(envelope.aggregateId()).isEqualTo(KOGANEI);
            assertThat(envelope.payload())
                    .isEqualTo(new MunicipalityRegistered(MunicipalityCode.of(KOGANEI), "小金井市", "Koganei"));

            seedEvents = seedEventsOf(stack);
            assertThat(seedEvents).as("the seed tables of Akiruno, Musashino, Tama and 東京都").containsOnlyKeys(
                    "132284", "132039", "132241", "130001")
                    .allSatisfy((code, events) -> assertThat(events).isPositive());
            assertThatASecondStackIsRefusedAndChangesNothing(options.fresh(true));
        }
        assertThat(output.toString(StandardCharsets.UTF_8))
                .containsSubsequence("Stopping query-service", "Stopping command-service", "Stopping Kafka",
                        "Stopping PostgreSQL");

        try (RunningStack stack = LocalStack.start(options, out)) {
            Http.Response koganei = http.get(stack.queryService().resolve("/municipalities/" + KOGANEI), analyst);
            assertThat(koganei.status()).as("a token from before the restart, signed with the key kept on disk")
                    .isEqualTo(200);
            assertThat(published(stack, KOGANEI)).as("kept on disk and, after a clean stop, not sent twice").hasSize(1);
            assertThat(seedEventsOf(stack)).as("the seed tables are not entered twice").isEqualTo(seedEvents);
            assertThat(output.toString(StandardCharsets.UTF_8)).as("a restart's seed requests, answered from the "
                    + "first start's kept answers").contains("requests, all already entered by an earlier start");
        }

        // without the demo data, which the first start showed going in, so that what is left is what --fresh kept
        try (RunningStack stack = LocalStack.start(options.fresh(true).withoutDemoData(), out)) {
            assertThat(http.get(stack.queryService().resolve("/municipalities"), analyst).status())
                    .as("a token of the key deleted with the old data").isEqualTo(401);
            String freshAnalyst = tokenFromProvider(stack, "role=metro-analyst");
            assertThat(http.get(stack.queryService().resolve("/municipalities/" + KOGANEI), freshAnalyst).status())
                    .isEqualTo(404);
            assertThat(published(stack, KOGANEI)).isEmpty();
            assertThat(listedCodes(stack, freshAnalyst)).isEmpty();
        }
    }

    @Test
    void aTakenPortIsReportedWithTheOptionThatChangesItAndNothingStarts() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            int exitCode = LocalStack.run(new String[] {
                "--data-dir=" + folder.resolve("data"),
                "--postgres-port=" + FreePorts.any(), "--kafka-port=" + FreePorts.any(),
                "--kafka-controller-port=" + FreePorts.any(), "--command-port=" + taken.getLocalPort(),
                "--query-port=" + FreePorts.any(), "--identity-port=" + FreePorts.any(),
                "--web-port=" + FreePorts.any()}, out);

            assertThat(exitCode).isEqualTo(2);
            assertThat(output.toString(StandardCharsets.UTF_8)).isEqualTo("Port " + taken.getLocalPort()
                    + " (command service) is already in use. Stop what uses it, "
                    + "or start with --command-port=<another port>.\n");
            assertThat(folder.resolve("data")).doesNotExist();
        }
    }

    @Test
    void aFreshStartRefusesToDeleteAFolderTheStackDidNotCreate() throws Exception {
        Path someonesFolder = Files.createDirectories(folder.resolve("documents"));
        Files.writeString(someonesFolder.resolve("report.xlsx"), "keep me");

        int exitCode = LocalStack.run(new String[] {"--fresh", "--data-dir=" + someonesFolder,
            "--postgres-port=" + FreePorts.any(), "--kafka-port=" + FreePorts.any(),
            "--kafka-controller-port=" + FreePorts.any(), "--command-port=" + FreePorts.any(),
            "--query-port=" + FreePorts.any(), "--identity-port=" + FreePorts.any(),
            "--web-port=" + FreePorts.any()}, out);

        assertThat(exitCode).isEqualTo(1);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("refusing to delete it");
        assertThat(someonesFolder.resolve("report.xlsx")).hasContent("keep me");
    }

    private void assertThatASecondStackIsRefusedAndChangesNothing(LocalStackOptions freshOnTheSameFolder)
            throws Exception {
        ByteArrayOutputStream secondOutput = new ByteArrayOutputStream();
        int exitCode = LocalStack.run(toArguments(freshOnTheSameFolder), new PrintStream(secondOutput, true,
                StandardCharsets.UTF_8));

        assertThat(exitCode).isEqualTo(2);
        assertThat(secondOutput.toString(StandardCharsets.UTF_8)).startsWith("A local stack is already running");
        assertThat(freshOnTheSameFolder.dataDirectory().resolve("postgres/PG_VERSION")).exists();
    }

    private static String[] toArguments(LocalStackOptions options) {
        return new String[] {"--fresh", "--data-dir=" + options.dataDirectory(),
            "--postgres-port=" + options.postgresPort(), "--kafka-port=" + options.kafkaPort(),
            "--kafka-controller-port=" + options.kafkaControllerPort(), "--command-port=" + options.commandPort(),
            "--query-port=" + options.queryPort(), "--identity-port=" + options.identityPort(),
            "--web-port=" + options.webPort()};
    }

    /** Events of the seed cities other than their registration, by municipality. */
    private static Map<String, Integer> seedEventsOf(RunningStack stack) throws Exception {
        Map<String, Integer> events = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(stack.postgresUrl(), "postgres", "");
                PreparedStatement count = connection.prepareStatement("""
                        select municipality_code, count(*) from event_store.domain_event_entry
                        where municipality_code in ('132284', '132039', '132241', '130001')
                          and payload_type <> 'MunicipalityRegistered' group by municipality_code""");
                ResultSet rows = count.executeQuery()) {
            while (rows.next()) {
                events.put(rows.getString(1), rows.getInt(2));
            }
        }
        return events;
    }

    /** A token as the README gets it: {@code curl 'http://localhost:8083/token?role=...'}. */
    private static String tokenFromProvider(RunningStack stack, String query) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(stack.identity().tokenUri() + "?" + query)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private List<String> listedCodes(RunningStack stack, String token) throws Exception {
        URI list = stack.queryService().resolve("/municipalities");
        return http.get(list, token).body().path("items").valueStream()
                .map(item -> item.path("code").asString()).toList();
    }

    private static List<ConsumerRecord<String, IntegrationEnvelope>> published(RunningStack stack, String code) {
        return TopicReader.readAll(stack.kafkaBootstrapServers(), Topics.INTEGRATION_EVENTS.name(),
                        Topics.INTEGRATION_EVENTS.keySerde().deserializer(),
                        Topics.INTEGRATION_EVENTS.valueSerde().deserializer())
                .stream().filter(record -> record.key().equals(code)).toList();
    }
}
