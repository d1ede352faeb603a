package jp.shinko.infra.localstack.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import jp.shinko.infra.kafka.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * From a command's answer to its envelope in a plain Kafka consumer's hands: commands sent one
 * after the other, each with its own Idempotency-Key, which the envelope carries as its
 * {@code commandId}; both instants read from this JVM's monotonic clock.
 */
final class StreamLatency {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);

    private StreamLatency() {
    }

    /** Answers the latencies, one per command whose envelope arrived; throws when some never did. */
    static Latencies measure(String bootstrapServers, BenchCities cities, int commands) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Long> received = new ConcurrentHashMap<>();
        CountDownLatch allReceived = new CountDownLatch(commands);
        AtomicBoolean stop = new AtomicBoolean();
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.INTEGRATION_EVENTS.name()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end now, before any command is sent
            Thread reader = new Thread(() -> {
                while (!stop.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                        long now = System.nanoTime();
                        String commandId = BenchHttp.JSON.readTree(record.value()).path("commandId").asString("");
                        if (commandId.startsWith("stream-" + run) && received.putIfAbsent(commandId, now) == null) {
                            allReceived.countDown();
                        }
                    }
                }
            }, "bench-stream-reader");
            reader.start();
            Map<String, Long> accepted = new ConcurrentHashMap<>();
            for (int i = 0; i < commands; i++) {
                String key = "stream-" + run + "-" + i;
                cities.sendStatus(0, key, i % 2 == 0);
                accepted.put(key, System.nanoTime());
            }
            allReceived.await(DELIVERY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            stop.set(true);
            reader.join();
            if (received.size() < commands) {
                throw new IllegalStateException((commands - received.size()) + " of " + commands
                        + " envelopes did not arrive within " + DELIVERY_TIMEOUT.toSeconds() + " s");
            }
            List<Long> nanos = new ArrayList<>();
            accepted.forEach((key, at) -> nanos.add(received.get(key) - at));
            return Latencies.ofNanos(nanos);
        }
    }
}
