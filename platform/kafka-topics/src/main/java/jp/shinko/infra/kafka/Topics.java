package jp.shinko.infra.kafka;

import java.util.List;
import java.util.Map;
import jp.shinko.events.integration.IntegrationEnvelope;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The catalogue of the project's Kafka topics.
 *
 * <p>Integration events are kept forever ({@code retention.ms=-1}): the volume is small (a few
 * thousand facts a year per city), and a consumer that starts late should be able to read a
 * city's whole history from the topic, not only from a replay.
 */
public final class Topics {

    /**
     * Every recorded fact of every municipality, as an {@link IntegrationEnvelope} in JSON; key:
     * the municipality code, so each city's events stay in order within one partition.
     */
    public static final Topic<String, IntegrationEnvelope> INTEGRATION_EVENTS = new Topic<>(
            "shinko.integration-events.v1",
            Serdes.String(),
            new IntegrationEnvelopeSerde(),
            6,
            Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1",
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE));

    /** All topics, for tools that create or list them. */
    public static final List<Topic<?, ?>> ALL = List.of(INTEGRATION_EVENTS);

    private Topics() {
    }
}
