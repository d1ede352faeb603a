package jp.shinko.infra.localstack;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.shinko.infra.kafka.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code ./local-stack events}: prints the integration events of a running local stack as a
 * consumer sees them, one line per record (key, then the envelope's JSON), from the first
 * record on, until Ctrl-C. Uses no consumer group, so it changes nothing on the broker.
 */
final class EventsTail {

    private EventsTail() {
    }

    static int run(LocalStackOptions options, PrintStream out) {
        String bootstrapServers = "localhost:" + options.kafkaPort();
        String topic = Topics.INTEGRATION_EVENTS.name();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            Set<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition()))
                    .collect(Collectors.toSet());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            out.println("Events on " + topic + " at " + bootstrapServers + " (Ctrl-C to stop):");
            while (!Thread.currentThread().isInterrupted()) {
                consumer.poll(Duration.ofMillis(500)).forEach(record ->
                        out.println(record.key() + "  " + new String(record.value(), StandardCharsets.UTF_8)));
                out.flush();
            }
            return 0;
        } catch (TimeoutException e) {
            out.println("No Kafka answers at " + bootstrapServers + " with topic " + topic
                    + ": is the local stack running? Start it with ./local-stack");
            return 1;
        }
    }
}
