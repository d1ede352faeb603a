package jp.shinko.infra.consumer;

import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reference consumer of the integration events, for the metropolitan side: reads the topic
 * from its first event with a consumer group, dedupes on the event id, keeps a
 * {@link CrossCitySummary} and prints it once it has caught up (and again as events arrive).
 * Written against the README's contract and the envelope's JSON Schema only: a plain Kafka
 * client and the JSON as a tree.
 *
 * <p>{@code --bootstrap-servers HOST:PORT} (default localhost:9092), {@code --group ID}
 * (default a new one per run), {@code --once} to stop after the first summary.
 */
public final class ReferenceConsumer implements AutoCloseable {

    /** The topic of the contract (README, "The Kafka contract"). */
    public static final String TOPIC = "shinko.integration-events.v1";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter TOKYO = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Tokyo"));
    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaConsumer<String, String> consumer;
    private final CrossCitySummary summary = new CrossCitySummary();
    private final Optional<CityProjects> cityProjects;

    /** A consumer in a group that reads the topic from the beginning: the summary is kept in memory. */
    public ReferenceConsumer(String bootstrapServers, String group) {
        this(bootstrapServers, group, Optional.empty());
    }

    /**
     * The same, also following the joint projects one municipality takes part in.
     *
     * @param municipality the municipality's code, if its projects are followed
     */
    public ReferenceConsumer(String bootstrapServers, String group, Optional<String> municipality) {
        cityProjects = municipality.map(CityProjects::new);
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(TOPIC), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                // the summary keeps what it has; the next owner of a partition builds its own
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                consumer.seekToBeginning(partitions);
            }
        });
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** Runs with command-line options; returns the exit code. */
    public static int run(String[] args, PrintStream out) {
        List<String> options = List.of(args);
        String bootstrapServers = option(options, "--bootstrap-servers", "localhost:9092");
        String group = option(options, "--group", "tmg-reference-summary-" + UUID.randomUUID());
        Optional<String> municipality = Optional.ofNullable(option(options, "--municipality", null));
        try (ReferenceConsumer reader = new ReferenceConsumer(bootstrapServers, group, municipality)) {
            try {
                reader.consumer.partitionsFor(TOPIC, Duration.ofSeconds(10));
            } catch (TimeoutException unreachable) {
                out.println("No Kafka answers at " + bootstrapServers + " with topic " + TOPIC
                        + " (--bootstrap-servers HOST:PORT)");
                return 1;
            }
            out.println("Reading " + TOPIC + " at " + bootstrapServers + " as group " + group + "...");
            reader.readUntilCaughtUp(Duration.ofSeconds(60));
            out.print(reader.table());
            out.flush();
            if (options.contains("--once")) {
                return 0;
            }
            while (!Thread.currentThread().isInterrupted()) {
                if (reader.poll() > 0) {
                    out.print(reader.table());
                    out.flush();
                }
            }
            return 0;
        }
    }

    /** Polls once; returns the number of new (not duplicate) events taken. */
    public int poll() {
        int taken = 0;
        for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
            JsonNode envelope = JSON.readTree(record.value());
            cityProjects.ifPresent(projects -> projects.accept(envelope));
            if (summary.accept(envelope)) {
                taken++;
            }
        }
        return taken;
    }

    /** Polls until every partition assigned is read to its end, or the time is up. */
    public void readUntilCaughtUp(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            poll();
        } while (!caughtUp() && System.nanoTime() - deadline < 0);
    }

    private boolean caughtUp() {
        Set<TopicPartition> assigned = consumer.assignment();
        if (assigned.isEmpty()) {
            return false;
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
        return assigned.stream().allMatch(partition -> consumer.position(partition) >= ends.get(partition));
    }

    public CrossCitySummary summary() {
        return summary;
    }

    /** The joint projects of the municipality followed ({@code --municipality}), if one is. */
    public Optional<CityProjects> cityProjects() {
        return cityProjects;
    }

    /** The summary as a text table, times in Asia/Tokyo. */
    public String table() {
        StringBuilder table = new StringBuilder(String.format("%n%-8s %-6s %-44s %-36s %s%n", "city", "year",
                "items by rating", "statuses by symbol", "last update (Tokyo)"));
        for (CrossCitySummary.Line line : summary.lines()) {
            table.append(String.format("%-8s %-6d %-44s %-36s %s%n", line.municipalityCode(), line.fiscalYear(),
                    counts(line.ratings()), counts(line.statusSymbols()),
                    line.lastUpdate() == null ? "-" : TOKYO.format(line.lastUpdate())));
        }
        table.append(String.format("%d events, %d redeliveries ignored%n", summary.events(), summary.duplicates()));
        table.append(String.format("%nchain heads (compare with GET /municipalities/{code}/audit/chain):%n"));
        new TreeMap<>(summary.chainHeads()).forEach((city, head) ->
                table.append(String.format("%-8s %6d  %s%n", city, head.position(), head.link())));
        cityProjects.ifPresent(followed -> {
            table.append(String.format("%njoint projects the municipality takes part in:%n"));
            followed.projects().forEach(project -> table.append(String.format("%-8s %-26s %-7s %d  %s%n",
                    project.keeper(), project.projectId(), project.lead() ? "lead" : "partner", project.fiscalYear(),
                    project.title())));
        });
        return table.toString();
    }

    private static String counts(Map<String, Long> counts) {
        return counts.isEmpty() ? "-" : counts.entrySet().stream().map(count -> count.getKey() + " " + count.getValue())
                .collect(Collectors.joining("  "));
    }

    private static String option(List<String> options, String name, String fallback) {
        int at = options.indexOf(name);
        return at >= 0 && at + 1 < options.size() ? options.get(at + 1) : fallback;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
