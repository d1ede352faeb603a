package jp.shinko.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.municipality.MunicipalityRegistered;
import jp.shinko.infra.testsupport.RealInfrastructure;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/** The event store on real PostgreSQL: what is stored, and how one municipality's history is found. */
@SpringBootTest(classes = EventStoreTestApplication.class, properties = {
    "shinko.event-store.migrate=true",
    "shinko.event-store.token-table=event_store.unused_token_entry",
    "axon.axonserver.enabled=false",
    "axon.update-check.disabled=true"})
@ContextConfiguration(initializers = RealInfrastructure.class)
class EventStoreTest {

    @Autowired
    EventStore eventStore;

    @Autowired
    EventStorageEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void storesTheRecordedTimeAsATimestampAndReadsTheSameInstantBack() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        store("132241", 0);

        OffsetDateTime stored = jdbc.sql(
                        "select recorded_at from event_store.domain_event_entry where aggregate_identifier = '132241'")
                .query(OffsetDateTime.class).single();
        DomainEventMessage<?> read = eventStore.readEvents("132241").next();
        assertThat(stored.toInstant()).isEqualTo(read.getTimestamp()).isAfterOrEqualTo(before);
    }

    @Test
    void aProcessorReadsEachEventAsStoredWithItsRecordedTimeAndMetadata() {
        TrackingToken head = engine.createHeadToken();
        eventStore.publish(new GenericDomainEventMessage<>("Test", "132250", 0,
                new MunicipalityRegistered(MunicipalityCode.of("132250"), "名前", "Name"), Map.of("commandId", "c-1")));

        TrackedEventMessage<?> read = engine.readEvents(head, false).findFirst().orElseThrow();

        DomainEventMessage<?> event = (DomainEventMessage<?>) read;
        OffsetDateTime stored = jdbc.sql("select recorded_at from event_store.domain_event_entry "
                        + "where aggregate_identifier = '132250'").query(OffsetDateTime.class).single();
        assertThat(List.of(event.getType(), event.getAggregateIdentifier(), event.getSequenceNumber(),
                event.getTimestamp(), event.getMetaData().get("commandId")))
                .containsExactly("Test", "132250", 0L, stored.toInstant(), "c-1");
        assertThat(event.getPayload()).isEqualTo(new MunicipalityRegistered(MunicipalityCode.of("132250"), "名前",
                "Name"));
        assertThat(((GapAwareTrackingToken) read.trackingToken()).getIndex()).isEqualTo(jdbc.sql(
                "select global_index from event_store.domain_event_entry where aggregate_identifier = '132250'")
                .query(Long.class).single());
    }

    @Test
    void derivesTheMunicipalityFromTheAggregateIdentifier() {
        store("132284", 0);
        store("132284:plan:1", 0);
        store("not-a-municipal-record", 0);

        assertThat(jdbc.sql("""
                        select aggregate_identifier, municipality_code from event_store.domain_event_entry
                        where aggregate_identifier in ('132284', '132284:plan:1', 'not-a-municipal-record')
                        order by aggregate_identifier""").query().listOfRows())
                .extracting(row -> row.get("aggregate_identifier"), row -> row.get("municipality_code"))
                .containsExactly(
                        tuple("132284", "132284"),
                        tuple("132284:plan:1", "132284"),
                        tuple("not-a-municipal-record", null));
    }

    @Test
    void oneMunicipalitysEventsUpToARecordedTimeAreReadFromTheIndexInStoredOrder() {
        List<String> plan = transaction.execute(status -> {
            jdbc.sql("set local enable_seqscan = off").update();
            return jdbc.sql("""
                            explain select global_index from event_store.domain_event_entry
                            where municipality_code = '132241' and recorded_at <= now()
                            order by recorded_at, global_index""")
                    .query(String.class).list();
        });

        assertThat(String.join("\n", plan))
                .contains("Index Only Scan using domain_event_entry_municipality_recorded_idx")
                .contains("Index Cond: ((municipality_code = '132241'::bpchar) AND (recorded_at <= now()))")
                .doesNotContain("Sort");
    }

    @Test
    void aTokenAtATimeStartsAtTheFirstEventRecordedFromThen() {
        store("132039", 0);
        Instant between = jdbc.sql("select max(recorded_at) from event_store.domain_event_entry")
                .query(OffsetDateTime.class).single().toInstant().plusMillis(1);
        store("132039", 1);
        long secondIndex = jdbc.sql("""
                        select global_index from event_store.domain_event_entry
                        where aggregate_identifier = '132039' and sequence_number = 1""")
                .query(Long.class).single();

        TrackingToken token = engine.createTokenAt(between);

        assertThat(token.position()).hasValue(secondIndex - 1);
    }

    @Test
    void aReaderWhosePositionCarriesThousandsOfGapsReadsEveryEventFewerAtATime() {
        TrackingToken head = engine.createHeadToken();
        // positions taken and never used, as by transactions rolled back: gaps for every reader after them
        jdbc.sql("select nextval(pg_get_serial_sequence('event_store.domain_event_entry', 'global_index')) "
                + "from generate_series(1, 3000)").query().listOfRows();
        for (long sequence = 0; sequence < 100; sequence++) {
            store("131016", sequence);
        }

        List<TrackedEventMessage<?>> first = engine.readEvents(head, false).limit(1).collect(Collectors.toList());
        GapAwareTrackingToken afterFirst = (GapAwareTrackingToken) first.get(0).trackingToken();
        List<Long> rest = engine.readEvents(afterFirst, false)
                .map(event -> ((DomainEventMessage<?>) event).getSequenceNumber())
                .collect(Collectors.toList());

        assertThat(afterFirst.getGaps()).hasSize(3000);
        assertThat(PostgresEventStorageEngine.trackedBatchSize(afterFirst, 1000)).isEqualTo(66);
        assertThat(rest).containsExactlyElementsOf(LongStream.range(1, 100).boxed().toList());
    }

    @Test
    void theBatchShrinksWithTheGapsAReaderCarriesAndNeverBelowTen() {
        assertThat(PostgresEventStorageEngine.trackedBatchSize(null, 1000)).isEqualTo(1000);
        assertThat(PostgresEventStorageEngine.trackedBatchSize(GapAwareTrackingToken.newInstance(50, List.of()), 1000))
                .isEqualTo(1000);
        assertThat(PostgresEventStorageEngine.trackedBatchSize(GapAwareTrackingToken.newInstance(5000,
                LongStream.range(1000, 4999).boxed().toList()), 1000)).isEqualTo(50);
        assertThat(PostgresEventStorageEngine.trackedBatchSize(GapAwareTrackingToken.newInstance(50_000,
                LongStream.range(0, 49_999).boxed().toList()), 1000)).isEqualTo(10);
    }

    /**
     * A processor that stops reading for a while (the Kafka relay waiting for the broker) is let
     * go by the store's cache of recent events within {@code TAILING_CLEANUP} instead of holding
     * everything the store reads meanwhile; it then reads the store itself and must still get
     * every event, in stored order, none twice.
     */
    @Test
    void aReaderThatStopsForAWhileStillReadsEveryEventOnceInStoredOrder() throws InterruptedException {
        List<Long> read = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(engine.createHeadToken())) {
            store("132268", 0);
            read.add(nextOf(stream, "132268"));
            // 600 transactions, longer than the store waits before it lets a reader go
            for (long sequence = 1; sequence < 600; sequence++) {
                store("132268", sequence);
            }
            while (read.size() < 600) {
                read.add(nextOf(stream, "132268"));
            }
        }
        assertThat(read).isEqualTo(LongStream.range(0, 600).boxed().toList());
    }

    /**
     * The store's cache for tailing processors reads with {@code mayBlock} and keeps everything one
     * read call returns until it ends: that call stops after one batch; a processor's own read
     * goes on to the head.
     */
    @Test
    void aReadThatMayBlockEndsAfterOneBatchAndAProcessorsReadGoesOnToTheHead() {
        TrackingToken before = engine.createHeadToken();
        for (long sequence = 0; sequence < PostgresEventStorageEngine.TAILING_READ + 50; sequence++) {
            store("132276", sequence);
        }

        assertThat(engine.readEvents(before, true).count()).isEqualTo(PostgresEventStorageEngine.TAILING_READ);
        assertThat(engine.readEvents(before, false).count()).isEqualTo(PostgresEventStorageEngine.TAILING_READ + 50);
    }

    /** The sequence number of the next event of the aggregate in the stream. */
    private static long nextOf(BlockingStream<TrackedEventMessage<?>> stream, String aggregateIdentifier)
            throws InterruptedException {
        while (true) {
            DomainEventMessage<?> event = (DomainEventMessage<?>) stream.nextAvailable();
            if (aggregateIdentifier.equals(event.getAggregateIdentifier())) {
                return event.getSequenceNumber();
            }
        }
    }

    private void store(String aggregateIdentifier, long sequence) {
        String code = aggregateIdentifier.matches("\\d{6}.*") ? aggregateIdentifier.substring(0, 6) : "132241";
        eventStore.publish(new GenericDomainEventMessage<>("Test", aggregateIdentifier, sequence,
                new MunicipalityRegistered(MunicipalityCode.of(code), "名前", "Name"), Map.of()));
    }
}
