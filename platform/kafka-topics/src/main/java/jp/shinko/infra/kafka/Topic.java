package jp.shinko.infra.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic as a typed object: its name, how keys and values are written, and the settings
 * it is created with. Producers and consumers take all of these from here, never a bare name.
 *
 * @param name the topic name
 * @param keySerde how keys are written and read
 * @param valueSerde how values are written and read
 * @param partitions the number of partitions it is created with
 * @param configs topic-level settings it is created with
 * @param <K> the key type
 * @param <V> the value type
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, int partitions,
        Map<String, String> configs) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
        if (partitions < 1) {
            throw new IllegalArgumentException("a topic needs at least one partition, got " + partitions);
        }
        configs = Map.copyOf(configs);
    }

    /**
     * The definition to create this topic with, at the given replication factor. With more than
     * one replica, a write needs all but one in sync ({@code min.insync.replicas}), so
     * {@code acks=all} survives the loss of a broker without accepting a write only one holds.
     */
    public NewTopic newTopic(short replicationFactor) {
        Map<String, String> withMinimumInSync = new HashMap<>(configs);
        withMinimumInSync.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                Integer.toString(Math.max(1, replicationFactor - 1)));
        return new NewTopic(name, partitions, replicationFactor).configs(withMinimumInSync);
    }
}
