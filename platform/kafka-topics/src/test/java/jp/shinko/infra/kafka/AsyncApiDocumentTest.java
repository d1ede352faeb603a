package jp.shinko.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.shinko.events.EventCatalogue;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.integration.ChainLink;
import jp.shinko.events.integration.IntegrationEnvelope;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.municipality.MunicipalityRegistered;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The AsyncAPI 3 document of the topic ({@code asyncapi.yaml} beside the envelope's JSON Schema
 * in {@code shared-events}) says what the code does: it is valid AsyncAPI 3.0 (checked against
 * the specification's own JSON Schema, {@code @asyncapi/specs} 6.11.1, Apache-2.0, in this
 * module's test resources), it names the topic, partitions and retention the topic is created
 * with, its payload is the envelope's JSON Schema itself (referenced, so the two cannot drift
 * apart) and its key the schema's municipality code, and the headers the relay writes validate
 * against its headers schema.
 */
class AsyncApiDocumentTest {

    private static final String DOCUMENT = "/jp/shinko/events/integration/asyncapi.yaml";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final IntegrationEnvelope TAMA_REGISTERED = IntegrationEnvelope.of(
            "0b6f4c1e-2f47-4a7e-9d0c-8d1f3b2a6e55", "Municipality", "132241", 0,
            Instant.parse("2026-11-22T04:31:00.123Z"), "register-tama", Actor.of("ops-1", Role.ADMIN),
            new ChainLink(1, "3b5d2f0c9e8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c"),
            new MunicipalityRegistered(MunicipalityCode.of("132241"), "多摩市", "Tama"));

    private final JsonNode document = read();

    @Test
    void isValidAsyncApi3() throws IOException {
        try (InputStream specification = getClass().getResourceAsStream("/asyncapi/asyncapi-3.0.0.schema.json")) {
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(specification);
            List<Error> errors = schema.validate(JSON.writeValueAsString(document), InputFormat.JSON);
            assertThat(errors).isEmpty();
        }
        assertThat(document.path("asyncapi").asString()).isEqualTo("3.0.0");
    }

    @Test
    void namesTheTopicAsItIsCreated() {
        Topic<?, ?> topic = Topics.INTEGRATION_EVENTS;
        JsonNode channel = document.path("channels").path("integrationEvents");
        assertThat(channel.path("address").asString()).isEqualTo(topic.name());
        JsonNode binding = channel.path("bindings").path("kafka");
        assertThat(binding.path("topic").asString()).isEqualTo(topic.name());
        assertThat(binding.path("partitions").asInt()).isEqualTo(topic.partitions());
        assertThat(binding.path("topicConfiguration").path(TopicConfig.RETENTION_MS_CONFIG).asString())
                .isEqualTo(topic.configs().get(TopicConfig.RETENTION_MS_CONFIG));
        assertThat(binding.path("topicConfiguration").path(TopicConfig.CLEANUP_POLICY_CONFIG).get(0).asString())
                .isEqualTo(topic.configs().get(TopicConfig.CLEANUP_POLICY_CONFIG));
        assertThat(document.path("operations").path("publishIntegrationEvent").path("action").asString())
                .as("the command service sends; consumers receive").isEqualTo("send");
    }

    @Test
    void thePayloadAndKeyAreTheEnvelopesJsonSchemaItself() throws IOException {
        JsonNode message = document.path("components").path("messages").path("integrationEvent");
        String payload = message.path("payload").path("schema").path("$ref").asString();
        assertThat(resourceBesideTheDocument(payload)).as("the file %s refers to", payload)
                .isEqualTo(resource(IntegrationEnvelope.JSON_SCHEMA));
        JsonNode envelopeSchema = JSON.readTree(resource(IntegrationEnvelope.JSON_SCHEMA));
        assertThat(message.path("payload").path("schemaFormat").asString()).as("the dialect the schema declares")
                .isEqualTo("application/schema+json;version=" + envelopeSchema.path("$schema").asString()
                        .replaceAll(".*/draft/([0-9-]+)/schema", "$1"));

        assertThat(message.path("bindings").path("kafka").path("key")).as("the key is the municipality code")
                .isEqualTo(envelopeSchema.at("/$defs/municipalityCode"));
    }

    @Test
    void theRelaysHeadersValidateAgainstItsHeadersSchema() {
        JsonNode headersSchema = document.path("components").path("messages").path("integrationEvent")
                .path("headers");
        Map<String, String> headers = new HashMap<>();
        for (Header header : CloudEventHeaders.of(TAMA_REGISTERED)) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        headers.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(JSON.writeValueAsString(headersSchema), InputFormat.JSON);

        assertThat(schema.validate(JSON.writeValueAsString(headers), InputFormat.JSON)).isEmpty();
        Set<String> described = new LinkedHashSet<>(headersSchema.path("properties").propertyNames());
        assertThat(described).as("every header the relay writes is described, and no other")
                .isEqualTo(headers.keySet());
        for (Class<?> type : EventCatalogue.EVENTS) {
            String ceType = CloudEventHeaders.TYPE_PREFIX + EventCatalogue.typeOf(type).name() + ".v"
                    + EventCatalogue.typeOf(type).revision();
            assertThat(ceType).matches(headersSchema.path("properties").path("ce_type").path("pattern").asString());
        }
        headers.put("ce_source", "/municipalities/13224");
        assertThat(schema.validate(JSON.writeValueAsString(headers), InputFormat.JSON)).isNotEmpty();
    }

    private static JsonNode read() {
        try (InputStream yaml = IntegrationEnvelope.class.getResourceAsStream(DOCUMENT)) {
            Map<String, Object> tree = new Yaml().load(yaml);
            return JSON.valueToTree(tree);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resourceBesideTheDocument(String relative) throws IOException {
        return resource(DOCUMENT.substring(0, DOCUMENT.lastIndexOf('/') + 1) + relative.replaceFirst("^\\./", ""));
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = IntegrationEnvelope.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
