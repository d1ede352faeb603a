package jp.shinko.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.municipality.MunicipalityRegistered;
import jp.shinko.infra.testsupport.RealInfrastructure;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * Answers about the past keep a municipality's settled events in memory and read only the
 * events recorded since: the answers are the same as from the store alone, in stored order,
 * whichever instant is asked and however the settled boundary moves on.
 */
@SpringBootTest(classes = EventStoreTestApplication.class, properties = {
    "shinko.event-store.migrate=true",
    "shinko.event-store.token-table=event_store.unused_token_entry",
    "axon.axonserver.enabled=false",
    "axon.update-check.disabled=true"})
@ContextConfiguration(initializers = RealInfrastructure.class)
class RecordedEventsTest {

    private static final MunicipalityCode NAGO = MunicipalityCode.of("472018");
    private static final Instant T0 = Instant.parse("2026-04-01T01:00:00Z");

    @Autowired
    EventStore eventStore;

    @Autowired
    DataSource dataSource;

    @Autowired
    Serializer serializer;

    @Autowired
    Configuration configuration;

    @Test
    void settledEventsKeptInMemoryGiveTheSameAnswersAsTheStoreInStoredOrder() {
        store(0, T0, "一");
        store(1, T0.plus(Duration.ofMinutes(5)), "二");
        store(2, T0.plus(Duration.ofMinutes(10)), "三");
        MutableClock clock = new MutableClock(T0.plus(Duration.ofMinutes(20))); // settled up to T0 + 15 min
        RecordedEvents cached = new RecordedEvents(dataSource, serializer, configuration.upcasterChain(), clock,
                Duration.ofMinutes(5), 1000);

        assertThat(names(cached, T0.plus(Duration.ofMinutes(7)))).containsExactly("一", "二");
        // recorded after the settled boundary, and stored in another order than recorded
        store(3, T0.plus(Duration.ofMinutes(18)), "五");
        store(4, T0.plus(Duration.ofMinutes(17)), "四");

        assertThat(names(cached, T0.plus(Duration.ofMinutes(7)))).containsExactly("一", "二");
        assertThat(names(cached, T0.plus(Duration.ofMinutes(17)))).containsExactly("一", "二", "三", "四");
        assertThat(names(cached, T0.plus(Duration.ofMinutes(19)))).containsExactly("一", "二", "三", "五", "四");

        clock.now = T0.plus(Duration.ofMinutes(40)); // the boundary moves past both
        store(5, T0.plus(Duration.ofMinutes(39)), "六");
        assertThat(names(cached, T0.plus(Duration.ofMinutes(17)))).containsExactly("一", "二", "三", "四");
        assertThat(names(cached, T0.plus(Duration.ofMinutes(40))))
                .containsExactly("一", "二", "三", "五", "四", "六")
                .isEqualTo(names(new RecordedEvents(dataSource, serializer, configuration.upcasterChain(), clock,
                        Duration.ofMinutes(5), 0), T0.plus(Duration.ofMinutes(40))));
    }

    @Test
    void everyMunicipalityIsHandedOverAloneInCodeOrderWithItsEventsInStoredOrder() {
        MunicipalityCode ginowan = MunicipalityCode.of("472051");
        MunicipalityCode ishigaki = MunicipalityCode.of("472077");
        Instant t1 = Instant.parse("2026-05-01T01:00:00Z");
        store(ishigaki, 0, t1, "石垣一");
        store(ginowan, 0, t1.plusSeconds(60), "宜野湾一");
        store(ginowan, 1, t1.plusSeconds(30), "宜野湾二"); // stored after, recorded before
        store(ishigaki, 1, t1.plusSeconds(120), "石垣二");
        RecordedEvents recorded = new RecordedEvents(dataSource, serializer, configuration.upcasterChain(),
                Clock.systemUTC(), Duration.ofMinutes(5), 0);

        List<String> codes = new ArrayList<>();
        Map<String, List<String>> handed = new HashMap<>();
        recorded.forEachMunicipality(t1.plusSeconds(90), events -> {
            codes.add(code(events.get(0)));
            handed.put(code(events.get(0)), events.stream().map(RecordedEventsTest::name).toList());
        });

        assertThat(handed.get(ginowan.value())).as("in stored order").containsExactly("宜野湾一", "宜野湾二");
        assertThat(handed.get(ishigaki.value())).as("not the one recorded after the instant").containsExactly("石垣一");
        assertThat(codes).as("each once, in code order").doesNotHaveDuplicates().isSorted();
    }

    private void store(long sequence, Instant recordedAt, String name) {
        store(NAGO, sequence, recordedAt, name);
    }

    private void store(MunicipalityCode municipality, long sequence, Instant recordedAt, String name) {
        eventStore.publish(new GenericDomainEventMessage<>("Municipality", municipality.value(), sequence,
                new MunicipalityRegistered(municipality, name, "Okinawa"), Map.of(), UUID.randomUUID().toString(),
                recordedAt));
    }

    private static String code(DomainEventMessage<?> event) {
        return ((MunicipalityRegistered) event.getPayload()).municipalityCode().value();
    }

    private static String name(DomainEventMessage<?> event) {
        return ((MunicipalityRegistered) event.getPayload()).name();
    }

    private static List<String> names(RecordedEvents recorded, Instant asOf) {
        return recorded.of(NAGO, asOf).stream()
                .map(DomainEventMessage::getPayload)
                .map(payload -> ((MunicipalityRegistered) payload).name())
                .toList();
    }

    /** A clock the test moves on. */
    private static final class MutableClock extends Clock {

        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
