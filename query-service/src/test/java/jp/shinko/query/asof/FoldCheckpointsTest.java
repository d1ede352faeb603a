package jp.shinko.query.asof;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.municipality.MunicipalityRegistered;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanAdopted;
import jp.shinko.events.plan.PlanId;
import jp.shinko.events.plan.PlanItemAdded;
import jp.shinko.events.plan.PlanItemContent;
import jp.shinko.events.progress.AnnualTargetSet;
import jp.shinko.events.progress.IndicatorDefined;
import jp.shinko.query.rows.ProgressRow;
import jp.shinko.query.rows.ReplayedRows;
import jp.shinko.query.rows.RowKey;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

/**
 * A municipality's rows folded from a checkpoint are the rows folded from its first event, for
 * every number of events, across checkpoints, and when an event stored late sits among those a
 * checkpoint was folded from.
 */
class FoldCheckpointsTest {

    private static final MunicipalityCode AKIRUNO = MunicipalityCode.of("132284");
    private static final PlanId PLAN = PlanId.of("shoko-2023");
    private static final ItemId SEMINAR = ItemId.of("b1");

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final FoldCheckpoints checkpoints = new FoldCheckpoints(metrics);

    @Test
    void rowsFromACheckpointAreTheRowsFromTheFirstEvent() {
        int interval = FoldCheckpoints.INTERVAL;
        List<DomainEventMessage<?>> events = events(3 * interval + 17);
        assertThat(rows(checkpoints.fold(AKIRUNO, events))).isEqualTo(rows(ReplayedRows.of(events)));
        assertThat(lastFolded()).isEqualTo(events.size());

        // the number of events, and how many are folded after the checkpoint that serves
        int[][] answers = {{1, 1}, {5, 5}, {interval - 1, interval - 1}, {interval, 0}, {interval + 1, 1},
                {2 * interval + 3, 3}, {events.size(), 17}};
        for (int[] answer : answers) {
            List<DomainEventMessage<?>> first = events.subList(0, answer[0]);
            assertThat(rows(checkpoints.fold(AKIRUNO, first))).as("the first %d events", answer[0])
                    .isEqualTo(rows(ReplayedRows.of(first)));
            assertThat(lastFolded()).as("events folded for the first %d", answer[0]).isEqualTo(answer[1]);
        }
    }

    @Test
    void anEventStoredLateAmongACheckpointsEventsIsNotSkipped() {
        List<DomainEventMessage<?>> events = events(2 * FoldCheckpoints.INTERVAL + 10);
        checkpoints.fold(AKIRUNO, events);
        assertThat(lastFolded()).isEqualTo(events.size());

        List<DomainEventMessage<?>> withLate = new ArrayList<>(events);
        withLate.add(100, message(events.size(), new AnnualTargetSet(AKIRUNO, PLAN, SEMINAR, FiscalYear.reiwa(1),
                BigDecimal.valueOf(-1), "人", null)));
        withLate = withLate.subList(0, FoldCheckpoints.INTERVAL + 5);
        assertThat(rows(checkpoints.fold(AKIRUNO, withLate))).isEqualTo(rows(ReplayedRows.of(withLate)));
        assertThat(lastFolded()).as("no checkpoint begins with these events").isEqualTo(withLate.size());

        List<DomainEventMessage<?>> readAgain = events(2 * FoldCheckpoints.INTERVAL + 10);
        assertThat(rows(checkpoints.fold(AKIRUNO, readAgain))).as("equal events, other objects")
                .isEqualTo(rows(ReplayedRows.of(events)));
        assertThat(lastFolded()).isEqualTo(readAgain.size());
    }

    private long total;

    /** The events the last answer folded. */
    private long lastFolded() {
        double now = metrics.get("shinko.as-of.folded.events").summary().totalAmount();
        long last = (long) now - total;
        total = (long) now;
        return last;
    }

    private static List<DomainEventMessage<?>> events(int count) {
        List<Object> events = new ArrayList<>(List.of(
                new MunicipalityRegistered(AKIRUNO, "あきる野市", "Akiruno"),
                new PlanAdopted(AKIRUNO, PLAN, "あきる野市商工業振興プラン", FiscalYear.reiwa(1), FiscalYear.reiwa(10)),
                new PlanItemAdded(AKIRUNO, PLAN, SEMINAR, null, new PlanItemContent("1", "事業承継セミナー",
                        List.of("Bi@Sta"), null, null, null, null, null)),
                new IndicatorDefined(AKIRUNO, PLAN, SEMINAR, "参加者数", "人", null, null)));
        while (events.size() < count) {
            int round = events.size();
            events.add(new AnnualTargetSet(AKIRUNO, PLAN, SEMINAR, FiscalYear.reiwa(1 + round % 10),
                    BigDecimal.valueOf(round), "人", null));
        }
        return IntStream.range(0, count).<DomainEventMessage<?>>mapToObj(i -> message(i, events.get(i))).toList();
    }

    private static DomainEventMessage<?> message(long sequence, Object event) {
        return new GenericDomainEventMessage<>("Plan", AKIRUNO.value() + ":plan:" + PLAN.value(), sequence, event);
    }

    private static List<List<ProgressRow>> rows(ReplayedRows rows) {
        return List.of(RowKey.PLAN, RowKey.ITEM, RowKey.FIGURE).stream()
                .map(kind -> rows.listAcrossMunicipalities(kind, ProgressRow.class)).toList();
    }
}
