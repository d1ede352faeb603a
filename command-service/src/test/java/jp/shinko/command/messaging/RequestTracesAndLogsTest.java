package jp.shinko.command.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.shinko.command.CommandServiceTest;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.integration.IntegrationEnvelope;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.kafka.CloudEventHeaders;
import jp.shinko.infra.kafka.Topics;
import jp.shinko.infra.testsupport.TestInfrastructure;
import jp.shinko.infra.testsupport.TestTokens;
import jp.shinko.infra.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * What an operator follows a command by: the request's W3C trace reaches the Kafka record of
 * every event it caused (a span of the same trace, published later by the relay), the record
 * carries the CloudEvents attributes of its envelope, and the log line of the request carries
 * the command id, the caller, the municipality and the trace in its logging context (the fields
 * of its JSON line in production). Kiryu (102032) is this test's.
 */
@CommandServiceTest
class RequestTracesAndLogsTest {

    private static final String CITY = "102032";

    @LocalServerPort
    int port;


    private final ListAppender<ILoggingEvent> requestLines = new ListAppender<>();

    @BeforeEach
    void listenToTheRequestLog() {
        requestLines.start();
        ((Logger) LoggerFactory.getLogger(CommandRequestLog.class)).addAppender(requestLines);
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger(CommandRequestLog.class)).detachAppender(requestLines);
    }

    @Test
    void aCommandsTraceReachesItsKafkaRecordsAndItsLogLineNamesWhoWhatAndTheTrace() {
        String registering = "4bf92f3577b34da6a3ce929d0e0e4736";
        send("POST", "/municipalities", TestTokens.admin(), registering, "register-" + CITY,
                Map.of("code", CITY, "name", "桐生市", "romanisedName", "Kiryu"));
        String changing = "0af7651916cd43dd8448eb211c80319c";
        String key = UUID.randomUUID().toString();
        String clerk = TestTokens.of(new Actor("kiryu-clerk", Role.MUNICIPAL_EDITOR, MunicipalityCode.of(CITY),
                null));
        send("PUT", "/municipalities/" + CITY + "/reason-codes", clerk, changing, key,
                Map.of("reasons", List.of(Map.of("code", "1", "label", "人手不足"))));

        List<ConsumerRecord<String, IntegrationEnvelope>> records = await().atMost(Duration.ofSeconds(30))
                .until(() -> TopicReader.readAll(TestInfrastructure.kafkaBootstrapServers(),
                        Topics.INTEGRATION_EVENTS.name(), Topics.INTEGRATION_EVENTS.keySerde().deserializer(),
                        Topics.INTEGRATION_EVENTS.valueSerde().deserializer()).stream()
                        .filter(record -> record.key().equals(CITY)).toList(), found -> found.size() == 2);
        assertThat(traceIdOf(records.get(0))).as("the registration's record, in the registering request's trace")
                .isEqualTo(registering);
        assertThat(traceIdOf(records.get(1))).isEqualTo(changing);
        assertThat(CloudEventHeaders.value(records.get(1).headers(), "traceparent"))
                .as("the relay's own span, not the request's").doesNotContain("00f067aa0ba902b7");
        for (ConsumerRecord<String, IntegrationEnvelope> record : records) {
            IntegrationEnvelope envelope = record.value();
            assertThat(headers(record)).containsEntry("ce_specversion", "1.0")
                    .containsEntry("ce_id", envelope.eventId())
                    .containsEntry("ce_source", "/municipalities/" + CITY)
                    .containsEntry("ce_type", "jp.shinko." + envelope.type() + ".v" + envelope.revision())
                    .containsEntry("ce_time", envelope.recordedAt().toString())
                    .containsEntry("ce_subject", envelope.aggregateId())
                    .containsEntry("content-type", "application/json");
        }
        assertThat(records.get(0).value().type()).isEqualTo("MunicipalityRegistered");
        assertThat(records.get(1).value().commandId()).isEqualTo(key);

        ILoggingEvent line = requestLines.list.stream()
                .filter(event -> event.getFormattedMessage()
                        .startsWith("PUT /municipalities/" + CITY + "/reason-codes answered 200 in "))
                .findFirst().orElseThrow(() -> new AssertionError("no line for the request in " + requestLines.list));
        assertThat(line.getMDCPropertyMap()).containsEntry("commandId", key)
                .containsEntry("subject", "kiryu-clerk")
                .containsEntry("role", "municipal-editor")
                .containsEntry("municipality", CITY)
                .containsEntry("traceId", changing);
    }

    private void send(String method, String path, String token, String traceId, String key, Object body) {
        RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .method(HttpMethod.valueOf(method)).uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .header(CommandMetadata.IDEMPOTENCY_KEY_HEADER, key)
                .contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange().expectStatus().is2xxSuccessful();
    }

    private static String traceIdOf(ConsumerRecord<?, ?> record) {
        String traceparent = CloudEventHeaders.value(record.headers(), "traceparent");
        assertThat(traceparent).as("W3C traceparent of the record").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        return traceparent.split("-")[1];
    }

    private static Map<String, String> headers(ConsumerRecord<?, ?> record) {
        Map<String, String> headers = new HashMap<>();
        record.headers().forEach(header -> headers.put(header.key(), CloudEventHeaders.value(record.headers(),
                header.key())));
        return headers;
    }
}
